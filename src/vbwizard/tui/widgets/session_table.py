"""The table of saved sessions: filter, sort and marks, drawn a screen at a time.

A folder may hold ten thousand sessions. Textual's ``DataTable`` measures and
lays out every row it is given (about half a millisecond each, and a layout of
the whole screen per batch), which kept the event loop busy for 70 ms at a time
while a large folder loaded. This table keeps the rows as data and draws only
the lines on screen (Textual's line API): adding, filtering or sorting ten
thousand rows costs a few milliseconds, whatever the folder's size, and every
session is in the list — no cap, no rows trickling in after the sort.

Rows are identified by their index in :attr:`SessionTable.rows_loaded`; the
table shows :attr:`SessionTable.order`, the indices that match the filter in
the chosen order, with a header line that stays put while the rows scroll.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vbwizard.tui.widgets.session_rows import COLUMNS, Row

if TYPE_CHECKING:
    from vbwizard.session.listing import SessionEntry

BASELINE_MARK, MERGE_MARK = "◆ ", "✓ "
FIXED_WIDTHS = {2: 11, 3: 9, 4: 8}
"""Columns whose content has a known width: date, kind, status."""
PADDING = 1
"""Blank cells left and right of every cell."""
CONTROL = dict.fromkeys([*range(32), 127, *range(128, 160)], "\N{REPLACEMENT CHARACTER}")
"""Control characters are never written to the terminal as they are."""


SHARES = {0: 48, 1: 28, 5: 24}
"""How the columns of free text (title, who, area) share what the others leave."""
DROPPED = ((76, 5), (66, 3))
"""Below these widths a column is left out (area, then kind): the line below the
table still shows the highlighted session in full, and 1–6 still sort by them."""


def column_widths(width: int) -> list[int]:
    """Widths of the columns in a table ``width`` cells wide (0: left out); "…" cuts."""
    shown = [index for index in range(len(COLUMNS))]
    for below, column in DROPPED:
        if width < below:
            shown.remove(column)
    free = max(width - 2 * PADDING * len(shown), 30)
    rest = free - sum(FIXED_WIDTHS.get(index, 0) for index in shown)
    shares = {index: share for index, share in SHARES.items() if index in shown}
    total = sum(shares.values())
    widths = dict.fromkeys(range(len(COLUMNS)), 0)
    widths.update({index: FIXED_WIDTHS[index] for index in shown if index in FIXED_WIDTHS})
    widths.update({index: rest * share // total for index, share in shares.items()})
    widths[0] += rest - sum(widths[index] for index in shares)  # what rounding left over
    return [widths[index] for index in range(len(COLUMNS))]


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with "…"."""
    text = text.translate(CONTROL)
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""


@dataclass
class Column:
    """A column's header as shown (with its number and sort arrow) and its width."""

    label: Text
    width: int


