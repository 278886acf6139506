"""Step 6 (Actie): what the group wants to achieve, who agreed it, and optionally SMART.

The method starts action from "what do we want to achieve?"; a SMART goal is a
choice, not a must, because perceived safety moves with wider moods in society
that a municipality only partly controls. The screen asks the goal first, then
who agreed it, then offers SMART as a choice with that caveat.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.dates import format_date, parse_date
from vbwizard.session.models import SmartGoal, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field, Setter, text_setter

SMART_CHOICES = [
    Choice("yes", "Ja, maak het doel SMART", "j"),
    Choice("no", "Nee, een doel in woorden volstaat", "n"),
]


class GoalScreen(StepScreen):
    """The goal in words, who agreed it, and the optional SMART parts."""

    STEP: ClassVar[Step] = "goal"

    def compose_body(self) -> Iterable[Widget]:
        """Goal, agreement, pitfalls, the SMART choice and (when chosen) its fields."""
        goal = self.session.goal
        guidance = self.bank.manifest.guidance
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(
            "Begin bij de vraag wat je wilt bereiken, en schrijf het op in gewone woorden.",
            classes="step-intro",
        )
        yield Field(
            "Wat willen we bereiken?",
            goal.text or "",
            text_setter(lambda value: setattr(self.session.goal, "text", value)),
            multiline=True,
            field_id="goal-text",
        )
        yield Field(
            "Wie hebben dit doel samen afgesproken? (bijv. gemeente, wijkagent, bewoners)",
            goal.agreed or "",
            text_setter(self._set_agreed_by),
            field_id="goal-agreed-by",
        )
        if guidance.goal:
            yield Static(
                "\n".join(f"• {tip}" for tip in guidance.goal), classes="hint", markup=False
            )
        yield Static("SMART maken?", classes="section-title")
        if guidance.smart_caveat:
            yield Static(guidance.smart_caveat, classes="hint", id="smart-caveat", markup=False)
        yield ChoiceRow("", SMART_CHOICES, self._smart_choice(), id="smart-choice")
        with Vertical(id="smart-fields"):
            yield from self._smart_fields()

    def _smart_choice(self) -> str | None:
        goal = self.session.goal
        if goal.smart_chosen is None:
            # Sessions from before the choice existed: SMART parts filled in means chosen.
            return "yes" if goal.smart is not None else None
        return "yes" if goal.smart_chosen else "no"

    def _smart_fields(self) -> Iterable[Widget]:
        smart = self.session.goal.smart or SmartGoal()
        yield Field(
            "Specifiek: wat precies, voor wie, waar?",
            smart.specific or "",
            self._smart("specific"),
            field_id="smart-specific",
        )
        yield Field(
            "Meetbaar: indicator (waaraan zie je het?)",
            smart.indicator or "",
            self._smart("indicator"),
            field_id="smart-indicator",
        )
        yield Field(
            "Meetbaar: nulmeting (waar staan we nu?)",
            smart.baseline or "",
            self._smart("baseline"),
            field_id="smart-baseline",
        )
        yield Field(
            "Meetbaar: streefwaarde",
            smart.target or "",
            self._smart("target"),
            field_id="smart-target",
        )
        yield Static(
            "Acceptabel: wie het doel hebben afgesproken, staat hierboven.", classes="hint"
        )
        yield Field(
            "Realistisch: waarom is dit haalbaar?",
            smart.realistic or "",
            self._smart("realistic"),
            field_id="smart-realistic",
        )
        yield Field(
            "Tijdgebonden: wanneer bereikt? (bijv. 31-12-2027)",
            format_date(smart.deadline),
            self._set_deadline,
            field_id="smart-deadline",
        )

    def on_mount(self) -> None:
        """Focus the goal, show SMART fields only when chosen, start at the top."""
        super().on_mount()
        self.query_one("#smart-fields").display = self._smart_choice() == "yes"
        # Focusing the first field can scroll the page past the step's title: start at the top.
        self.call_after_refresh(self.query_one("#body").scroll_home, animate=False)

    @on(ChoiceRow.Changed, "#smart-choice")
    def _smart_chosen(self, event: ChoiceRow.Changed) -> None:
        self.session.goal.smart_chosen = None if event.value is None else event.value == "yes"
        self.query_one("#smart-fields").display = event.value == "yes"
        self.commit()

    def _set_agreed_by(self, value: str | None) -> None:
        goal = self.session.goal
        goal.agreed_by = value
        if goal.smart is not None and goal.smart.agreed_by is not None:
            # Older sessions kept it in the SMART part: one place from now on.
            goal.smart.agreed_by = None

    def _smart_part(self) -> SmartGoal:
        # The SMART part is created on the first answer, so an untouched one stays absent.
        goal = self.session.goal
        if goal.smart is None:
            goal.smart = SmartGoal()
        return goal.smart

    def _smart(self, attribute: str) -> Setter:
        return text_setter(lambda value: setattr(self._smart_part(), attribute, value))

    def _set_deadline(self, value: str) -> str | None:
        try:
            deadline = parse_date(value)
        except ValueError as exc:
            return str(exc)
        self._smart_part().deadline = deadline
        return None
