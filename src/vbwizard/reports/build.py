"""Build a :class:`~vbwizard.reports.blocks.Report` from a bank and a session.

This is the one place that decides what a report says and in which order;
every format renders the result. To add a section, add a ``_name`` function
returning a :class:`Section` and list it in :func:`build_report`.
"""

from __future__ import annotations

import datetime as dt

from vbwizard import __version__
from vbwizard.bank.models import Bank
from vbwizard.labels import (
    MODE_LABELS,
    SCOPE_TYPE_LABELS,
    SOURCE_KIND_LABELS,
    SOURCE_STATUS_LABELS,
    STATUS_LABELS,
    factor_title,
    iso_date,
)
from vbwizard.reports.blocks import (
    DRAFT_MARK,
    Block,
    Bullets,
    Facts,
    HeatMap,
    Link,
    Note,
    Paragraph,
    Provenance,
    Report,
    Section,
    Subheading,
    Table,
)
from vbwizard.reports.evaluation import evaluation_sections
from vbwizard.reports.open_points import open_points
from vbwizard.reports.plan import plan_blocks
from vbwizard.reports.rows import ClusterBlock, factor_clusters, weight_label
from vbwizard.session.models import Session

SUBTITLE = "Analyse van veiligheidsbeleving met de Tafel van 12"

# The order and wording of the problem picture follow the method's questions.
_PROBLEM_FIELDS = (
    ("who", "Wie voelt zich onveilig"),
    ("where", "Waar"),
    ("when", "Wanneer"),
    ("thinking", "Denken"),
    ("feeling", "Voelen"),
    ("doing", "Doen"),
)
_SMART_FIELDS = (
    ("specific", "Specifiek"),
    ("indicator", "Meetbaar: indicator"),
    ("baseline", "Meetbaar: nulmeting"),
    ("target", "Meetbaar: streefwaarde"),
    ("realistic", "Realistisch"),
)


def _filled(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(label, value) for label, value in pairs if value]


def _scope(session: Session) -> Section:
    scope = session.scope
    rows = [
        ("Gebied", scope.area),
        ("Soort", SCOPE_TYPE_LABELS.get(scope.scope_type or "", "")),
        ("Doelgroepen", ", ".join(scope.target_groups)),
        ("Aanleiding", scope.trigger or ""),
        ("Datum", iso_date(scope.date)),
        ("Vorm", MODE_LABELS[session.mode]),
        ("Status", STATUS_LABELS[session.status]),
        ("Sessie", session.id),
    ]
    if session.links.followup_of:
        rows.append(("Vervolg op", session.links.followup_of))
    if session.links.merged_from:
        rows.append(("Samengevoegd uit", ", ".join(session.links.merged_from)))
    return Section("scope", "Scope en context", [Facts(_filled(rows))])


def _participants(session: Session) -> Section:
    blocks: list[Block] = []
    if session.scope.facilitator:
        blocks.append(Facts([("Facilitator", session.scope.facilitator)]))
    if session.scope.participants:
        blocks.append(Bullets([p.name for p in session.scope.participants]))
    if not blocks:
        blocks.append(Note("Geen deelnemers vastgelegd."))
    return Section("deelnemers", "Deelnemers", blocks)


def _sources(session: Session) -> Section:
    if not session.sources:
        return Section("bronnen", "Bronnen", [Note("Geen bronnen vastgelegd.")])
    rows = [
        (
            s.name or "(zonder naam)",
            SOURCE_KIND_LABELS.get(s.kind or "", ""),
            SOURCE_STATUS_LABELS[s.status],
            s.finding or "",
        )
        for s in session.sources
    ]
    table = Table(("Bron", "Soort", "Status", "Bevinding"), rows, widths=(3, 2.2, 2, 5))
    return Section("bronnen", "Bronnen", [table])


def _problem(bank: Bank, session: Session) -> Section:
    problem = _filled(
        [(label, getattr(session.problem, key) or "") for key, label in _PROBLEM_FIELDS]
    )
    if session.problem.problematic:
        answer = bank.label("answer", session.problem.problematic)
        problem.append(("Is de beleving problematisch?", answer))
    block = Facts(problem) if problem else Note("Nog geen probleembeeld vastgelegd.")
    return Section("probleembeeld", "Probleembeeld", [block])


def _tafel(clusters: list[ClusterBlock]) -> Section:
    rows = [row for block in clusters for row in block.factors]
    group = any(row.participant_weights for row in rows)
    headers = ["Nr", "Factor", "Gewicht", "Zekerheid"]
    widths = [1.1, 5, 4, 2.6]
    if group:
        headers += ["Spreiding", "Per deelnemer"]
        widths += [3, 4]
    cells = []
    for row in rows:
        line = [str(row.number or ""), row.title, row.weight_label, row.confidence_label]
        cells.append([*line, row.spread_text, row.people_text] if group else line)
    blocks: list[Block] = [
        HeatMap(clusters),
        Table(
            headers,
            cells,
            widths=widths,
            nowrap=(0,),
            weight_col=2,
            weights=[row.weight for row in rows],
            detail=True,
        ),
    ]
    noted = [row for row in rows if row.notes]
    if noted:
        blocks.append(Subheading("Toelichting per factor", detail=True))
        for row in noted:
            blocks.append(Subheading(row.numbered_title, level=4, detail=True))
            blocks.append(Facts(row.notes, detail=True))
    return Section("tafel", "Tafel van 12", blocks)


