"""The base of every wizard step: header, step bar, body, footer, navigation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static, TextArea

from vbwizard.bank.models import Bank
from vbwizard.session.models import STEPS, Session, Step
from vbwizard.steps import PHASES, STEP_NAMES, STEP_PHASE, step_number
from vbwizard.tui.dutch import dutch_bindings
from vbwizard.tui.widgets.choice_row import ChoiceRow
from vbwizard.tui.widgets.fields import AnswerCommitted

if TYPE_CHECKING:
    from vbwizard.session.controller import SessionController
    from vbwizard.tui.app import VbWizardApp


class StepBar(Static):
    """Where the user is: the method's phases, their steps, and the current step by name.

    Only the current step is named in full (all names would not fit 80 columns);
    the other steps show their number under their phase.
    """

    def __init__(self, current: Step, phase_titles: dict[str, str]) -> None:
        super().__init__(classes="step-bar")
        self.current = current
        self.phase_titles = phase_titles

    def on_mount(self) -> None:
        """Render the phases with the current phase and step highlighted."""
        parts = []
        for phase in PHASES:
            title = escape(self.phase_titles.get(phase, phase.capitalize()))
            steps = [s for s in STEPS if STEP_PHASE[s] == phase]
            numbers = []
            for step in steps:
                number = step_number(step)
                if step == self.current:
                    numbers.append(f"[reverse b]{number} {escape(STEP_NAMES[step])}[/]")
                else:
                    numbers.append(str(number))
            current_phase = STEP_PHASE[self.current] == phase
            label = f"[b]{title}[/b]" if current_phase else title
            parts.append(" ".join([label, *numbers]))
        self.update(" │ ".join(parts))


class StepScreen(Screen[None]):
    """A step of the wizard; subclasses set ``STEP`` and implement ``compose_body``."""

    STEP: ClassVar[Step] = "scope"
    HELP: ClassVar[str] = ""
    AUTO_FOCUS = ""  # We focus the first field ourselves, without scrolling the title away.
    BINDINGS: ClassVar[list[BindingType]] = [
        *dutch_bindings(Screen),
        Binding("pagedown", "next_step", "Volgende", priority=True, tooltip="Volgende stap"),
        Binding("pageup", "previous_step", "Vorige", priority=True, tooltip="Vorige stap"),
        Binding("ctrl+n", "next_step", "Volgende", show=False, priority=True),
        Binding("ctrl+g", "grid", "Tafel", tooltip="Overzicht van de 12 factoren (Tafel van 12)"),
    ]

    _controller: SessionController | None = None

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    @property
    def controller(self) -> SessionController:
        """The session this screen was made for; it stays this one even after it is closed.

        Edits and saves of a screen therefore never reach another session, and a
        save after closing is refused by the (closed) controller.
        """
        if self._controller is None:
            controller = self.wizard.controller
            assert controller is not None, "a step screen needs an open session"
            self._controller = controller
        return self._controller

    @property
    def session(self) -> Session:
        """The session this screen shows."""
        return self.controller.session

    @property
    def read_only(self) -> bool:
        """True when this screen's session may not be changed (viewed, completed or closed)."""
        return not self.controller.editable

    @property
    def bank(self) -> Bank:
        """The question bank."""
        return self.wizard.bank

    def compose(self) -> ComposeResult:
        """Header, step bar, the step's body (scrollable) and the footer."""
        self.controller  # noqa: B018 - binds the screen to the session open now
        yield Header()
        phases = {step.id: step.title for step in self.bank.manifest.steps}
        yield StepBar(self.STEP, phases)
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
        if self.read_only:
            for widget in self.query("Input, TextArea, ChoiceRow, Button, SelectionList"):
                if not widget.has_class("nav"):
                    widget.disabled = True

    def commit(self) -> bool:
        """Save this screen's session now (refused once it is closed)."""
        return self.controller.commit()

    def on_answer_committed(self, message: AnswerCommitted) -> None:
        """A field was left or typing paused: save through this screen's session."""
        message.stop()
        self.controller.commit(final=message.final)

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
