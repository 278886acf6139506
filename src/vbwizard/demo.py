"""A realistic, fictional, completed session for exploring review and reports.

The session lives in ``data/demo-de-horst-2026.toml``, a session file like any
other, read with the ordinary session loader. The neighbourhood (De Horst in
the municipality of Lindendaal) and everyone in it are invented. Answers are
keyed to the bundled bank's ids; :func:`demo_session` fits them to the bank in
use, so the demo also opens with a copied or adapted bank.
"""

from __future__ import annotations

from pathlib import Path

from vbwizard.bank.models import Bank
from vbwizard.session.create import bank_ref
from vbwizard.session.models import FactorAnswer, Session

__all__ = ["DEMO_FILE", "DEMO_ID", "demo_session"]

DEMO_ID = "demo-de-horst-2026"
DEMO_FILE = Path(__file__).parent / "data" / f"{DEMO_ID}.toml"
"""The demo session as shipped in the package."""


def demo_session(bank: Bank) -> Session:
    """The demo session, fitted to ``bank``.

    Factors the bank lacks are left out, with the priorities and actions that
    belong to them; sub-answers to questions the bank lacks are dropped; a
    factor of the bank the demo does not know gets a plain minor weight; an
    action's description is the bank's.
    """
    from vbwizard.session.storage import read_session

    session, _ = read_session(DEMO_FILE)
    factors: dict[str, FactorAnswer] = {}
    for factor in bank.factors:
        answer = session.factors.get(factor.id)
        if answer is None:
            factors[factor.id] = FactorAnswer(visited=True, weight=1, confidence="low")
            continue
        asked = {q.id for q in factor.sub_questions}
        answer.sub_answers = {k: v for k, v in answer.sub_answers.items() if k in asked}
        factors[factor.id] = answer
    session.factors = factors
    session.priorities = [p for p in session.priorities if p.factor in factors]
    session.actions = [a for a in session.actions if a.factor in factors]
    for action in session.actions:
        action.description = _description(bank, action.factor, action.bank_action)
    session.bank = bank_ref(bank)
    session.language = bank.manifest.language
    return session


def _description(bank: Bank, factor_id: str, action_id: str | None) -> str | None:
    """The bank's description of one of a factor's actions, or ``None``."""
    actions = bank.factor(factor_id).actions
    return next((a.description for a in actions if a.id == action_id), None)
