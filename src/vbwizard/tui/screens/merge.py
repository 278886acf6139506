"""Merge marked self-assessments into one group session, from the review screen.

The check and the merge are the same as ``vbwizard merge``: sessions made with
another question bank are refused with a message that names them, and the
merged session opens on the list of where the participants disagree, widest first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Static

from vbwizard.problems import ProblemsError
from vbwizard.tui.themes import WIZARD_CSS

if TYPE_CHECKING:
    from vbwizard.session.models import Session
    from vbwizard.tui.app import VbWizardApp


def read_inputs(app: VbWizardApp, paths: list[Path]) -> tuple[list[Session], list[str]]:
    """Read and check the sessions in ``paths``.

    Returns:
        The sessions, or none when they cannot be merged, and the lines to
        show: every refusal (each unreadable or incompatible file), else the
        warnings about unfinished inputs and group sessions among them.
    """
    from vbwizard.merge import input_warnings, load_merge_inputs

    try:
        sessions = load_merge_inputs(app.bank, paths)
    except ProblemsError as exc:
        return [], [f"{p.file.name}: {p.message}" for p in exc.problems]
    return sessions, input_warnings(sessions, [path.name for path in paths])


ANONYMOUS_HINT = (
    "Namen, titels en ids van de zelfanalyses vallen weg, bekende namen ook uit de notities. "
    "Vrije tekst kan nog andere namen bevatten: lees de notities na voor je deelt."
)


class MergeDialog(ModalScreen[None]):
    """Confirm the sessions to merge, choose anonymity, then merge and open the result."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, sessions: dict[Path, str]) -> None:
        """Merge ``sessions``: their files, each with the title the list shows."""
        super().__init__()
        self.paths = list(sessions)
        self.titles = sessions
        self.sessions: list[Session] = []
        """The inputs, read when the dialog opens; empty when they cannot be merged."""
        self.messages: list[str] = []
        """Why they cannot be merged, or else what to watch out for."""

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    def compose(self) -> ComposeResult:
        """The chosen files, warnings, the anonymity choice, a message line and two buttons."""
        with Vertical(classes="dialog", id="merge-dialog"):
            yield Label(f"{len(self.paths)} zelfanalyses samenvoegen", classes="step-title")
            # Text, not markup: titles are the users' own words, brackets and all.
            names = "\n".join(f"• {title} ({path.name})" for path, title in self.titles.items())
            yield Static(Text(names), id="merge-files")
            yield Static("", id="merge-warnings", classes="warning-box")
            yield Checkbox("Anoniem: deelnemers als P1, P2, … in plaats van namen", id="anonymous")
            yield Static(ANONYMOUS_HINT, id="merge-anonymous-hint", classes="hint")
            yield Static("", id="merge-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Samenvoegen", id="merge-go", variant="primary")
                yield Button("Annuleren", id="merge-cancel")

    def on_mount(self) -> None:
        """Read the files and say before merging what is wrong or unfinished.

        The main button gets the focus: the list was already chosen.
        """
        self.sessions, self.messages = read_inputs(self.wizard, self.paths)
        self.query_one("#merge-anonymous-hint").display = False
        warnings = self.query_one("#merge-warnings", Static)
        if self.sessions:
            warnings.update(Text("\n".join(f"Let op: {m}" for m in self.messages)))
        else:
            self._show_refusal()
        warnings.display = bool(self.sessions and self.messages)
        self.query_one("#merge-go", Button).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Anonymous: say what it does not cover (names in free text)."""
        self.query_one("#merge-anonymous-hint").display = event.value

    def _show_refusal(self) -> None:
        lines = "\n".join(f"• {m}" for m in self.messages)
        error = self.query_one("#merge-error", Static)
        error.update(Text("Niet samen te voegen:\n" + lines))
        error.display = True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Merge or cancel."""
        event.stop()
        if event.button.id == "merge-go":
            self.merge()
        else:
            self.dismiss(None)

    def merge(self) -> None:
        """Merge, save the new group session and open it on "where do we disagree?"."""
        from vbwizard.merge import merge_sessions
        from vbwizard.tui.screens.disagreements import DisagreementsScreen

        if not self.sessions:
            self._show_refusal()
            return
        anonymous = self.query_one("#anonymous", Checkbox).value
        merged = merge_sessions(self.wizard.bank, self.sessions, anonymous=anonymous)
        wizard = self.wizard
        self.dismiss(None)
        # The warnings were in the dialog already; the merge opens where people disagree.
        wizard.open_new_session(merged, screen=DisagreementsScreen())

    def action_cancel(self) -> None:
        """Close without merging."""
        self.dismiss(None)
