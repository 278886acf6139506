"""One neutral description of a report, built from a bank and a session.

Markdown, HTML and Word all render this same :class:`ReportData`, so the three
formats can never disagree on what a report holds; each renderer only decides
how it looks. Everything here is plain Dutch text or numbers, never markup:
escaping is the renderer's job, because each format escapes differently.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from vbwizard.bank.models import Bank
from vbwizard.reports.labels import (
    ACTION_STATUS_LABELS,
    EVALUATION_LABELS,
    MODE_LABELS,
    SCOPE_TYPE_LABELS,
    SOURCE_KIND_LABELS,
    SOURCE_STATUS_LABELS,
    STATUS_LABELS,
    factor_title,
)
from vbwizard.reports.open_points import open_points
from vbwizard.scoring import factor_state
from vbwizard.session.models import FactorAnswer, PlannedAction, Session

# The order and wording of the problem picture follow the method's questions.
_PROBLEM_FIELDS = (
    ("who", "Wie voelt zich onveilig"),
    ("where", "Waar"),
    ("when", "Wanneer"),
    ("thinking", "Denken"),
    ("feeling", "Voelen"),
    ("doing", "Doen"),
)
_AGREED_LABEL = "Acceptabel: afgesproken door"
_SMART_FIELDS = (
    ("specific", "Specifiek"),
    ("indicator", "Meetbaar: indicator"),
    ("baseline", "Meetbaar: nulmeting"),
    ("target", "Meetbaar: streefwaarde"),
    ("agreed_by", _AGREED_LABEL),
    ("realistic", "Realistisch"),
)


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

    @property
    def range_text(self) -> str:
        """``"1–3"``: the lowest and highest participant weight, or ``""`` without any."""
        values = self.participant_weights.values()
        return f"{min(values)}–{max(values)}" if values else ""

    @property
    def spread_text(self) -> str:
        """``"1–3, mediaan 2 (verschil van mening)"``, or ``""`` without group weights."""
        if not self.participant_weights:
            return ""
        median = statistics.median(self.participant_weights.values())
        text = f"{self.range_text}, mediaan {median:g}".replace(".", ",")
        return text + " (verschil van mening)" if self.disputed else text


@dataclass(frozen=True)
class ClusterBlock:
    """A cluster (hoofdgroep) with its factors, one row of the heat map."""

    title: str
    factors: list[FactorRow]


@dataclass(frozen=True)
class PriorityRow:
    """A chosen priority, in the order of treatment."""

    rank: int
    factor: str
    weight_label: str
    reason: str


@dataclass(frozen=True)
class ActionRow:
    """One line of the action plan."""

    factor: str
    title: str
    owner: str
    start: str
    end: str
    indicator: str
    expected_effect: str
    status: str
    evaluation: str


@dataclass(frozen=True)
class SourceRow:
    """One information source."""

    name: str
    kind: str
    status: str
    finding: str


@dataclass(frozen=True)
class Attribution:
    """Where the method comes from (the bank's source)."""

    name: str
    url: str | None
    note: str


@dataclass
class ReportData:
    """Everything a report holds, in the order reports show it."""

    session_id: str
    title: str
    scope: list[tuple[str, str]]
    participants: list[str]
    facilitator: str
    sources: list[SourceRow]
    problem: list[tuple[str, str]]
    clusters: list[ClusterBlock]
    priorities: list[PriorityRow]
    priority_note: str
    goal: str
    smart: list[tuple[str, str]]
    actions: list[ActionRow]
    open_points: list[str]
    attribution: Attribution
    bank_title: str
    group_weights: bool = field(default=False)
    """True when any factor has per-participant weights (show the spread)."""

    @property
    def factors(self) -> list[FactorRow]:
        """All factors in bank order."""
        return [row for block in self.clusters for row in block.factors]

    def action_table(self) -> tuple[list[str], list[list[str]]]:
        """Headers and rows of the action plan; an evaluation column only once evaluated."""
        headers = ["Factor", "Actie", "Eigenaar", "Start", "Eind", "Indicator"]
        with_eval = any(a.evaluation for a in self.actions)
        if with_eval:
            headers.append("Evaluatie")
        rows = []
        for a in self.actions:
            row = [a.factor, a.title, a.owner, a.start, a.end, a.indicator]
            rows.append([*row, a.evaluation] if with_eval else row)
        return headers, rows


def _weight_label(bank: Bank, answer: FactorAnswer | None) -> str:
    state = factor_state(answer)
    if state == "unvisited":
        return "niet bekeken"
    if state == "no_weight" or answer is None or answer.weight is None:
        return "geen gewicht"
    return bank.label("weight", answer.weight)


def _factor_notes(answer: FactorAnswer) -> list[tuple[str, str]]:
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
    notes += [(f"Notitie van {who}", text) for who, text in answer.participant_notes.items()]
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
        weight_label=_weight_label(bank, answer),
        confidence_label=bank.label("confidence", answer.confidence)
        if answer and answer.confidence
        else "",
        visited=bool(answer and answer.visited),
        participant_weights=dict(answer.participant_weights) if answer else {},
        spread=answer.spread if answer else None,
        disputed=bool(answer and answer.disputed),
        notes=_factor_notes(answer) if answer else [],
    )


