"""Review saved sessions: filter, sort, view, continue, follow up, compare and merge.

The folder may hold thousands of sessions, so the list is read in a thread
worker and the table fills in batches: the screen appears at once, stays
responsive, and the filter works on whatever has been loaded so far.
"""

from __future__ import annotations

import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.footer import KeyFooter
from vbwizard.tui.widgets.session_rows import COLUMNS, Row, RowMaker
from vbwizard.tui.widgets.session_table import BASELINE_MARK, MERGE_MARK, SessionTable

if TYPE_CHECKING:
    from textual.worker import Worker

    from vbwizard.bank.models import Bank
    from vbwizard.session.listing import SessionEntry
    from vbwizard.session.models import Session
    from vbwizard.tui.app import VbWizardApp

BATCH = 300
"""Rows handed to the UI thread at once while the folder is read."""
FLUSH_SECONDS = 0.25
DRAWN_WAIT = 10.0
"""Seconds the reading thread waits for the screen to show every row; then no cache is written."""
HINT = "Enter bekijken · o bewerken · spatie (de)markeren · m nulmeting · 1–6 sorteren"


class ReviewScreen(Screen[None]):
    """Every saved session in a table; act on the highlighted or marked ones."""

    class RowsRead(Message):
        """Rows the reading thread made (posting is thread-safe in Textual)."""

        def __init__(self, rows: list[Row]) -> None:
            super().__init__()
            self.rows = rows

    class AllRead(Message):
        """The reading thread is done; ``skipped`` sessions were left out of "continue"."""

        def __init__(self, skipped: int) -> None:
            super().__init__()
            self.skipped = skipped

    CSS_PATH = WIZARD_CSS

    AUTO_FOCUS = "#review-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug"),
        Binding("slash", "focus_filter", "Zoeken", show=False),
        Binding("o", "edit", "Bewerken", show=False),
        Binding("f", "followup", "Vervolg", tooltip="Vervolgsessie op deze nulmeting"),
        Binding("c", "compare", "Vergelijk", tooltip="Vergelijk nulmeting en vervolg"),
        Binding("v", "trend", "Verloop", tooltip="Verloop van nulmeting en vervolgen"),
        Binding("g", "merge", "Samenvoegen", tooltip="Gemarkeerde zelfanalyses samenvoegen"),
        Binding("m", "mark_baseline", "Nulmeting markeren", show=False),
        Binding("space", "toggle_mark", "Markeren", show=False),
        Binding("s", "cycle_sort", "Sorteren", show=False),
        Binding("down", "focus_table", "Naar de lijst", show=False),
        *[Binding(str(n), f"sort({n - 1})", f"Sorteer kolom {n}", show=False) for n in range(1, 7)],
    ]

    def __init__(self, *, only_in_progress: bool = False) -> None:
        super().__init__()
        self.only_in_progress = only_in_progress
        """The start menu's "continue": sessions in progress, Enter edits."""
        self.filling = True
        """True while the folder is still being read."""
        self._drawn = threading.Event()
        """Set once every row read is on screen."""

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    @property
    def table(self) -> SessionTable:
        """The sessions table."""
        return self.query_one("#review-table", SessionTable)

    def compose(self) -> ComposeResult:
        """Title, filter, count line, the table and a key hint."""
        yield Header()
        title = "Verder met een sessie" if self.only_in_progress else "Opgeslagen sessies"
        yield Static(title, classes="step-title", id="review-title")
        yield Input(
            placeholder="Zoek in alles: titel, wie, gebied, datum, soort, status, id (/)",
            id="review-filter",
        )
        yield Static("Sessies laden…", id="review-status")
        yield SessionTable(id="review-table")
        # The highlighted session in full: what the narrow columns cannot show.
        yield Static("", id="review-detail")
        hint = HINT.replace("Enter bekijken", "Enter verder") if self.only_in_progress else HINT
        yield Static(hint, id="review-hint", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Start reading the folder in the background."""
        wizard = self.wizard
        self.run_worker(
            partial(self._load, wizard, wizard.sessions_dir),
            thread=True,
            exclusive=True,
            group="review-load",
        )

    # -- loading (worker thread) -----------------------------------------------------

    def _load(self, app: VbWizardApp, folder: Path) -> None:
        from textual.worker import get_current_worker

        from vbwizard.bulk import collector_paused
        from vbwizard.problems import ProblemsError

        worker = get_current_worker()
        try:
            bank = app.bank
        except ProblemsError:
            return  # The app reports a broken bank itself and closes.
        with collector_paused(keep=True):  # ten thousand rows, no cycles
            self._read_rows(worker, bank, folder)

    def _read_rows(self, worker: Worker[None], bank: Bank, folder: Path) -> None:
        from vbwizard.session.listing import FolderScan

        make_row = RowMaker(bank)
        skipped = 0
        batch: list[Row] = []
        flushed, sent = time.monotonic(), False
        # Cached summaries arrive at once, parsed files in bursts: the first rows go
        # by count or by time, so they show quickly either way; the rest by time only.
        # Posted, not called: this thread reads on while the screen draws.
        scan = FolderScan(folder)
        for entry in scan:
            if worker.is_cancelled or not self.is_attached:
                return
            if self.only_in_progress and entry.readable and entry.status != "in_progress":
                skipped += 1
                continue
            batch.append(make_row(entry))
            if (not sent and len(batch) >= BATCH) or time.monotonic() - flushed > FLUSH_SECONDS:
                self.post_message(self.RowsRead(batch))
                batch, flushed, sent = [], time.monotonic(), True
        self.post_message(self.RowsRead(batch))
        self.post_message(self.AllRead(skipped))
        # The cache for next time: once every row is on screen, so that writing it
        # does not compete with sorting and drawing them. Bounded, and given up when
        # the screen or the app closes (the app waits for this thread when it quits).
        deadline = time.monotonic() + DRAWN_WAIT
        while not self._drawn.wait(0.05):
            if worker.is_cancelled or time.monotonic() > deadline:
                return
        scan.remember()

    def on_unmount(self) -> None:
        """The rows go with the screen: let the collector see them again."""
        from vbwizard.bulk import release_kept

        release_kept()

    def on_review_screen_rows_read(self, message: RowsRead) -> None:
        """Rows from the reading thread: into the table."""
        self.table.add_loaded(message.rows)
        self._show_status()

    def on_review_screen_all_read(self, message: AllRead) -> None:
        """The folder is read."""
        self._loaded(message.skipped)
        self.call_after_refresh(self._drawn.set)

    def _loaded(self, completed: int) -> None:
        """All read; ``completed`` sessions were left out of "continue"."""
        self.filling = False
        self.render_rows()  # The folder gives no order; now sort what arrived.
        if self.table.rows_loaded:
            return
        folder = self.wizard.sessions_dir
        if completed:
            # The start screen counts these too: say where they are instead of "none".
            message = (
                f"Geen sessies die nog bezig zijn in {folder}; {completed} afgerond. "
                "Die vind je onder ‘Opgeslagen sessies bekijken’ (b op het startscherm)."
            )
            self.query_one("#review-status", Static).update(Text(message))
        else:
            message = f"Geen sessies in {folder}."
        self.notify(message, timeout=8, markup=False)

    def render_rows(self) -> None:
        """Show what matches the filter, in the chosen order, and the counts."""
        self.table.render_rows()
        self._show_status()

    def _show_status(self) -> None:
        table = self.table
        total, matching = len(table.rows_loaded), table.matching
        text = f"{matching} van {total} sessies" if matching != total else f"{total} sessies"
        if self.filling:
            text += " · laden…"
        if table.baseline is not None:
            text += f" · {BASELINE_MARK}nulmeting: {table.baseline.stem}"
        if table.marked:
            text += f" · {MERGE_MARK}{len(table.marked)} gemarkeerd"
        column = table.sort_column
        if column is not None and not table.columns[str(column)].width:
            # Left out at this width: say how the list is ordered all the same.
            direction = "aflopend" if table.sort_reverse else "oplopend"
            text += f" · gesorteerd op {COLUMNS[column].lower()}, {direction}"
        # Text, not markup: a file name such as "[b].toml" shows as it is.
        self.query_one("#review-status", Static).update(Text(text))

    # -- the highlighted row -----------------------------------------------------------

    def current_entry(self, *, readable: bool = True) -> SessionEntry | None:
        """The highlighted session; explains and returns ``None`` when there is none to use."""
        index = self.table.current_index()
        if index is None:
            self.notify("Geen sessie gekozen.", timeout=3)
            return None
        entry = self.table.rows_loaded[index].entry
        if readable and not entry.readable:
            self._explain_unreadable(entry)
            return None
        return entry

    def _explain_unreadable(self, entry: SessionEntry) -> None:
        self.notify(
            f"{entry.path.name} is geen leesbare sessie: {entry.error}\n"
            "Herstel het bestand (of haal het uit de map); "
            "‘vbwizard validate’ toont alle fouten.",
            title="Onleesbaar bestand",
            severity="error",
            timeout=10,
            markup=False,  # File names and reasons are shown as they are.
        )

    # -- events ----------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        if event.input.id == "review-filter":
            self.table.needle = event.value.casefold().split()
            self.render_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter: on to the list."""
        self.action_focus_table()

    def on_session_table_selected(self, event: SessionTable.Selected) -> None:
        """Enter: view read-only (or, when continuing, open for editing)."""
        entry = self.table.entry_at(event.index)
        if not entry.readable:
            self._explain_unreadable(entry)
        elif self.only_in_progress:
            self.wizard.open_session(entry.path)
        else:
            from vbwizard.tui.screens.session_view import ReadOnlySummaryScreen

            self.wizard.open_session(
                entry.path, read_only=True, screen=ReadOnlySummaryScreen(entry.path)
            )

    def on_session_table_highlighted(self, event: SessionTable.Highlighted) -> None:
        """Show the highlighted session in full below the table."""
        row = self.table.rows_loaded[event.index]
        self.query_one("#review-detail", Static).update(Text(row.detail))

    def on_session_table_header_clicked(self, event: SessionTable.HeaderClicked) -> None:
        """A click on a column header sorts by it (again: the other way round)."""
        self.action_sort(event.column)

    # -- actions ---------------------------------------------------------------------

    def action_back(self) -> None:
        """From the filter to the list; from the list back to the start screen."""
        if self.query_one("#review-filter", Input).has_focus:
            self.action_focus_table()
        else:
            self.app.pop_screen()

    def action_focus_filter(self) -> None:
        """Type to filter."""
        self.query_one("#review-filter", Input).focus()

    def action_focus_table(self) -> None:
        """Back to the list."""
        self.table.focus()

    def action_sort(self, column: int) -> None:
        """Sort by a column; the same column again reverses the order."""
        self.table.sort_by(column)
        self._show_status()

    def action_cycle_sort(self) -> None:
        """Sort by the next column."""
        current = self.table.sort_column
        column = 0 if current is None else (current + 1) % len(COLUMNS)
        self.action_sort(column)

    def action_edit(self) -> None:
        """Continue editing the highlighted session (it is locked meanwhile)."""
        entry = self.current_entry()
        if entry is not None:
            self.wizard.open_session(entry.path)

    def action_mark_baseline(self) -> None:
        """Mark (or unmark) the highlighted session as the baseline to compare with."""
        entry = self.current_entry()
        if entry is not None:
            if self.table.toggle_baseline(entry.path):
                self.notify("Nulmeting gemarkeerd. Kies het vervolg en druk c.", timeout=4)
            self._show_status()

    def action_toggle_mark(self) -> None:
        """Mark (or unmark) the highlighted session for merging.

        The cursor stays: a second space undoes the first, and the row marked is
        the row the user sees marked.
        """
        entry = self.current_entry()
        if entry is not None:
            self.table.toggle_mark(entry.path)
            self._show_status()

    def action_followup(self) -> None:
        """Start a follow-up of the highlighted session, linked to it as its baseline."""
        from vbwizard.followup import make_followup

        session = self._read_current()
        if session is not None:
            followup = make_followup(self.wizard.bank, session)
            if self.wizard.open_new_session(followup):
                self.notify(f"Vervolg op ‘{session.scope.title}’ gestart.", timeout=5, markup=False)

    def action_compare(self) -> None:
        """Compare the marked baseline (or the recorded one) with the highlighted session."""
        from vbwizard.followup import load_baseline
        from vbwizard.tui.screens.compare import CompareScreen

        entry = self.current_entry()
        followup = self._read_current()
        if entry is None or followup is None:
            return
        base: Session | None = None
        marked = self.table.baseline
        if marked is not None and marked != entry.path:
            base = self._read(marked)
            if base is None:
                return
        elif followup.links.followup_of:
            base = load_baseline(self.wizard.sessions_dir, followup.links.followup_of)
            if base is None:
                self.notify(
                    f"De nulmeting ‘{followup.links.followup_of}’ staat niet (leesbaar) in de map.",
                    severity="error",
                    markup=False,
                )
                return
        else:
            self.notify(
                "Markeer eerst de nulmeting met m, ga dan naar het vervolg en druk c.", timeout=6
            )
            return
        self.app.push_screen(CompareScreen(base, followup))

    def action_trend(self) -> None:
        """Show the chain (baseline → follow-ups) of the highlighted session."""
        from vbwizard.tui.screens.trend import TrendScreen

        session = self._read_current()
        if session is not None:
            self.app.push_screen(TrendScreen(session))

    def action_merge(self) -> None:
        """Merge the marked self-assessments into a new group session."""
        from vbwizard.tui.screens.merge import MergeDialog

        marked = self.table.marked
        if len(marked) < 2:
            self.notify(
                "Markeer met de spatiebalk minstens twee zelfanalyses en druk dan g.", timeout=6
            )
            return
        # Title and whose it is: several self-assessments often share a title.
        titles = {
            row.entry.path: " · ".join(c for c in row.cells[:2] if c)
            for row in self.table.rows_loaded
        }
        self.app.push_screen(MergeDialog({path: titles.get(path, "") for path in marked}))

    # -- reading ---------------------------------------------------------------------

    def _read_current(self) -> Session | None:
        entry = self.current_entry()
        return None if entry is None else self._read(entry.path)

    def _read(self, path: Path) -> Session | None:
        from vbwizard.problems import ProblemsError
        from vbwizard.session.storage import read_session

        try:
            return read_session(path)[0]
        except ProblemsError as exc:
            self.notify(str(exc.problems[0]), title="Onleesbaar", severity="error", markup=False)
            return None
