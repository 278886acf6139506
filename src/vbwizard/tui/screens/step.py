"""The base of every wizard step: header, step bar, body, footer, navigation."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, TextArea

from vbwizard.bank.models import Bank
from vbwizard.followup import steps_for
from vbwizard.session.models import Session, Step
from vbwizard.steps import PHASES, STEP_NAMES, STEP_PHASE, step_number
from vbwizard.tui.dutch import dutch_bindings
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.choice_row import ChoiceRow
from vbwizard.tui.widgets.fields import AnswerCommitted
from vbwizard.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from vbwizard.session.controller import SessionController
    from vbwizard.tui.app import VbWizardApp


class StepBar(Widget):
    """Where the user is: the method's phases, their steps, and the current step by name.

    Informatie · Analyse · Actie · Evaluatie, each with the numbers of its steps;
    only the current step is named in full. When the line is too narrow (60
    columns, or nine steps in a follow-up), the other phases shrink to their
    initial, so the current step never falls off the line. A first session has
    no Evaluatie step: that phase is its follow-up, shown dimmed.
    """

    def __init__(
        self, current: Step, steps: tuple[Step, ...], phase_titles: dict[str, str]
    ) -> None:
        super().__init__(classes="step-bar")
        self.current = current
        self.steps = steps
        self.phase_titles = phase_titles

    def _line(self, short: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, phase in enumerate(PHASES):
            if index:
                text.append(" │ ", style="dim")
            title = self.phase_titles.get(phase, phase.capitalize())
            current_phase = STEP_PHASE[self.current] == phase
            steps = [s for s in self.steps if STEP_PHASE[s] == phase]
            label = title if current_phase or not short else title[:1]
            text.append(label, style="bold" if current_phase else ("" if steps else "dim"))
            for step in steps:
                if step == self.current:
                    text.append(" ")
                    text.append(f"{step_number(step)} {STEP_NAMES[step]}", style="reverse bold")
                else:
                    text.append(f" {step_number(step)}")
        return text

    def render(self) -> Text:
        """The phases and steps, fitted to the width, with the current step highlighted."""
        width = self.content_region.width or self.size.width
        line = self._line(short=False)
        return line if line.cell_len <= width else self._line(short=True)


# Navigation keys of every step. Priority, like the app's global keys: they must
# work inside every text field (Input and TextArea bind PgUp/PgDn and Ctrl+E).
STEPS_GROUP = Binding.Group("Stap")
"""PgUp and PgDn share one label in the footer."""
NAV_BINDINGS: list[Binding] = [
    Binding(
        "pageup",
        "previous_step",
        "Vorige",
        priority=True,
        group=STEPS_GROUP,
        tooltip="Vorige stap",
    ),
    Binding(
        "pagedown",
        "next_step",
        "Volgende",
        priority=True,
        group=STEPS_GROUP,
        tooltip="Volgende stap",
    ),
    Binding("ctrl+n", "next_step", "Volgende", show=False, priority=True),
    Binding(
        "ctrl+g",
        "grid",
        "Tafel",
        priority=True,
        tooltip="Overzicht van de 12 factoren (Tafel van 12)",
    ),
    Binding(
        "ctrl+o",
        "home",
        "Start",
        priority=True,
        tooltip="Terug naar het startscherm (de sessie blijft bewaard)",
    ),
    Binding(
        "ctrl+r",
        "disagreements",
        "Verschil",
        priority=True,
        tooltip="Waar verschillen we? Factoren met de grootste spreiding eerst",
    ),
]


def quiet(*keys: str) -> list[Binding]:
    """Navigation keys that keep working but stay out of a crowded footer.

    A step with many keys of its own lists these in a subclass's ``BINDINGS``,
    so the footer keeps its own keys and ``^q Afsluiten`` within 80 columns.
    """
    by_key = {b.key: b for b in NAV_BINDINGS}
    return [dataclasses.replace(by_key[key], show=False) for key in keys]


class StepScreen(Screen[None]):
    """A step of the wizard; subclasses set ``STEP`` and implement ``compose_body``."""

    CSS_PATH = WIZARD_CSS

    STEP: ClassVar[Step] = "scope"
    HELP: ClassVar[str] = ""
    AUTO_FOCUS = ""  # We focus the first field ourselves, without scrolling the title away.
    BINDINGS: ClassVar[list[BindingType]] = [*dutch_bindings(Screen), *NAV_BINDINGS]

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
        yield StepBar(self.STEP, steps_for(self.session), phases)
        with VerticalScroll(id="body", can_focus=False):
            yield from self.compose_body()
        # Compact: the keys of a step must fit in 80 columns.
        yield KeyFooter(compact=True)

    def compose_body(self) -> Iterable[Widget]:
        """The step's own widgets."""
        return []

    def on_mount(self) -> None:
        """Focus the first field, open at the top; lock the fields of a read-only session."""
        target = self.first_field()
        if target is not None:
            # Keep the step's title in view; the first field is near the top anyway.
            target.focus(scroll_visible=False)
        # The first layout (or a focused field far down) can leave the page scrolled
        # past the step's title: every step starts at its top.
        self.call_after_refresh(self.query_one("#body").scroll_home, animate=False)
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
        steps = steps_for(self.session)
        # Step 9 of a session that follows up nothing (a hand-edited file): back to 8.
        index = (steps.index(self.STEP) if self.STEP in steps else len(steps)) + offset
        return steps[index] if 0 <= index < len(steps) else None

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the disagreement list only where there are participants to compare."""
        if action == "disagreements":
            from vbwizard.disagreement import is_group_view

            session = self.wizard.session
            return session is not None and is_group_view(session)
        return True

    def action_disagreements(self) -> None:
        """Show where the participants disagree (group sessions and merges)."""
        from vbwizard.tui.screens.disagreements import DisagreementsScreen

        self.app.switch_screen(DisagreementsScreen())

    def action_home(self) -> None:
        """Back to the start screen; the session stays saved and can be continued."""
        self.wizard.go_home()

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
