"""The factors of a session as report rows: one :class:`FactorRow` per factor.

The heat map and the factor table of every report are drawn from these rows,
so "what a factor's weight reads as" is decided once, here.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbwizard.bank.models import Bank
from vbwizard.labels import STATE_LABELS, confidence_label, factor_title
from vbwizard.participants import named
from vbwizard.scoring import factor_state
from vbwizard.session.models import FactorAnswer, Session
from vbwizard.spread import weight_stats


@dataclass(frozen=True)
class FactorRow:
    """One factor of the Tafel van 12 as the report shows it."""

    id: str
    number: int | None
    title: str
    cluster: str
    weight: int | str | None
    """0–3, ``"unknown"``, or ``None`` when no weight was given."""
    weight_label: str
    confidence_label: str
    visited: bool
    participant_weights: dict[str, int]
    spread: int | None
    disputed: bool
    notes: list[tuple[str, str]]
    """(label, text) pairs: citizens' view, professionals' view, evidence, notes, per person."""
    numbered_title: str
    """``"9. Kwaliteit van de aanpak"``, or the bare id of a factor the bank lacks."""

    @property
    def range_text(self) -> str:
        """``"1–3"``: the lowest and highest participant weight, or ``""`` without any."""
        stats = weight_stats(self.participant_weights.values())
        return stats.range_text if stats else ""

    @property
    def spread_text(self) -> str:
        """``"1–3, mediaan 2 (verschil van mening)"``, or ``""`` without group weights."""
        stats = weight_stats(self.participant_weights.values())
        return stats.summary if stats else ""

    @property
    def people_text(self) -> str:
        """``"Els: 3, Karim: 1"``: each participant's weight, or ``""``."""
        return ", ".join(f"{who}: {w}" for who, w in self.participant_weights.items())


@dataclass(frozen=True)
class ClusterBlock:
    """A cluster (hoofdgroep) with its factors, one row of the heat map."""

    title: str
    factors: list[FactorRow]


def weight_label(bank: Bank, answer: FactorAnswer | None) -> str:
    """The weight as a reader sees it: the bank's label, "niet bekeken" or "geen gewicht"."""
    state = factor_state(answer)
    if state in ("unvisited", "no_weight") or answer is None or answer.weight is None:
        return STATE_LABELS[state].short
    return bank.label("weight", answer.weight)


def _factor_notes(session: Session, answer: FactorAnswer) -> list[tuple[str, str]]:
    notes = [
        (label, text)
        for label, text in (
            ("Burgers", answer.citizen_view),
            ("Professionals", answer.professional_view),
            ("Onderbouwing", answer.evidence),
            ("Notitie", answer.notes),
        )
        if text
    ]
    by_name = named(answer.participant_notes, session)
    notes += [(f"Notitie van {who}", text) for who, text in by_name.items()]
    return notes


def _factor_row(bank: Bank, session: Session, factor_id: str, cluster: str) -> FactorRow:
    answer = session.factors.get(factor_id)
    try:
        factor = bank.factor(factor_id)
        number: int | None = factor.number
        title = factor.title
    except KeyError:  # A session from another bank: show what we know.
        number, title = None, factor_id
    return FactorRow(
        id=factor_id,
        number=number,
        title=title,
        cluster=cluster,
        weight=answer.weight if answer else None,
        weight_label=weight_label(bank, answer),
        confidence_label=confidence_label(bank, answer.confidence if answer else None),
        visited=bool(answer and answer.visited),
        participant_weights=named(answer.participant_weights, session) if answer else {},
        spread=answer.spread if answer else None,
        disputed=bool(answer and answer.disputed),
        notes=_factor_notes(session, answer) if answer else [],
        numbered_title=factor_title(bank, factor_id),
    )


def factor_clusters(bank: Bank, session: Session) -> list[ClusterBlock]:
    """Every factor by cluster in bank order; answers the bank lacks come last."""
    clusters = [
        ClusterBlock(
            title=cluster.title,
            factors=[
                _factor_row(bank, session, f.id, cluster.title) for f in bank.factors_in(cluster.id)
            ],
        )
        for cluster in bank.manifest.clusters
    ]
    known = {f.id for f in bank.factors}
    strays = [fid for fid in session.factors if fid not in known]
    if strays:  # Answers the bank does not know must not silently vanish from a report.
        rows = [_factor_row(bank, session, fid, "Overig") for fid in strays]
        clusters.append(ClusterBlock(title="Niet in deze vragenbank", factors=rows))
    return clusters
