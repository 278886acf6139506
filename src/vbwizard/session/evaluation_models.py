"""The models of step 9, Evaluatie: how each baseline action and the goal turned out."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from vbwizard.session.base import SessionId, SessionModel, Text, empty_to_none

Done = Literal["done", "partly", "not", "unknown"]
"""Was an action carried out as intended: done, partly, not, or unknown."""
Decision = Literal["continue", "adjust", "stop"]
"""What happens to an evaluated action next."""


class ActionEvaluation(SessionModel):
    """How an action turned out (step 9, Evaluatie)."""

    done: Done | None = None
    differently: Text = None
    """What was done differently from the plan."""
    measured: Text = None
    """The indicator's measured value, as the source gives it (e.g. ``"12%"``)."""
    measured_on: dt.date | None = None
    source: Text = None
    """Where the measured value comes from."""
    independent: bool | None = None
    """Is that source independent of the people who carried out the action?"""
    effect: Text = None
    """The observed effect."""
    side_effects: Text = None
    """Intended or unintended side effects."""
    decision: Decision | None = None
    notes: Text = None

    @property
    def evaluated(self) -> bool:
        """True once anything about the outcome was recorded."""
        return bool(self.model_dump(exclude_none=True, include=_OUTCOME_FIELDS))


_OUTCOME_FIELDS = set(ActionEvaluation.model_fields)
"""The outcome's own fields (not the copied plan of an :class:`EvaluatedAction`)."""


class _PlanCopy(SessionModel):
    """What a follow-up copies of a baseline action (first in the file, so it reads well)."""

    action: SessionId
    """The id of the action in the baseline."""
    factor: str = ""
    title: str = ""
    indicator: Text = None
    expected_effect: Text = None


class EvaluatedAction(ActionEvaluation, _PlanCopy):
    """A baseline action as a follow-up evaluates it, with a copy of what was planned.

    The plan's title, factor, indicator and expected effect are copied when the
    follow-up is made, so the evaluation still reads on its own when the
    baseline file is gone.
    """


class GoalMeasurement(SessionModel):
    """The SMART goal's indicator measured again, against its baseline and target."""

    indicator: Text = None
    """Copied from the baseline's goal."""
    baseline: Text = None
    """Copied from the baseline's goal."""
    target: Text = None
    """Copied from the baseline's goal."""
    measured: Text = None
    measured_on: dt.date | None = None
    source: Text = None
    independent: bool | None = None
    notes: Text = None


Conclusion = Literal["consolidate", "adjust"]
"""Consolidate (bestendigen) or adjust (bijsturen) the approach."""


class Evaluation(SessionModel):
    """The evaluation of the baseline in a follow-up (step 9, Evaluatie)."""

    actions: list[EvaluatedAction] = Field(default_factory=list)
    """The baseline's actions, in the baseline's order, each with its outcome."""
    goal: Annotated[GoalMeasurement | None, AfterValidator(empty_to_none)] = None
    process_notes: Text = None
    """How the cooperation went."""
    conclusion: Conclusion | None = None
    """Consolidate (bestendigen) or adjust; feeds the new priorities."""
