"""Merge marked self-assessments into one group session, from the review screen.

The check and the merge are the same as ``vbwizard merge``: sessions made with
another question bank are refused with a message that names them, and the
merged session opens on the factor where the participants disagree most.
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


def merge_files(
    app: VbWizardApp, paths: list[Path], *, anonymous: bool
) -> tuple[Session | None, list[str]]:
    """Read, check and merge the sessions in ``paths``.

    Returns:
        The merged session (``None`` when refused) and the lines to show the
        user: every refusal, or warnings such as a group session among them.
    """
    from vbwizard.bulk import collector_paused
    from vbwizard.merge import check_compatible, merge_sessions
    from vbwizard.session.storage import read_session

    sessions, problems = [], []
    with collector_paused():  # a reviewer may merge hundreds of self-assessments
        for path in paths:  # Every unreadable file at once, not one per attempt.
            try:
                sessions.append(read_session(path)[0])
            except ProblemsError as exc:
                problems += exc.problems
    try:
        if problems:
            raise ProblemsError(problems)
        check_compatible(app.bank, sessions, paths)
    except ProblemsError as exc:
        return None, [f"{p.file.name}: {p.message}" for p in exc.problems]
    warnings = [
        f"{path.name} is geen zelfanalyse maar een groepssessie."
        for path, session in zip(paths, sessions, strict=True)
        if session.mode != "self"
    ]
    return merge_sessions(app.bank, sessions, anonymous=anonymous), warnings


class MergeDialog(ModalScreen[None]):
    """Confirm the sessions to merge, choose anonymity, then merge and open the result."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, sessions: dict[Path, str]) -> None:
        """Merge ``sessions``: their files, each with the title the list shows."""
        super().__init__()
        self.paths = list(sessions)
        self.titles = sessions

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    def compose(self) -> ComposeResult:
        """The chosen files, the anonymity choice, a message line and two buttons."""
        with Vertical(classes="dialog", id="merge-dialog"):
            yield Label(f"{len(self.paths)} zelfanalyses samenvoegen", classes="step-title")
            # Text, not markup: titles are the users' own words, brackets and all.
            names = "\n".join(f"• {title} ({path.name})" for path, title in self.titles.items())
            yield Static(Text(names), id="merge-files")
            yield Checkbox("Anoniem: deelnemers als P1, P2, … in plaats van namen", id="anonymous")
            yield Static("", id="merge-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Samenvoegen", id="merge-go", variant="primary")
                yield Button("Annuleren", id="merge-cancel")

    def on_mount(self) -> None:
        """Focus the main button: the list was already chosen."""
        self.query_one("#merge-go", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Merge or cancel."""
        event.stop()
        if event.button.id == "merge-go":
            self.merge()
        else:
            self.dismiss(None)

    def merge(self) -> None:
        """Merge, save the new group session and open it at the most disputed factor."""
        anonymous = self.query_one("#anonymous", Checkbox).value
        merged, messages = merge_files(self.wizard, self.paths, anonymous=anonymous)
        if merged is None:
            error = self.query_one("#merge-error", Static)
            error.update(Text("Niet samen te voegen:\n" + "\n".join(f"• {m}" for m in messages)))
            error.display = True
            return
        wizard = self.wizard
        self.dismiss(None)
        if wizard.open_new_session(merged):
            for message in messages:
                wizard.notify(message, title="Let op", severity="warning", timeout=8, markup=False)
            wizard.notify(
                "Samengevoegd. Deze factor heeft de grootste spreiding: begin hier.", timeout=6
            )

    def action_cancel(self) -> None:
        """Close without merging."""
        self.dismiss(None)
