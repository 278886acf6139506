"""Where do the participants disagree? One answer for the grid, the list and the reports.

A factor asks for a conversation when the participants' weights lie
:data:`~vbwizard.session.models.DISAGREEMENT` points or more apart, or when some
of them said the weight is unknown (``?``): then the group lacks information,
which is a disagreement of its own kind. A merge keeps who said ``?`` as a line
in that participant's notes (the weights themselves are numbers 0–3 only).
"""

from __future__ import annotations

from dataclasses import dataclass

from vbwizard.bank.models import Bank, Factor
from vbwizard.participants import named, names_by_id
from vbwizard.session.models import DISAGREEMENT, FactorAnswer, Session
from vbwizard.spread import weight_stats

UNKNOWN_NOTE = "Gewicht: onbekend, informatie nodig."
"""The line a merge adds to the notes of a participant who gave weight ``?``."""


def said_unknown(answer: FactorAnswer | None) -> tuple[str, ...]:
    """The ids of the participants who gave this factor weight ``?`` (unknown)."""
    if answer is None:
        return ()
    return tuple(
        name for name, note in answer.participant_notes.items() if UNKNOWN_NOTE in note.splitlines()
    )


@dataclass(frozen=True)
class FactorDisagreement:
    """Who said what on one factor, and whether that asks for a conversation."""

    factor: Factor
    weights: dict[str, int]
    """Each participant's weight, in the order they were given."""
    unknown: tuple[str, ...]
    """The participants who said ``?``."""

    @property
    def spread(self) -> int | None:
        """Highest minus lowest weight; ``None`` without weights."""
        stats = weight_stats(self.weights.values())
        return stats.spread if stats else None

    @property
    def disputed(self) -> bool:
        """True when the weights lie :data:`DISAGREEMENT` points or more apart."""
        return (self.spread or 0) >= DISAGREEMENT

    @property
    def flagged(self) -> bool:
        """True when the group should talk about this factor first."""
        return self.disputed or bool(self.unknown)


def factor_disagreement(session: Session, factor: Factor) -> FactorDisagreement:
    """Who said what on ``factor``, by the participants' shown names."""
    answer = session.factors.get(factor.id)
    names = names_by_id(session)
    weights = named(answer.participant_weights, session) if answer is not None else {}
    unknown = tuple(names.get(pid, pid) for pid in said_unknown(answer))
    return FactorDisagreement(factor, weights, unknown)


def needs_discussion(answer: FactorAnswer | None) -> bool:
    """True when the participants disagree on this factor or some said ``?`` (the ≠ mark)."""
    return answer is not None and (answer.disputed or bool(said_unknown(answer)))


def disagreements(bank: Bank, session: Session) -> list[FactorDisagreement]:
    """Every factor with participants' weights, where people disagree most first.

    Widest spread first, then the most ``?``; ties keep the bank's order.
    Factors nobody weighed individually are left out.
    """
    rows = [factor_disagreement(session, f) for f in bank.factors]
    rows = [r for r in rows if r.weights or r.unknown]
    return sorted(rows, key=lambda r: (-(r.spread or 0), -len(r.unknown), r.factor.number))


def is_group_view(session: Session) -> bool:
    """True when the session holds participants' weights to compare (group or merge)."""
    return session.mode == "group" or any(
        a.participant_weights or said_unknown(a) for a in session.factors.values()
    )
