"""Step 6 (Actie): what the group wants to achieve, who agreed it, and optionally SMART.

The method starts action from "what do we want to achieve?"; a SMART goal is a
choice, not a must, because perceived safety moves with wider moods in society
that a municipality only partly controls. The screen asks the goal first, then
who agreed it, then offers SMART as a choice with that caveat.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from textual import on
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.session.models import Goal, SmartGoal, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field, text_setter
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

YesNo = Literal["yes", "no"]

GOAL = (FieldSpec(Goal, "text", "Wat willen we bereiken?", id="goal-text", multiline=True),)
SMART_MEASURABLE = (
    FieldSpec(
        SmartGoal, "specific", "Specifiek: wat precies, voor wie, waar?", id="smart-specific"
    ),
    FieldSpec(
        SmartGoal, "indicator", "Meetbaar: indicator (waaraan zie je het?)", id="smart-indicator"
    ),
    FieldSpec(
        SmartGoal, "baseline", "Meetbaar: nulmeting (waar staan we nu?)", id="smart-baseline"
    ),
    FieldSpec(SmartGoal, "target", "Meetbaar: streefwaarde", id="smart-target"),
)
"""Specific and measurable; "acceptabel" is the agreement asked above the choice."""
SMART_PLAN = (
    FieldSpec(SmartGoal, "realistic", "Realistisch: waarom is dit haalbaar?", id="smart-realistic"),
    FieldSpec(
        SmartGoal,
        "deadline",
        "Tijdgebonden: wanneer bereikt? (bijv. 31-12-2027)",
        id="smart-deadline",
    ),
)

SMART_CHOICES: list[Choice[YesNo]] = [
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
        yield from build_fields(GOAL, goal)
        # By hand: it shows (and moves) an agreement older sessions kept in the SMART part.
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

    def _smart_choice(self) -> YesNo | None:
        goal = self.session.goal
        if goal.smart_chosen is None:
            # Sessions from before the choice existed: SMART parts filled in means chosen.
            return "yes" if goal.smart is not None else None
        return "yes" if goal.smart_chosen else "no"

    def _smart_fields(self) -> Iterable[Widget]:
        smart = self.session.goal.smart or SmartGoal()
        part, attach = self._smart_part, self._attach_smart
        yield from build_fields(SMART_MEASURABLE, smart, target=part, applied=attach)
        yield Static(
            "Acceptabel: wie het doel hebben afgesproken, staat hierboven.", classes="hint"
        )
        yield from build_fields(SMART_PLAN, smart, target=part, applied=attach)

    def on_mount(self) -> None:
        """Focus the goal; show the SMART fields only when chosen."""
        super().on_mount()
        self.query_one("#smart-fields").display = self._smart_choice() == "yes"

    @on(ChoiceRow.Changed, "#smart-choice")
    def _smart_chosen(self, event: ChoiceRow.Changed[YesNo]) -> None:
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
        # The SMART part is attached on the first answer, so an untouched one stays absent.
        return self.session.goal.smart or SmartGoal()

    def _attach_smart(self, smart: SmartGoal) -> None:
        # Assigned again after each answer: a part emptied again becomes absent again.
        self.session.goal.smart = smart
