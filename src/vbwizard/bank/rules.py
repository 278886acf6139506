"""Evaluate a bank's declarative proposal rules: one matcher for the app and the linter.

A rule holds when the factor's weight lies in its range and its answer
conditions hold (all of them, or at least one). The proposals shown to a group
and the linter's enumeration of every answer pattern both ask this module, so
what the linter reports is exactly what the wizard would do.
"""

from __future__ import annotations

from collections.abc import Mapping

from vbwizard.bank.models import AnswerCondition, ProposalRule


def weight_in_range(rule: ProposalRule, weight: int) -> bool:
    """True when ``weight`` lies between the rule's minimum and maximum."""
    return rule.min_weight <= weight <= rule.max_weight


def matched_conditions(
    rule: ProposalRule, weight: int | None, answers: Mapping[str, str]
) -> list[AnswerCondition] | None:
    """The conditions that hold when the rule fires, or ``None`` when it does not.

    Args:
        rule: The action's rule.
        weight: The factor's weight 0–3; ``None`` (unknown, not given) never fires.
        answers: Sub-question id to answer value; an unanswered question is absent.

    Returns:
        The answer conditions met (empty for a rule on weight alone), or ``None``.
    """
    if weight is None or not weight_in_range(rule, weight):
        return None
    if not rule.answers:
        return []
    met = [c for c in rule.answers if answers.get(c.question) in c.values]
    holds = len(met) == len(rule.answers) if rule.match == "all" else bool(met)
    return met if holds else None
