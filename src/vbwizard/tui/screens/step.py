"""The base of every wizard step: header, step bar, body, footer, navigation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static, TextArea

from vbwizard.bank.models import Bank
from vbwizard.session.models import STEPS, Session, Step
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.choice_row import ChoiceRow

if TYPE_CHECKING:
    from vbwizard.tui.app import VbWizardApp

# The steps' names: in full (command palette) and short (the step bar).
STEP_TITLES: dict[Step, str] = {
    "scope": "1 Afbakening en context",
    "sources": "2 Bronnen",
    "problem": "3 Probleembeeld",
    "factors": "4 Tafel van 12",
    "priorities": "5 Prioriteiten",
    "goal": "6 Doel",
    "actions": "7 Acties",
    "summary": "8 Samenvatting",
}

# Short enough that all eight steps fit on one line of an 80-column terminal.
STEP_SHORT: dict[Step, str] = {
    "scope": "Kader",
    "sources": "Bronnen",
    "problem": "Probleem",
    "factors": "Tafel",
    "priorities": "Prio",
    "goal": "Doel",
    "actions": "Acties",
    "summary": "Samenv.",
}


class StepBar(Static):
    """Where the user is in the eight steps."""

    def __init__(self, current: Step) -> None:
        super().__init__(classes="step-bar")
        self.current = current

    def on_mount(self) -> None:
        """Render the steps with the current one highlighted."""
        parts = []
        for number, step in enumerate(STEPS, start=1):
            text = f"{number} {STEP_SHORT[step]}"
            parts.append(f"[reverse b] {text} [/]" if step == self.current else f" {text} ")
        self.update("".join(parts))


class StepScreen(Screen[None]):
    """A step of the wizard; subclasses set ``STEP`` and implement ``compose_body``."""

    CSS_PATH = WIZARD_CSS

    STEP: ClassVar[Step] = "scope"
    HELP: ClassVar[str] = ""
    AUTO_FOCUS = ""  # We focus the first field ourselves, without scrolling the title away.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "next_step", "Volgende", priority=True, tooltip="Volgende stap"),
        Binding("pageup", "previous_step", "Vorige", priority=True, tooltip="Vorige stap"),
        Binding("ctrl+n", "next_step", "Volgende", show=False, priority=True),
        Binding("ctrl+g", "grid", "Tafel", tooltip="Overzicht van de 12 factoren (Tafel van 12)"),
    ]

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    @property
    def session(self) -> Session:
        """The open session."""
        session = self.wizard.session
        assert session is not None, "a step screen needs an open session"
        return session

    @property
    def bank(self) -> Bank:
        """The question bank."""
        return self.wizard.bank

    def compose(self) -> ComposeResult:
        """Header, step bar, the step's body (scrollable) and the footer."""
        yield Header()
        yield StepBar(self.STEP)
        with VerticalScroll(id="body", can_focus=False):
            yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> Iterable[Widget]:
        """The step's own widgets."""
        return []

    def on_mount(self) -> None:
        """Focus the first field; lock the fields of a read-only session."""
        target = self.first_field()
        if target is not None:
            # Keep the step's title in view; the first field is near the top anyway.
            target.focus(scroll_visible=False)
        if self.wizard.read_only:
            for widget in self.query("Input, TextArea, ChoiceRow, Button, SelectionList"):
                if not widget.has_class("nav"):
                    widget.disabled = True

    def commit(self) -> bool:
        """Save the session now."""
        return self.wizard.commit()

    def _neighbour(self, offset: int) -> Step | None:
        index = STEPS.index(self.STEP) + offset
        return STEPS[index] if 0 <= index < len(STEPS) else None

    def action_next_step(self) -> None:
        """Go to the next step."""
        step = self._neighbour(1)
        if step is not None:
            self.wizard.goto(step)

    def action_previous_step(self) -> None:
        """Go to the previous step."""
        step = self._neighbour(-1)
        if step is not None:
            self.wizard.goto(step)

    def action_grid(self) -> None:
        """Show the Tafel van 12 overview."""
        self.wizard.goto("factors")

    def is_typing(self) -> bool:
        """True when the focus is in a text field (letter keys then type text)."""
        return isinstance(self.focused, Input | TextArea)

    def first_field(self) -> Widget | None:
        """The widget that gets the focus when the step opens."""
        for widget in self.query("Input, TextArea, ChoiceRow, DataTable, OptionList"):
            if widget.focusable:
                return widget
        return None

    def on_screen_resume(self) -> None:
        """Focus the first field when the step (re)appears."""
        if self.focused is None:
            target = self.first_field()
            if target is not None:
                target.focus(scroll_visible=False)


__all__ = ["ChoiceRow", "StepScreen"]
