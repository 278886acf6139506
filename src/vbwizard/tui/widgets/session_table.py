"""The table of saved sessions: filter, sort and marks, filled in chunks.

A folder may hold ten thousand sessions. Adding a row to a ``DataTable`` costs
about half a millisecond (it measures every cell), so the table shows at most
:data:`MAX_ROWS` rows — the filter and the sort still cover every session, and
the count line says when the list is cut short — and never adds them in one go:
the first chunk is added at once, the rest by a worker on the UI thread that
yields to the event loop after every chunk, so a key pressed meanwhile
(the next letter of the filter) is handled at once and simply starts a fresh
fill. (Scheduling chunks with ``call_later`` would not do: a widget works
through its whole message queue before the loop gets a turn.) While the folder
is still being read only :data:`EARLY_ROWS` rows are shown; the rest follow,
sorted, once all are in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from vbwizard.labels import MODE_LABELS, STATUS_LABELS

if TYPE_CHECKING:
    from vbwizard.bank.models import Bank
    from vbwizard.session.listing import SessionEntry

COLUMNS = ("Titel", "Wie", "Gewijzigd", "Soort", "Status", "Gebied")
"""What tells sessions apart at a glance: the same title is often used by many."""
CHUNK = 40
"""Rows added per step of a fill: about 20 ms, so a key waits no longer than that.

(150 rows a step kept the event loop's lag at p95 ≈ 50 ms while 10,000 sessions loaded.)"""
MAX_ROWS = 1000
"""Rows shown at most: enough to browse; beyond that the filter finds a session faster."""
EARLY_ROWS = 100
"""Rows shown while the folder is still being read, in arrival order: a few screens.

The rest waits until all are in and sorted (the table is redrawn then anyway), so the
UI thread leaves the reading thread the interpreter instead of adding rows twice."""
BASELINE_MARK, MERGE_MARK = "◆ ", "✓ "
EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)
MODES = {"group": "groep", "self": "zelf"}


@dataclass(frozen=True)
class Row:
    """One session as the table shows it, with the text the filter searches."""

    entry: SessionEntry
    cells: tuple[str, ...]
    haystack: str
    """Lower-case: everything the row and its detail line show, and the id."""
    detail: str = ""
    """The highlighted session in full, below the table."""


def who(entry: SessionEntry) -> str:
    """Whose session: the author of a self-assessment, else the facilitator."""
    if entry.mode == "self":
        return entry.facilitator or next(iter(entry.participants), "")
    return entry.facilitator


def kind(entry: SessionEntry) -> str:
    """Self-assessment, group session, follow-up or merge, in one word."""
    if entry.followup_of:
        return "vervolg"
    if entry.merged_from:
        return "samengev."
    return MODES.get(entry.mode, entry.mode)


def describe(entry: SessionEntry, priorities: list[str]) -> str:
    """The session in full, for the line below the table."""
    parts = [entry.title or "(zonder titel)"]
    if entry.area:
        parts.append(entry.area)
    person = who(entry)
    mode = MODE_LABELS.get(entry.mode, entry.mode)
    if entry.mode == "self":
        parts.append(f"{mode} van {person}" if person else mode)
    else:
        text = f"{mode}, begeleid door {person}" if person else mode
        if entry.participants:
            text += f", {len(entry.participants)} deelnemers"
        parts.append(text)
    if entry.followup_of:
        parts.append(f"vervolg op {entry.followup_of}")
    if entry.merged_from:
        parts.append(f"samengevoegd uit {len(entry.merged_from)} zelfanalyses")
    dates = []
    if entry.date:
        dates.append(f"datum {entry.date.isoformat()}")
    if entry.created:
        dates.append(f"gemaakt {entry.created.date().isoformat()}")
    if entry.updated:
        dates.append(f"gewijzigd {entry.updated.strftime('%Y-%m-%d %H:%M')}")
    parts += dates
    parts.append(STATUS_LABELS.get(entry.status, entry.status))
    if priorities:
        parts.append("prioriteiten: " + ", ".join(priorities))
    parts.append(entry.path.name)
    return " · ".join(parts)


def make_row(bank: Bank, entry: SessionEntry) -> Row:
    """Build a table row for a session (or for an unreadable file, with the reason)."""
    if not entry.readable:
        cells = (entry.path.name, f"onleesbaar: {entry.error}", "", "", "", "")
        text = f"{entry.path.name} onleesbaar {entry.error}"
        return Row(entry, cells, text.casefold(), f"{entry.path.name}: onleesbaar: {entry.error}")
    names = []
    for factor_id in entry.priorities:
        try:
            factor = bank.factor(factor_id)
        except KeyError:
            names.append(factor_id)
        else:
            names.append(factor.short_title or factor.title)
    status = STATUS_LABELS.get(entry.status, entry.status)
    updated = entry.updated.date().isoformat() if entry.updated else ""
    cells = (
        entry.title or "(zonder titel)",
        who(entry),
        updated,
        kind(entry),
        status,
        entry.area,
    )
    detail = describe(entry, names)
    searched = (detail, entry.id, entry.status, entry.mode, *entry.participants, *entry.merged_from)
    return Row(entry, cells, " ".join(searched).casefold(), detail)


def _cell(text: str) -> Text:
    # Text, not str: a title such as "[b]" must show as typed, never as markup.
    return Text(text, no_wrap=True, overflow="ellipsis")


