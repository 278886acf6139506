"""Step 6 (Actie): what the group wants to achieve, optionally made SMART.

The goal in plain words is what matters; the SMART part is optional help to
make it measurable later (the evaluation compares against the indicator).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.widget import Widget
from textual.widgets import Static

from vbwizard.dates import format_date, parse_date
from vbwizard.session.models import SmartGoal, Step
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.fields import Field, Setter, text_setter


class GoalScreen(StepScreen):
    """The goal in words and its optional SMART parts."""

    STEP: ClassVar[Step] = "goal"

    def compose_body(self) -> Iterable[Widget]:
        """The goal text, then the SMART fields."""
        goal = self.session.goal
        smart = goal.smart or SmartGoal()
        yield Static("Stap 6 · Doel", classes="step-title")
        yield Static(
            "Formuleer in gewone woorden wat u samen wilt bereiken. Het SMART-deel is "
            "optioneel, maar helpt straks bij de evaluatie.",
            classes="step-intro",
        )
        yield Field(
            "Wat willen we bereiken?",
            goal.text or "",
            text_setter(lambda value: setattr(self.session.goal, "text", value)),
            multiline=True,
            field_id="goal-text",
        )
        yield Static("SMART (optioneel)", classes="section-title")
        yield Field(
            "Specifiek: wat precies, voor wie, waar?",
            smart.specific or "",
            self._smart("specific"),
            field_id="smart-specific",
        )
        yield Field(
            "Meetbaar: indicator (waaraan ziet u het?)",
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
        yield Field(
            "Acceptabel: wie is akkoord?",
            smart.agreed_by or "",
            self._smart("agreed_by"),
            field_id="smart-agreed-by",
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
        """Focus the goal and show the step from its top."""
        super().on_mount()
        # Focusing the first field can scroll the page past the step's title: start at the top.
        self.call_after_refresh(self.query_one("#body").scroll_home, animate=False)

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
