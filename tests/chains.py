"""Chains of sessions for the Evaluatie phase: a demo baseline and its follow-ups."""

from __future__ import annotations

import datetime as dt

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.followup import make_followup
from vbwizard.session.models import Session


def weigh(session: Session, previous: Session, weights: dict[str, int]) -> None:
    """Weigh every factor again: ``weights`` where given, else as in ``previous``."""
    for factor_id, before in previous.factors.items():
        answer = session.answer(factor_id)
        answer.visited = True
        answer.weight = weights.get(factor_id, before.weight)


def followup_of(bank: Bank, base: Session, year: int, session_id: str) -> Session:
    """A follow-up of ``base`` made on 1 March of ``year``, with a fixed id."""
    made = make_followup(bank, base, now=dt.datetime(year, 3, 1, 10, tzinfo=dt.UTC))
    made.id = session_id
    return made


def chain_of_three(bank: Bank) -> list[Session]:
    """Demo baseline (2025) → follow-up 2026 → follow-up 2027, evaluated and re-weighed.

    Round 2 evaluates the demo's first action as done with the indicator at 70%;
    round 3 carries a copied action of round 2 evaluated as partly done.
    """
    base = demo_session(bank)
    second = followup_of(bank, base, 2026, "vervolg-2026")
    weigh(second, base, {"signaalcriminaliteit-en-overlast": 2, "sociale-kwaliteit": 3})
    assert second.evaluation is not None
    first = second.evaluation.actions[0]
    first.done, first.measured, first.decision = "done", "70% binnen 5 dagen", "continue"
    second.evaluation.conclusion = "adjust"
    second.actions = [a.model_copy(deep=True) for a in base.actions[:2]]
    second.status = "completed"
    third = followup_of(bank, second, 2027, "vervolg-2027")
    third.scope.title = "De Horst, derde ronde"
    weigh(third, second, {"signaalcriminaliteit-en-overlast": 1})
    assert third.evaluation is not None
    third.evaluation.actions[1].done = "partly"
    third.evaluation.actions[1].effect = "Bewoners kennen de regisseur"
    return [base, second, third]