class SessionTable(DataTable[Text]):
    """Sessions, filtered and sorted; marks for the baseline and for merging."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_loaded: list[Row] = []
        self.needle: list[str] = []
        self.sort_column: int | None = None
        """``None``: newest first."""
        self.sort_reverse = False
        self.matching = 0
        """How many loaded rows match the filter (some may still be on their way)."""
        self.baseline: Path | None = None
        self.marked: dict[Path, None] = {}
        """Sessions marked for merging, in the order they were marked."""
        self._pending: list[int] = []
        self._generation = 0
        """Raised by every new fill; a fill of an older generation stops."""
        self._filling = False
        self._keep: str | None = None

    def add_columns_for(self, width: int) -> None:
        """Add the columns with widths that fit ``width`` cells; long texts end in "…"."""
        free = max(width - 2 * len(COLUMNS) - 4, 40)
        fixed = {2: 11, 3: 9, 4: 8}
        rest = free - sum(fixed.values())
        title, person = rest * 48 // 100, rest * 28 // 100
        widths = {0: title, 1: person, 5: rest - title - person, **fixed}
        for index, label in enumerate(COLUMNS):
            self.add_column(self._label(index, label), width=widths[index], key=str(index))

    def _label(self, index: int, label: str) -> Text:
        arrow = ""
        if index == self.sort_column:
            arrow = " ▼" if self.sort_reverse else " ▲"
        return Text(f"{index + 1} {label}{arrow}", no_wrap=True, overflow="ellipsis")

    # -- filling ---------------------------------------------------------------------

    def matches(self, row: Row) -> bool:
        """True when every word of the filter occurs in the row."""
        return all(word in row.haystack for word in self.needle)

    def add_loaded(self, batch: list[Row]) -> None:
        """Take rows just read from the folder; show those that match (sorted later)."""
        first = len(self.rows_loaded)
        self.rows_loaded.extend(batch)
        new = [i for i, row in enumerate(batch, start=first) if self.matches(row)]
        self.matching += len(new)
        if self.sort_column is None:  # In arrival order until all are in; a sort waits.
            self._queue(new, limit=EARLY_ROWS)

    def render_rows(self) -> None:
        """Show the rows that match the filter, in order; keep the highlighted row."""
        current = self.current_index()
        shown = [i for i, row in enumerate(self.rows_loaded) if self.matches(row)]
        rows = self.rows_loaded
        readable = [i for i in shown if rows[i].entry.readable]
        if self.sort_column is None:
            readable.sort(key=lambda i: rows[i].entry.updated or EPOCH, reverse=True)
        else:
            column = self.sort_column
            readable.sort(key=lambda i: rows[i].cells[column].casefold(), reverse=self.sort_reverse)
        # Unreadable files stay at the bottom whichever way the list is sorted.
        shown = readable + [i for i in shown if not rows[i].entry.readable]
        self.matching = len(shown)
        self._generation += 1  # Any fill still under way is for the old order: drop it.
        self._pending = []
        self._filling = False
        self._keep = None if current is None else str(current)
        self.clear()
        self._queue(shown)

    @property
    def shown(self) -> int:
        """How many rows the table shows (or will, once the fill is done)."""
        return min(self.matching, MAX_ROWS)

    def _queue(self, indices: list[int], limit: int = MAX_ROWS) -> None:
        room = min(limit, MAX_ROWS) - self.row_count - len(self._pending)
        self._pending.extend(indices[: max(room, 0)])
        if self._pending and not self._filling:
            # The first chunk now: a short list (or the top of a long one) shows at once.
            self._add_chunk()
            if self._pending:
                self._filling = True
                generation = self._generation
                self.run_worker(self._fill(generation), group="session-table-fill")

    def _add_chunk(self) -> None:
        chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
        for index in chunk:
            row = self.rows_loaded[index]
            cells = [_cell(self._title(row)), *(_cell(text) for text in row.cells[1:])]
            self.add_row(*cells, key=str(index))
        if self._keep is not None and self._keep in self.rows:
            self.move_cursor(row=self.get_row_index(self._keep), animate=False)
            self._keep = None

    async def _fill(self, generation: int) -> None:
        try:
            while self._pending and generation == self._generation:
                await asyncio.sleep(0)  # Let keys and repaints through between chunks.
                if generation == self._generation:
                    self._add_chunk()
        finally:
            if generation == self._generation:
                self._filling = False

    # -- sorting and marks -----------------------------------------------------------

    def sort_by(self, column: int) -> None:
        """Sort by a column; the same column again reverses the order."""
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        for index, label in enumerate(COLUMNS):
            self.columns[ColumnKey(str(index))].label = self._label(index, label)
        self.render_rows()

    def _title(self, row: Row) -> str:
        path = row.entry.path
        mark = BASELINE_MARK if path == self.baseline else ""
        mark += MERGE_MARK if path in self.marked else ""
        return mark + row.cells[0]

    def _refresh_title(self, path: Path | None) -> None:
        for index, row in enumerate(self.rows_loaded):
            if row.entry.path == path and str(index) in self.rows:
                self.update_cell(str(index), "0", _cell(self._title(row)))

    def toggle_baseline(self, path: Path) -> bool:
        """Mark ``path`` as the baseline (or unmark it); True when it is now marked."""
        previous, self.baseline = self.baseline, None if path == self.baseline else path
        self._refresh_title(previous)
        self._refresh_title(path)
        return self.baseline is not None

    def toggle_mark(self, path: Path) -> None:
        """Mark ``path`` for merging, or unmark it."""
        if path in self.marked:
            del self.marked[path]
        else:
            self.marked[path] = None
        self._refresh_title(path)

    # -- the highlighted row ---------------------------------------------------------

    def current_index(self) -> int | None:
        """The index (in ``rows_loaded``) of the highlighted row; ``None`` when empty."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        return int(str(key.value))

    def entry_at(self, key: str) -> SessionEntry:
        """The session of a row key."""
        return self.rows_loaded[int(key)].entry
