"""Small modal dialogs: a yes/no question and a one-line input."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from vbwizard.tui.themes import WIZARD_CSS


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; dismiss with True (yes) or False (no / Escape)."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "Annuleren"),
        Binding("j", "answer(True)", "Ja", show=False),
        Binding("n", "answer(False)", "Nee", show=False),
    ]

    def __init__(self, question: str, *, yes: str = "Ja", no: str = "Nee") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        """Question and two buttons."""
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label, id="yes", variant="primary")
                yield Button(self.no_label, id="no")

    def on_mount(self) -> None:
        """Focus the default answer."""
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Answer from a key."""
        self.dismiss(answer)


class InputDialog(ModalScreen[str | None]):
    """Ask for one line of text; Enter confirms, Escape cancels."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, prompt: str, *, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        """Prompt and input."""
        with Vertical(classes="dialog"):
            yield Label(self.prompt, classes="dialog-question", markup=False)
            yield Input(self.value, id="dialog-input")
            yield Label("Enter: bevestigen · Esc: annuleren", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Confirm."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Cancel."""
        self.dismiss(None)