def _date(value: object) -> str:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else ""


def _action_row(bank: Bank, action: PlannedAction) -> ActionRow:
    evaluation = ""
    if action.evaluation is not None:
        parts = [EVALUATION_LABELS.get(action.evaluation.done or "", "")]
        parts += [action.evaluation.effect or "", action.evaluation.notes or ""]
        evaluation = "; ".join(p for p in parts if p)
    return ActionRow(
        factor=factor_title(bank, action.factor),
        title=action.title,
        owner=action.owner or "",
        start=_date(action.start),
        end=_date(action.end),
        indicator=action.indicator or "",
        expected_effect=action.expected_effect or "",
        status=ACTION_STATUS_LABELS[action.status],
        evaluation=evaluation,
    )


def _scope_rows(session: Session) -> list[tuple[str, str]]:
    scope = session.scope
    rows = [
        ("Gebied", scope.area),
        ("Soort", SCOPE_TYPE_LABELS.get(scope.scope_type or "", "")),
        ("Doelgroepen", ", ".join(scope.target_groups)),
        ("Aanleiding", scope.trigger or ""),
        ("Datum", _date(scope.date)),
        ("Vorm", MODE_LABELS[session.mode]),
        ("Status", STATUS_LABELS[session.status]),
        ("Sessie", session.id),
    ]
    if session.links.followup_of:
        rows.append(("Vervolg op", session.links.followup_of))
    if session.links.merged_from:
        rows.append(("Samengevoegd uit", ", ".join(session.links.merged_from)))
    return [(label, value) for label, value in rows if value]


def build_report(bank: Bank, session: Session) -> ReportData:
    """Collect everything a report shows, in Dutch, from ``bank`` and ``session``."""
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
    priorities = [
        PriorityRow(
            rank=rank,
            factor=factor_title(bank, p.factor),
            weight_label=_weight_label(bank, session.factors.get(p.factor)),
            reason=p.reason or "",
        )
        for rank, p in enumerate(session.priorities, start=1)
    ]
    smart = session.goal.smart
    smart_rows: list[tuple[str, str]] = []
    if smart is not None:
        smart_rows = [(label, getattr(smart, key) or "") for key, label in _SMART_FIELDS]
        smart_rows.append(("Tijdgebonden: uiterlijk", _date(smart.deadline)))
    # Who agreed the goal is kept beside it now (goal.agreed_by), SMART or not.
    smart_rows = [(k, v) for k, v in smart_rows if k != _AGREED_LABEL]
    smart_rows.insert(0, (_AGREED_LABEL, session.goal.agreed or ""))
    smart_rows = [(label, value) for label, value in smart_rows if value]
    problem = [(label, getattr(session.problem, key) or "") for key, label in _PROBLEM_FIELDS]
    problem = [(label, value) for label, value in problem if value]
    if session.problem.problematic:
        problem.append(
            ("Is de beleving problematisch?", bank.label("answer", session.problem.problematic))
        )
    source = bank.manifest.source
    data = ReportData(
        session_id=session.id,
        title=session.scope.title or "(zonder titel)",
        scope=_scope_rows(session),
        participants=list(session.scope.participants),
        facilitator=session.scope.facilitator or "",
        sources=[
            SourceRow(
                name=s.name or "(zonder naam)",
                kind=SOURCE_KIND_LABELS.get(s.kind or "", ""),
                status=SOURCE_STATUS_LABELS[s.status],
                finding=s.finding or "",
            )
            for s in session.sources
        ],
        problem=problem,
        clusters=clusters,
        priorities=priorities,
        priority_note=session.priority_override or "",
        goal=session.goal.text or "",
        smart=smart_rows,
        actions=[_action_row(bank, a) for a in session.actions if a.status != "rejected"],
        open_points=open_points(bank, session),
        attribution=Attribution(name=source.name, url=source.url, note=source.note),
        bank_title=f"{bank.manifest.title} (versie {bank.version})",
    )
    data.group_weights = any(row.participant_weights for row in data.factors)
    return data
