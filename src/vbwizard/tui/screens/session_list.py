"""A simple list of saved sessions to continue or open."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from vbwizard.session.storage import SessionEntry, list_sessions

if TYPE_CHECKING:
    from vbwizard.tui.app import VbWizardApp

STATUS = {"in_progress": "bezig", "completed": "afgerond"}
MODE = {"group": "groep", "self": "zelf"}


class SessionListScreen(Screen[None]):
    """Saved sessions, newest first; Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self, *, only_in_progress: bool) -> None:
        super().__init__()
        self.only_in_progress = only_in_progress
        self.entries: list[SessionEntry] = []

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    def compose(self) -> ComposeResult:
        """A title and a table."""
        yield Header()
        title = "Verder met een sessie" if self.only_in_progress else "Opgeslagen sessies"
        yield Static(title, classes="step-title")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table."""
        table = self.query_one(DataTable)
        table.add_columns("Titel", "Gebied", "Datum", "Vorm", "Status")
        entries = list_sessions(self.wizard.sessions_dir)
        if self.only_in_progress:
            entries = [e for e in entries if e.status == "in_progress" or not e.readable]
        self.entries = entries
        for index, entry in enumerate(entries):
            if entry.readable:
                table.add_row(
                    entry.title or "(zonder titel)",
                    entry.area,
                    entry.date.isoformat() if entry.date else "",
                    MODE.get(entry.mode, entry.mode),
                    STATUS.get(entry.status, entry.status),
                    key=str(index),
                )
            else:
                table.add_row(
                    entry.path.name, f"onleesbaar: {entry.error}", "", "", "", key=str(index)
                )
        if not entries:
            self.notify(f"Geen sessies in {self.wizard.sessions_dir}.")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Open the chosen session."""
        entry = self.entries[int(str(event.row_key.value))]
        if not entry.readable:
            self.notify(f"{entry.path.name}: {entry.error}", title="Onleesbaar", severity="error")
            return
        self.app.pop_screen()
        self.wizard.open_session(entry.path)