class SessionTable(ScrollView, can_focus=True):
    """Sessions, filtered and sorted; marks for the baseline and for merging."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-table--header",
        "session-table--cursor",
        "session-table--even-row",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Kiezen", show=False),
        Binding("up", "move(-1)", "Vorige", show=False),
        Binding("down", "move(1)", "Volgende", show=False),
        Binding("pageup", "page(-1)", "Vorige pagina", show=False),
        Binding("pagedown", "page(1)", "Volgende pagina", show=False),
        Binding("home,ctrl+home", "jump(0)", "Eerste", show=False),
        Binding("end,ctrl+end", "jump(-1)", "Laatste", show=False),
    ]

    class Highlighted(Message):
        """Another session is highlighted (``index`` in ``rows_loaded``)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Selected(Message):
        """Enter (or a click on the highlighted row): open the session."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class HeaderClicked(Message):
        """A click on a column's header: sort by it."""

        def __init__(self, column: int) -> None:
            super().__init__()
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.rows_loaded: list[Row] = []
        self.order: list[int] = []
        """The rows shown, top to bottom, as indices in :attr:`rows_loaded`."""
        self.needle: list[str] = []
        self.sort_column: int | None = None
        """``None``: newest first."""
        self.sort_reverse = False
        self.baseline: Path | None = None
        self.marked: dict[Path, None] = {}
        """Sessions marked for merging, in the order they were marked."""
        self.cursor_row = 0
        """The highlighted line (a position in :attr:`order`)."""
        self.chosen = False
        """True once the user moved the cursor: from then on it stays on that session."""
        self._highlighted: int | None = None
        self._widths = column_widths(0)

    # -- what is shown -------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many sessions the table shows."""
        return len(self.order)

    @property
    def matching(self) -> int:
        """How many loaded sessions match the filter (all are shown)."""
        return len(self.order)

    @property
    def columns(self) -> dict[str, Column]:
        """The columns by key ("0" … "5"), with their headers as shown."""
        return {
            str(index): Column(self._label(index, label), self._widths[index])
            for index, label in enumerate(COLUMNS)
        }

    def get_row_at(self, position: int) -> list[str]:
        """The cells of the row at ``position``, as shown (marks included)."""
        row = self.rows_loaded[self.order[position]]
        return [self._title(row), *row.cells[1:]]

    def current_index(self) -> int | None:
        """The index (in ``rows_loaded``) of the highlighted row; ``None`` when empty."""
        return self.order[self.cursor_row] if self.order else None

    def entry_at(self, index: int) -> SessionEntry:
        """The session of the row with ``index`` in :attr:`rows_loaded`."""
        return self.rows_loaded[index].entry

    def _label(self, index: int, label: str) -> Text:
        arrow = ""
        if index == self.sort_column:
            arrow = " ▼" if self.sort_reverse else " ▲"
        return Text(f"{index + 1} {label}{arrow}")

    def _title(self, row: Row) -> str:
        path = row.entry.path
        mark = BASELINE_MARK if path == self.baseline else ""
        mark += MERGE_MARK if path in self.marked else ""
        return mark + row.cells[0]

    # -- filling, filtering and sorting ----------------------------------------------

    def matches(self, row: Row) -> bool:
        """True when every word of the filter occurs in the row."""
        return all(word in row.haystack for word in self.needle)

    def add_loaded(self, batch: list[Row]) -> None:
        """Take rows just read from the folder; those that match show at the bottom.

        They are sorted with the rest by :meth:`render_rows` once all are in.
        """
        first = len(self.rows_loaded)
        self.rows_loaded.extend(batch)
        self.order.extend(i for i, row in enumerate(batch, start=first) if self.matches(row))
        self._resized()
        self._announce()

    def render_rows(self) -> None:
        """Show the rows that match the filter, in order.

        The cursor stays on the session the user moved it to; otherwise (a list that
        just finished loading) it goes to the top: the newest session.
        """
        current = self.current_index() if self.chosen else None
        rows = self.rows_loaded
        shown = [i for i, row in enumerate(rows) if self.matches(row)]
        readable = [i for i in shown if rows[i].entry.readable]
        if self.sort_column is None:
            readable.sort(key=lambda i: rows[i].entry.recency, reverse=True)
        else:
            column = self.sort_column
            readable.sort(key=lambda i: rows[i].cells[column].casefold(), reverse=self.sort_reverse)
        # Unreadable files stay at the bottom whichever way the list is sorted.
        self.order = readable + [i for i in shown if not rows[i].entry.readable]
        try:
            position = self.order.index(current) if current is not None else 0
        except ValueError:  # filtered out: back to the top
            position = 0
        self._resized()
        self.move_cursor(position)
        self.refresh()

    def sort_by(self, column: int) -> None:
        """Sort by a column; the same column again reverses the order."""
        if self.sort_column == column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.render_rows()

    def toggle_baseline(self, path: Path) -> bool:
        """Mark ``path`` as the baseline (or unmark it); True when it is now marked."""
        self.baseline = None if path == self.baseline else path
        self.refresh()
        return self.baseline is not None

    def toggle_mark(self, path: Path) -> None:
        """Mark ``path`` for merging, or unmark it."""
        if path in self.marked:
            del self.marked[path]
        else:
            self.marked[path] = None
        self.refresh()

    # -- the cursor ------------------------------------------------------------------

    @property
    def _page(self) -> int:
        """Rows that fit below the header."""
        return max(self.scrollable_content_region.height - 1, 1)

    def move_cursor(self, row: int) -> None:
        """Highlight the row at position ``row`` (clamped) and scroll it into view."""
        self.cursor_row = max(0, min(row, len(self.order) - 1))
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + self._page:
            self.scroll_to(y=self.cursor_row - self._page + 1, animate=False)
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        index = self.current_index()
        if index is not None and index != self._highlighted:
            self._highlighted = index
            self.post_message(self.Highlighted(index))

    def action_move(self, step: int) -> None:
        """One row up or down."""
        self.chosen = True
        self.move_cursor(self.cursor_row + step)

    def action_page(self, pages: int) -> None:
        """A screenful up or down."""
        self.chosen = True
        self.move_cursor(self.cursor_row + pages * self._page)

    def action_jump(self, position: int) -> None:
        """To the first row (0) or the last (-1)."""
        self.chosen = True
        self.move_cursor(len(self.order) - 1 if position < 0 else position)

    def action_select(self) -> None:
        """Open the highlighted session."""
        index = self.current_index()
        if index is not None:
            self.post_message(self.Selected(index))

    def on_click(self, event: events.Click) -> None:
        """A header sorts; a row is highlighted, and opened when it already was."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            left = 0
            for column, width in enumerate(self._widths):
                if not width:
                    continue  # left out at this width
                left += width + 2 * PADDING
                if offset.x < left:
                    self.post_message(self.HeaderClicked(column))
                    break
            return
        position = round(self.scroll_y) + offset.y - 1
        if position < len(self.order):
            if position == self.cursor_row:
                self.action_select()
            else:
                self.chosen = True
                self.move_cursor(position)

    # -- drawing ---------------------------------------------------------------------

    def on_resize(self) -> None:
        """Fit the columns to the new width."""
        self._resized()

    def _resized(self) -> None:
        width = self.scrollable_content_region.width
        self._widths = column_widths(width)
        self.virtual_size = Size(width, len(self.order) + 1)

    def _line(self, cells: list[str], style: Style) -> Strip:
        text = "".join(
            " " * PADDING + fit(cell, width) + " " * PADDING
            for cell, width in zip(cells, self._widths, strict=True)
            if width
        )
        return Strip([Segment(text, style)])

    def render_line(self, y: int) -> Strip:
        """The header on the first line, below it the rows from the scroll position."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("session-table--header")
            labels = [self._label(i, label).plain for i, label in enumerate(COLUMNS)]
            line = self._line(labels, style)
        else:
            position = round(self.scroll_y) + y - 1
            if position >= len(self.order):
                return Strip.blank(width, base)
            style = base
            if position % 2 == 0:  # stripes: a long row stays easy to follow
                style += self.get_component_rich_style("session-table--even-row")
            if position == self.cursor_row:
                style += self.get_component_rich_style("session-table--cursor")
            line = self._line(self.get_row_at(position), style)
        return line.adjust_cell_length(width, base)
