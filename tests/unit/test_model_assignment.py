"""The session models validate every assignment: a wrong value is refused, not stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from vbwizard.session.models import (
    FactorAnswer,
    Goal,
    Participant,
    PlannedAction,
    Scope,
    SmartGoal,
    SourceEntry,
)


def _action() -> PlannedAction:
    return PlannedAction(id="a1", factor="f", start=dt.date(2026, 3, 1), end=dt.date(2026, 6, 30))


CASES: list[tuple[Callable[[], BaseModel], str, Any]] = [
    (FactorAnswer, "weight", 4),
    (FactorAnswer, "weight", "veel"),
    (FactorAnswer, "confidence", "sure"),
    (FactorAnswer, "sub_answers", {"q1": "misschien"}),
    (FactorAnswer, "participant_weights", {"p1": 5}),
    (Scope, "date", "morgen"),
    (Scope, "scope_type", "city"),
    (Scope, "participants", [{"id": "x", "name": "Anna"}]),
    (SourceEntry, "status", None),
    (SourceEntry, "kind", "mixed"),
    (_action, "status", "done"),
    (_action, "buikpijn", "maybe"),
    (_action, "id", "Actie 1"),
    (_action, "start", dt.date(2026, 7, 1)),  # after the end
    (_action, "end", dt.date(2026, 2, 1)),  # before the start
]


@pytest.mark.parametrize(("make", "attr", "value"), CASES)
def test_a_wrong_value_is_refused_and_the_old_one_stays(
    make: Callable[[], BaseModel], attr: str, value: Any
) -> None:
    model = make()
    before = model.model_dump()
    with pytest.raises(ValidationError):
        setattr(model, attr, value)
    assert model.model_dump() == before


def test_the_date_order_message_is_dutch() -> None:
    action = _action()
    with pytest.raises(ValidationError, match="De einddatum ligt vóór de startdatum"):
        action.end = dt.date(2026, 2, 1)


def test_right_values_are_stored_as_the_model_types() -> None:
    answer = FactorAnswer()
    answer.weight = 2
    answer.weight = "unknown"
    assert answer.weight == "unknown"
    scope = Scope()
    scope.trigger = "   "  # blank text means absent, also when assigned
    assert scope.trigger is None
    scope.participants = [Participant(id="p1", name="Anna")]
    assert scope.participants[0].name == "Anna"


def test_an_assigned_part_stays_the_same_object_and_an_empty_one_is_absent() -> None:
    goal = Goal()
    smart = SmartGoal(indicator="meldingen")
    goal.smart = smart
    assert goal.smart is smart  # screens keep editing the part they attached
    goal.smart = SmartGoal()
    assert goal.smart is None
