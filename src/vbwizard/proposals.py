"""Propose actions from a factor's range, and say why each was proposed.

The bank's rules are declarative (a weight range and answers to named
sub-questions); this module evaluates them against a session and explains the
outcome in the user's language, so a group sees *why* an action is suggested.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbwizard.bank.models import Action, Bank, Factor
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import FactorAnswer, Session


@dataclass(frozen=True)
class Proposal:
    """An action proposed for a priority factor, with the reasons."""

    factor: Factor
    action: Action
    reasons: list[str]

    @property
    def why(self) -> str:
        """The reasons as one Dutch sentence."""
        return "Voorgesteld omdat " + " en ".join(self.reasons) + "."


def _answer_label(bank: Bank, value: str) -> str:
    return bank.label("answer", value).lower()


def evaluate(bank: Bank, factor: Factor, action: Action, answer: FactorAnswer) -> list[str] | None:
    """Return the reasons an action applies, or ``None`` when its rule does not hold."""
    rule = action.propose_when
    weight = numeric_weight(answer)
    if weight is None or not rule.min_weight <= weight <= rule.max_weight:
        return None
    reasons = [f"het gewicht {weight} is (minstens {rule.min_weight})"]
    if not rule.answers:
        return reasons
    questions = {q.id: q for q in factor.sub_questions}
    matched = []
    for condition in rule.answers:
        given = answer.sub_answers.get(condition.question)
        if given is not None and given in condition.values:
            text = questions[condition.question].text.rstrip("?")
            matched.append(f"op ‘{text}?’ is ‘{_answer_label(bank, given)}’ geantwoord")
    holds = len(matched) == len(rule.answers) if rule.match == "all" else bool(matched)
    return reasons + matched if holds else None


def propose(bank: Bank, session: Session, factor_id: str) -> list[Proposal]:
    """The actions the bank's rules propose for one factor, light to heavy."""
    factor = bank.factor(factor_id)
    answer = session.factors.get(factor_id) or FactorAnswer()
    proposals = []
    for action in factor.actions:
        reasons = evaluate(bank, factor, action, answer)
        if reasons is not None:
            proposals.append(Proposal(factor, action, reasons))
    return proposals


def propose_for_priorities(bank: Bank, session: Session) -> dict[str, list[Proposal]]:
    """Proposals for every priority factor, in the order of treatment."""
    return {p.factor: propose(bank, session, p.factor) for p in session.priorities}
