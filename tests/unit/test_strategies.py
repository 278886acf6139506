"""The generated sessions reach every field of every model.

A model that gains a field no strategy generates fails here: either its type is
unknown to ``tests/strategies.py`` (``UnsupportedField``), or the derived
strategy never gives it a value other than its default.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from pydantic import BaseModel

from tests.strategies import ALWAYS_DEFAULT, UnsupportedField, for_model, for_type, reachable_models
from vbwizard.session.models import Session

MODELS = reachable_models(Session)


def test_every_model_of_a_session_is_reached() -> None:
    names = {model.__name__ for model in MODELS}
    assert {"Session", "Scope", "FactorAnswer", "PlannedAction", "Evaluation", "MergeInfo"} <= names


def _default(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    return info.get_default(call_default_factory=True)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_gets_a_value_other_than_its_default(model: type[BaseModel]) -> None:
    fields = {name for name in model.model_fields if (model, name) not in ALWAYS_DEFAULT}
    defaults = {name: _default(model, name) for name in fields}
    varied: set[str] = set()

    @settings(
        max_examples=50,
        derandomize=True,
        phases=[Phase.generate],
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(for_model(model))
    def collect(value: BaseModel) -> None:
        varied.update(name for name in fields if getattr(value, name) != defaults[name])

    collect()
    assert fields - varied == set(), f"{model.__name__}: never generated"


def test_a_field_of_an_unknown_type_fails_loudly() -> None:
    class Odd(BaseModel):
        when: complex = 0j

    with pytest.raises(UnsupportedField, match="Odd.when"):
        for_type(Odd.model_fields["when"].annotation, where="Odd.when")
