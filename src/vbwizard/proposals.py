"""Propose actions from a factor's range, and say why each was proposed.

The bank's rules are declarative (a weight range and answers to named
sub-questions); :mod:`vbwizard.bank.rules` evaluates them and this module
explains the outcome in the user's language, so a group sees *why* an action is
suggested. The actions step and ``vbwizard proposals`` both use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vbwizard.bank.models import Action, Bank, Factor, MunicipalAction
from vbwizard.bank.rules import matched_conditions
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import FactorAnswer, Session

SIGNAL_TEXT = {
    "problem": " (wijst op een probleem)",
    "partial": " (wijst deels op een probleem)",
    "none": "",
}


@dataclass(frozen=True)
class Proposal:
    """An action proposed for a priority factor, with the reasons."""

    factor: Factor
    action: Action
    reasons: list[str]

    @property
    def why(self) -> str:
        """The reasons as one Dutch sentence: ``a, b en c``."""
        *rest, last = self.reasons
        listed = f"{', '.join(rest)} en {last}" if rest else last
        return f"Voorgesteld omdat {listed}."


def _answer_label(bank: Bank, value: str) -> str:
    return bank.label("answer", value).lower()


def reasons_for(
    bank: Bank, factor: Factor, action: Action, weight: int | None, answers: Mapping[str, str]
) -> list[str] | None:
    """The reasons an action applies at this weight and these answers, or ``None``."""
    rule = action.propose_when
    met = matched_conditions(rule, weight, answers)
    if met is None:
        return None
    floor = f" (voor deze actie is minstens {rule.min_weight} nodig)" if rule.min_weight > 1 else ""
    reasons = [f"de factor hier gewicht {weight} heeft{floor}"]
    questions = {q.id: q for q in factor.sub_questions}
    for condition in met:
        question = questions[condition.question]
        given = answers[condition.question]
        text = question.text.rstrip("?")
        reasons.append(
            f"op ‘{text}?’ ‘{_answer_label(bank, given)}’ is geantwoord"
            f"{SIGNAL_TEXT[question.signal(given)]}"
        )
    return reasons


def evaluate(bank: Bank, factor: Factor, action: Action, answer: FactorAnswer) -> list[str] | None:
    """Return the reasons an action applies to a session's answer, or ``None``."""
    return reasons_for(bank, factor, action, numeric_weight(answer), answer.sub_answers)


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


MUNICIPAL = "gemeentelijk-niveau"
"""The ``factor`` a planned municipal-level action is filed under (no factor has this id)."""
MUNICIPAL_TITLE = "Gemeentelijk niveau"
"""How the plan and the reports name that level."""


def municipal_why(bank: Bank, action_id: str) -> str | None:
    """The bank's reason for a municipal-level action, or ``None`` if the bank lacks it."""
    for action in bank.manifest.municipal_actions:
        if action.id == action_id:
            return action.why
    return None


@dataclass(frozen=True)
class MunicipalProposal:
    """A municipal-level action proposed beside the per-factor ones, with its own reason."""

    action: MunicipalAction

    @property
    def why(self) -> str:
        """The bank's reason for it."""
        return self.action.why


def municipal_proposals(bank: Bank, session: Session) -> list[MunicipalProposal]:
    """The bank's municipal-level actions, proposed once priorities are chosen.

    They anchor and carry the per-factor actions (the integral safety plan, the
    attitude of staff), so without priorities there is nothing for them to carry.
    """
    if not session.priorities:
        return []
    return [MunicipalProposal(action) for action in bank.manifest.municipal_actions]
