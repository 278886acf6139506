"""The demo session: a shipped session file, fitted to whichever bank is in use.

The file replaced 270 lines of tuples; commit 0febd9d showed, with the bundled,
the mini and an adapted bank, that it gives the very session the tuples built.
"""

from __future__ import annotations

from vbwizard.bank import Bank
from vbwizard.demo import DEMO_FILE, DEMO_ID, demo_session
from vbwizard.session.create import bank_ref
from vbwizard.session.storage import read_session


def test_with_the_bundled_bank_the_demo_is_the_file(bank: Bank) -> None:
    from_file, migrated_from = read_session(DEMO_FILE)
    assert migrated_from is None  # kept at the current schema
    demo = demo_session(bank)
    assert demo.id == DEMO_ID
    assert demo.bank == bank_ref(bank)
    # Only the descriptions come from the bank; everything else is the file's.
    for action in demo.actions:
        factor = bank.factor(action.factor)
        assert action.description == next(
            a.description for a in factor.actions if a.id == action.bank_action
        )
        action.description = None
    from_file.bank = demo.bank
    assert demo.model_dump() == from_file.model_dump()


def test_a_complete_group_session_for_every_factor(bank: Bank) -> None:
    demo = demo_session(bank)
    assert demo.status == "completed" and demo.mode == "group"
    assert list(demo.factors) == [f.id for f in bank.factors]
    assert all(a.visited and a.weight is not None for a in demo.factors.values())
    assert len(demo.scope.participants) == 4
    assert 3 <= len(demo.priorities) <= 5
    assert demo.actions and all(a.owner and a.start and a.end for a in demo.actions)


def _adapted(bank: Bank) -> Bank:
    """The bundled bank without factors 1 and 9–12, with sub-questions cut and own texts."""
    factors = []
    for factor in bank.factors[1:8]:
        first = factor.actions[0].model_copy(update={"description": "Eigen tekst."})
        update = {
            "sub_questions": factor.sub_questions[:2],
            "actions": [first, *factor.actions[1:]],
        }
        factors.append(factor.model_copy(update=update))
    return bank.model_copy(update={"factors": factors})


def test_fitted_to_an_adapted_bank(bank: Bank) -> None:
    adapted = _adapted(bank)
    demo = demo_session(adapted)
    kept = {f.id for f in adapted.factors}
    assert list(demo.factors) == [f.id for f in adapted.factors]
    assert {p.factor for p in demo.priorities} <= kept
    assert {a.factor for a in demo.actions} <= kept
    assert len(demo.actions) < len(demo_session(bank).actions)
    texts = []
    for factor in adapted.factors:
        asked = {q.id for q in factor.sub_questions}
        assert set(demo.factors[factor.id].sub_answers) <= asked
        first = factor.actions[0].id
        texts += [a.description for a in demo.actions if a.bank_action == first]
    assert texts and all(text == "Eigen tekst." for text in texts)
    assert demo.bank == bank_ref(adapted)


def test_a_bank_without_the_demo_s_factors_gets_minor_weights(mini_bank: Bank) -> None:
    demo = demo_session(mini_bank)
    assert list(demo.factors) == ["alfa", "beta"]
    assert all(
        (a.visited, a.weight, a.confidence) == (True, 1, "low") for a in demo.factors.values()
    )
    assert demo.priorities == [] and demo.actions == []
