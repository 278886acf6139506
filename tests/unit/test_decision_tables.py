"""The bundled bank proposes what the decision tables in tests/data/decisions say.

Each table records, per factor, situations (weight + sub-answers) and the actions
that must and must not be proposed there. The tables are the method's intent;
the bank's rules are checked against them through the wizard's own engine.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from vbwizard.bank import load_bank
from vbwizard.proposals import evaluate
from vbwizard.session.models import FactorAnswer

TABLES = Path(__file__).parents[1] / "data" / "decisions"
BANK = load_bank()


def _tables() -> list[tuple[Path, dict[str, Any]]]:
    return [
        (path, tomllib.loads(path.read_text(encoding="utf-8")))
        for path in sorted(TABLES.glob("*.toml"))
    ]


def _cases() -> list[Any]:
    return [
        pytest.param(table["factor"], case, id=f"{path.stem}: {case['name']}")
        for path, table in _tables()
        for case in table["case"]
    ]


def _proposed(factor_id: str, weight: int, answers: dict[str, str]) -> set[str]:
    factor = BANK.factor(factor_id)
    answer = FactorAnswer.model_validate({"weight": weight, "sub_answers": answers})
    return {a.id for a in factor.actions if evaluate(BANK, factor, a, answer) is not None}


@pytest.mark.parametrize(("factor_id", "case"), _cases())
def test_bank_follows_the_decision_table(factor_id: str, case: dict[str, Any]) -> None:
    proposed = _proposed(factor_id, case["weight"], case["answers"])
    missing = set(case["must"]) - proposed
    wrong = set(case["must_not"]) & proposed
    assert not missing, f"not proposed but must be: {sorted(missing)}"
    assert not wrong, f"proposed but must not be: {sorted(wrong)}"


def test_every_factor_has_a_table_naming_real_ids() -> None:
    tables = {table["factor"]: table for _, table in _tables()}
    assert set(tables) == {f.id for f in BANK.factors}
    for factor_id, table in tables.items():
        factor = BANK.factor(factor_id)
        actions = {a.id for a in factor.actions}
        questions = {q.id for q in factor.sub_questions}
        for case in table["case"]:
            assert set(case["must"]) | set(case["must_not"]) <= actions, case["name"]
            assert set(case["answers"]) <= questions, case["name"]


def test_every_action_is_seen_firing_and_not_firing() -> None:
    for _, table in _tables():
        factor = BANK.factor(table["factor"])
        fired = {a for case in table["case"] for a in case["must"]}
        held = {a for case in table["case"] for a in case["must_not"]}
        for action in factor.actions:
            assert action.id in fired, f"{factor.id}: no case where {action.id} must fire"
            assert action.id in held, f"{factor.id}: no case where {action.id} must not fire"