def _priorities(bank: Bank, session: Session) -> Section:
    blocks: list[Block] = []
    if session.priorities:
        blocks.append(Note("In volgorde van aanpak:", kind="hint"))
        answers = [session.factors.get(p.factor) for p in session.priorities]
        rows = [
            (str(rank), factor_title(bank, p.factor), weight_label(bank, answer), p.reason or "")
            for rank, (p, answer) in enumerate(zip(session.priorities, answers, strict=True), 1)
        ]
        blocks.append(
            Table(
                ("Volgorde", "Factor", "Gewicht", "Reden"),
                rows,
                widths=(2.1, 4.5, 3.6, 6),
                nowrap=(0,),
                weight_col=2,
                weights=[a.weight if a else None for a in answers],
            )
        )
    else:
        blocks.append(Note("Nog geen prioriteiten gekozen."))
    if session.priority_override:
        text = f"Afwijkend aantal prioriteiten, omdat: {session.priority_override}"
        blocks.append(Paragraph(text))
    return Section("prioriteiten", "Prioriteiten", blocks)


def _goal(session: Session) -> Section:
    goal = session.goal
    blocks: list[Block] = [Paragraph(goal.text) if goal.text else Note("Nog geen doel vastgelegd.")]
    if goal.agreed:
        # Who agreed the goal belongs to it, SMART or not (older sessions: in the SMART part).
        blocks.append(Facts([("Afgesproken door", goal.agreed)]))
    if goal.smart is not None:
        smart = [(label, getattr(goal.smart, key) or "") for key, label in _SMART_FIELDS]
        smart = _filled([*smart, ("Tijdgebonden: uiterlijk", iso_date(goal.smart.deadline))])
        if smart:
            blocks += [Subheading("SMART", detail=True), Facts(smart, detail=True)]
    return Section("doel", "Doel", blocks)


def _open_points(bank: Bank, session: Session) -> Section:
    points = open_points(bank, session)
    block = Bullets(points) if points else Note("Geen open punten.")
    return Section("open-punten", "Open punten", [block])


def _attribution(bank: Bank, provenance: Provenance, draft: bool) -> Section:
    source = bank.manifest.source
    # A bank is user-editable; only a plain web address becomes a link.
    link = None
    if source.url and source.url.startswith(("https://", "http://")):
        link = Link(source.name, source.url)
    facts = [
        ("Sessie", provenance.session_id),
        ("Vragenbank van de sessie", provenance.session_bank),
    ]
    if provenance.bank_differs:
        facts.append(("Vragenbank nu geladen", provenance.loaded_bank))
    facts += [
        ("Rapport gemaakt op", provenance.generated_text),
        ("Gemaakt met", f"vbwizard {provenance.vbwizard_version}"),
        ("Stand", f"{DRAFT_MARK}: de sessie is nog bezig" if draft else "definitief"),
    ]
    return Section(
        "bron",
        "Bron van de methode",
        [
            Paragraph(f"Methode: {source.name}. {source.note}".rstrip(), link=link),
            Paragraph(f"Vragenbank: {bank.manifest.title} (versie {bank.version})."),
            Facts(facts, detail=True),
        ],
    )


def document(
    bank: Bank,
    session: Session,
    title: str,
    subtitle: str,
    sections: list[Section],
    now: dt.datetime | None = None,
) -> Report:
    """A report about ``session`` (or a comparison or trajectory ending in it).

    Provenance, the CONCEPT mark of an unfinished session and the bank warning
    are decided here, so every document vbwizard writes carries them alike.
    """
    provenance = Provenance(
        session_id=session.id,
        session_bank=f"{session.bank.id} {session.bank.version}",
        loaded_bank=f"{bank.id} {bank.version}",
        generated=now or dt.datetime.now().astimezone(),
        vbwizard_version=__version__,
    )
    draft = session.status != "completed"
    notices: list[Note] = []
    if draft:
        notices.append(
            Note(
                f"{DRAFT_MARK} — de sessie is nog bezig; dit rapport kan nog veranderen.",
                kind="warning",
            )
        )
    if provenance.bank_differs:
        notices.append(Note(provenance.warning, kind="warning"))
    return Report(
        title=title,
        subtitle=subtitle,
        draft=draft,
        provenance=provenance,
        notices=notices,
        author=session.scope.facilitator or "",
        sections=sections,
    )


def build_report(
    bank: Bank,
    session: Session,
    now: dt.datetime | None = None,
    trajectory: Section | None = None,
) -> Report:
    """Describe the report of ``session`` as sections of blocks, in Dutch.

    Args:
        bank: The bank loaded now (titles and labels come from it).
        session: The session to report.
        now: The generation moment (default: the current local time).
        trajectory: The course of the chain the session belongs to, when the
            caller looked it up (it needs the sessions folder).
    """
    report = document(bank, session, session.scope.title or "(zonder titel)", SUBTITLE, [], now)
    clusters = factor_clusters(bank, session)
    report.sections = [
        _scope(session),
        _participants(session),
        _sources(session),
        _problem(bank, session),
        _tafel(clusters),
        _priorities(bank, session),
        _goal(session),
        Section("actieplan", "Actieplan", plan_blocks(bank, session)),
        *evaluation_sections(bank, session),
        *([trajectory] if trajectory is not None else []),
        _open_points(bank, session),
        _attribution(bank, report.provenance, report.draft),
    ]
    return report
