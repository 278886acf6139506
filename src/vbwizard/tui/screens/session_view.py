"""A saved session viewed read-only from the review screen: its summary, nothing editable.

The session is opened without its lock, so a colleague may have it open for
editing at the same time; this view never writes. ``o`` switches to editing
(with the lock), Escape goes back to the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.tui.screens.summary import SummaryScreen

READ_ONLY_HINT = "ALLEEN LEZEN · wijzigen kan hier niet · o: bewerken · Esc: terug"


class ReadOnlySummaryScreen(SummaryScreen):
    """The summary of a session opened read-only; Escape returns to the review list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close_view", "Terug"),
        Binding("o", "edit", "Bewerken", tooltip="Verder bewerken (met vergrendeling)"),
        Binding("c", "complete", "Afronden", show=False),
        # The step keys only explain here; hidden, so the footer shows what works.
        Binding("pagedown", "next_step", "Volgende", show=False, priority=True),
        Binding("pageup", "previous_step", "Vorige", show=False, priority=True),
        Binding("ctrl+g", "grid", "Tafel", show=False),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose_body(self) -> Iterable[Widget]:
        """A read-only banner above the usual summary."""
        yield Static(READ_ONLY_HINT, id="read-only-banner", classes="warning-box")
        yield from super().compose_body()

    def _show_status(self) -> None:
        # Without the "press c" of the editable summary: completing needs editing.
        status = "afgerond" if self.session.status == "completed" else "bezig"
        self.query_one("#summary-status", Static).update(f"Status: {status}.")

    def _leave(self) -> None:
        wizard = self.wizard
        wizard.close_session()
        self.app.pop_screen()

    def action_close_view(self) -> None:
        """Back to the review list (nothing to save: nothing could change)."""
        self._leave()

    def action_edit(self) -> None:
        """Open the same session for editing, where the user left off."""
        wizard, path = self.wizard, self.path
        self._leave()
        wizard.open_session(path)

    def _read_only_hint(self) -> None:
        self.notify("Alleen lezen. o: verder bewerken · Esc: terug.", timeout=3)

    def action_next_step(self) -> None:
        """Stay on the summary: the other steps are for editing."""
        self._read_only_hint()

    def action_previous_step(self) -> None:
        """Stay on the summary: the other steps are for editing."""
        self._read_only_hint()

    def action_grid(self) -> None:
        """Stay on the summary: the heat map above shows the twelve factors."""
        self._read_only_hint()
