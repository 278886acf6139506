"""The demo session as a TOML file equals the session the old tuple code built."""

from __future__ import annotations

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.demo_old import demo_session as old_demo_session


def test_the_demo_file_gives_the_old_demo(bank: Bank) -> None:
    assert demo_session(bank).model_dump() == old_demo_session(bank).model_dump()


def test_fitted_to_another_bank_as_before(mini_bank: Bank) -> None:
    assert demo_session(mini_bank).model_dump() == old_demo_session(mini_bank).model_dump()


def _adapted(bank: Bank) -> Bank:
    """The bundled bank with factors dropped, sub-questions cut and an action's text changed."""
    factors = []
    for factor in bank.factors[1:8]:
        update: dict[str, object] = {"sub_questions": factor.sub_questions[:2]}
        if factor.actions:
            first = factor.actions[0].model_copy(update={"description": "Eigen tekst."})
            update["actions"] = [first, *factor.actions[1:]]
        factors.append(factor.model_copy(update=update))
    return bank.model_copy(update={"factors": factors})


def test_fitted_to_an_adapted_bank_as_before(bank: Bank) -> None:
    adapted = _adapted(bank)
    assert demo_session(adapted).model_dump() == old_demo_session(adapted).model_dump()
    fitted = demo_session(adapted)
    assert len(fitted.actions) < len(demo_session(bank).actions)
    assert {p.factor for p in fitted.priorities} <= {f.id for f in adapted.factors}
