"""The trajectory of a chain: weights per factor over the rounds, and what each round found.

Built from a :class:`~vbwizard.chain.Chain`; :mod:`vbwizard.trend_render`
renders it as text, Markdown, JSON, HTML (with a small chart per factor) and
Word. A round's action results are the follow-up's evaluation of the actions
of the session it follows up; when that session is gone, the copy of the plan
kept in the follow-up is used, so the results still show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vbwizard.bank.models import Bank
from vbwizard.chain import Chain
from vbwizard.compare import change_symbol, evaluation_of, weight_text
from vbwizard.labels import (
    CONCLUSION_LABELS,
    DECISION_LABELS,
    EVALUATION_LABELS,
    STATUS_LABELS,
    factor_title,
)
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import Session

NOT_EVALUATED = "niet geëvalueerd"


@dataclass(frozen=True)
class TrendRound:
    """One session of the chain, as a column of the trajectory."""

    label: str
    id: str
    title: str
    date: str
    status: str
    in_progress: bool
    follows: str
    """The label of the round it follows up, the id of a missing baseline, or ``""``."""


@dataclass(frozen=True)
class FactorTrend:
    """A factor's weight in every round, in round order."""

    factor_id: str
    title: str
    weights: list[int | str | None]
    change: str
    """First known weight to last: ``↑``, ``↓``, ``=`` or ``?``."""

    @property
    def weight_texts(self) -> list[str]:
        """The weights as people read them."""
        return [weight_text(w) for w in self.weights]


@dataclass(frozen=True)
class ActionResult:
    """How one action of a round's plan turned out, as the next round evaluated it."""

    round: str
    """The label of the evaluating round."""
    planned_in: str
    """The label of the round whose plan it was (or the missing baseline's id)."""
    title: str
    factor: str
    indicator: str
    expected_effect: str
    status: str
    measured: str
    effect: str
    decision: str


@dataclass(frozen=True)
class RoundEvaluation:
    """A follow-up's goal measurement, process notes and conclusion."""

    round: str
    goal_indicator: str
    goal_baseline: str
    goal_target: str
    goal_measured: str
    process_notes: str
    conclusion: str


@dataclass
class Trend:
    """Everything the trajectory shows."""

    rounds: list[TrendRound]
    branched: bool
    missing_baseline: str | None
    factors: list[FactorTrend]
    results: list[ActionResult] = field(default_factory=list)
    evaluations: list[RoundEvaluation] = field(default_factory=list)


def _results(
    bank: Bank, label: str, session: Session, parent: Session | None, planned_in: str
) -> list[ActionResult]:
    rows = []
    if parent is not None:
        plan = [
            (a.title or a.id, a.factor, a.indicator, a.expected_effect, evaluation_of(a, session))
            for a in parent.actions
            if a.status != "rejected"
        ]
    else:  # The baseline is gone: the copy kept in the follow-up still tells the story.
        entries = session.evaluation.actions if session.evaluation else []
        plan = [(e.title or e.action, e.factor, e.indicator, e.expected_effect, e) for e in entries]
    for title, factor, indicator, expected, found in plan:
        ev = found if found is not None and found.evaluated else None
        rows.append(
            ActionResult(
                round=label,
                planned_in=planned_in,
                title=title,
                factor=factor_title(bank, factor) if factor else "",
                indicator=indicator or "",
                expected_effect=expected or "",
                status=EVALUATION_LABELS.get(ev.done or "", NOT_EVALUATED) if ev else NOT_EVALUATED,
                measured=(ev.measured or "") if ev else "",
                effect=(ev.effect or "") if ev else "",
                decision=DECISION_LABELS.get(ev.decision or "", "") if ev else "",
            )
        )
    return rows


def build_trend(bank: Bank, chain: Chain) -> Trend:
    """The trajectory of ``chain``: one column per session, in chain order."""
    by_id = {r.session.id: r for r in chain.rounds}
    rounds = []
    for r in chain.rounds:
        session = r.session
        ref = session.links.followup_of
        follows = chain.label_of(r.parent) if r.parent else (ref or "")
        rounds.append(
            TrendRound(
                label=r.label,
                id=session.id,
                title=session.scope.title or session.id,
                date=r.date.isoformat(),
                status=STATUS_LABELS[session.status],
                in_progress=session.status == "in_progress",
                follows=follows,
            )
        )
    ids = [f.id for f in bank.factors]
    ids += [fid for r in chain.rounds for fid in r.session.factors if fid not in ids]
    factors = []
    for fid in dict.fromkeys(ids):
        answers = [r.session.factors.get(fid) for r in chain.rounds]
        known = [w for w in (numeric_weight(a) for a in answers) if w is not None]
        factors.append(
            FactorTrend(
                factor_id=fid,
                title=factor_title(bank, fid),
                weights=[a.weight if a else None for a in answers],
                change=change_symbol(known[0], known[-1]) if len(known) > 1 else "?",
            )
        )
    results: list[ActionResult] = []
    evaluations = []
    for r in chain.rounds:
        session = r.session
        if not session.links.followup_of:
            continue
        parent = by_id[r.parent].session if r.parent else None
        planned_in = chain.label_of(r.parent) if r.parent else session.links.followup_of
        results += _results(bank, r.label, session, parent, planned_in)
        ev = session.evaluation
        if ev is not None:
            goal = ev.goal
            evaluations.append(
                RoundEvaluation(
                    round=r.label,
                    goal_indicator=(goal.indicator or "") if goal else "",
                    goal_baseline=(goal.baseline or "") if goal else "",
                    goal_target=(goal.target or "") if goal else "",
                    goal_measured=(goal.measured or "") if goal else "",
                    process_notes=ev.process_notes or "",
                    conclusion=CONCLUSION_LABELS.get(ev.conclusion or "", ""),
                )
            )
    return Trend(
        rounds=rounds,
        branched=chain.branched,
        missing_baseline=chain.missing_baseline,
        factors=factors,
        results=results,
        evaluations=evaluations,
    )
