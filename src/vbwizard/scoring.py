"""Rank factors and preselect priorities: pure functions over bank and session.

The method asks a group to weigh all twelve factors and act on the 3 to 5 that
weigh most. Ranking is by weight, then confidence, then disagreement (a
disputed factor deserves the group's attention sooner).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vbwizard.bank.models import Bank, Factor
from vbwizard.session.models import FactorAnswer, Priority, Session

MIN_PRIORITIES = 3
MAX_PRIORITIES = 5
_CONFIDENCE_RANK = {"high": 2, "medium": 1, "low": 0}


@dataclass(frozen=True)
class RankedFactor:
    """A factor with what the ranking used."""

    factor: Factor
    weight: int | None
    """The agreed weight 0–3; ``None`` when unknown or not yet given."""
    confidence: str | None
    spread: int | None

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Higher sorts first; ties keep the bank's order."""
        return (
            self.weight if self.weight is not None else -1,
            _CONFIDENCE_RANK.get(self.confidence or "", -1),
            self.spread or 0,
            -self.factor.number,
        )


FactorState = Literal["unvisited", "no_weight", "unknown", "weighted"]


def factor_state(answer: FactorAnswer | None) -> FactorState:
    """Where a factor stands, for the grid, summaries and reports alike.

    Not yet considered, considered without a weight, weight unknown (needs
    information), or weighted 0–3. A weight from a merge counts as considered.
    """
    if answer is None or (not answer.visited and answer.weight is None):
        return "unvisited"
    if answer.weight is None:
        return "no_weight"
    return "unknown" if answer.weight == "unknown" else "weighted"


def numeric_weight(answer: FactorAnswer | None) -> int | None:
    """The weight as a number, or ``None`` when absent or unknown."""
    if answer is None or answer.weight is None or answer.weight == "unknown":
        return None
    return int(answer.weight)


def rank_factors(bank: Bank, session: Session) -> list[RankedFactor]:
    """All factors, most important first."""
    ranked = []
    for factor in bank.factors:
        answer = session.factors.get(factor.id)
        ranked.append(
            RankedFactor(
                factor=factor,
                weight=numeric_weight(answer),
                confidence=answer.confidence if answer else None,
                spread=answer.spread if answer else None,
            )
        )
    return sorted(ranked, key=lambda r: r.sort_key, reverse=True)


def preselect(bank: Bank, session: Session) -> list[str]:
    """Suggest priority factor ids: those weighing 2 or more (at most five).

    When fewer than three weigh that much, the next ones weighing at least 1
    fill up to three, since the method asks for 3 to 5.
    """
    ranked = rank_factors(bank, session)
    chosen = [r.factor.id for r in ranked if (r.weight or 0) >= 2][:MAX_PRIORITIES]
    for r in ranked:
        if len(chosen) >= MIN_PRIORITIES:
            break
        if (r.weight or 0) >= 1 and r.factor.id not in chosen:
            chosen.append(r.factor.id)
    return chosen


def starting_priorities(bank: Bank, session: Session) -> list[Priority]:
    """The priorities step 5 opens with on a fresh choice: the :func:`preselect` ones.

    Empty once the group has chosen: priorities, or none with a reason to
    deviate from 3 to 5 (an empty choice with a reason is a choice too).
    """
    if session.priorities or session.priority_override is not None:
        return []
    return [Priority(factor=f) for f in preselect(bank, session)]


def unvisited_factors(bank: Bank, session: Session) -> list[Factor]:
    """Factors the user has not looked at yet (the method asks for all twelve)."""
    return [
        f for f in bank.factors if not (session.factors.get(f.id) and session.factors[f.id].visited)
    ]


def priority_count_ok(count: int) -> bool:
    """True when ``count`` lies within the method's 3 to 5."""
    return MIN_PRIORITIES <= count <= MAX_PRIORITIES
