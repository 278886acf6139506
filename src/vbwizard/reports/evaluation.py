"""The Evaluatie section of a follow-up's report: how the baseline's plan turned out.

Built as report blocks from the follow-up alone (it keeps a copy of the
baseline's plan), so the section is the same in every format and still complete
when the baseline is gone.
"""

from __future__ import annotations

import datetime as dt

from vbwizard.bank.models import Bank
from vbwizard.labels import (
    CONCLUSION_LABELS,
    DECISION_LABELS,
    EVALUATION_LABELS,
    factor_title,
)
from vbwizard.reports.blocks import Block, Bullets, Facts, Note, Paragraph, Section, Table
from vbwizard.session.models import Session

NOT_EVALUATED = "niet geëvalueerd"


def measurement_text(
    measured: str | None, on: dt.date | str | None, source: str | None, independent: bool | None
) -> str:
    """``"82% (2026-03-01, Meldingen, onafhankelijk)"``, or ``""`` when nothing was measured."""
    if not measured:
        return ""
    details = [on.isoformat() if isinstance(on, dt.date) else (on or ""), source or ""]
    if independent is not None:
        details.append("onafhankelijk" if independent else "niet onafhankelijk")
    detail = ", ".join(d for d in details if d)
    return f"{measured} ({detail})" if detail else measured


def evaluation_sections(bank: Bank, session: Session) -> list[Section]:
    """The Evaluatie section of ``session``; empty for a session that follows up nothing."""
    evaluation = session.evaluation
    if not session.links.followup_of and evaluation is None:
        return []
    items: list[Block] = [
        Paragraph(f"Evaluatie van de nulmeting ‘{session.links.followup_of}’.", detail=True)
    ]
    entries = evaluation.actions if evaluation else []
    if entries:
        rows = [
            [
                e.title or e.action,
                factor_title(bank, e.factor) if e.factor else "",
                e.indicator or "",
                EVALUATION_LABELS.get(e.done or "", NOT_EVALUATED),
                measurement_text(e.measured, e.measured_on, e.source, e.independent),
                e.effect or "",
                DECISION_LABELS.get(e.decision or "", ""),
            ]
            for e in entries
        ]
        headers = ("Actie", "Factor", "Indicator", "Uitgevoerd", "Gemeten", "Effect", "Besluit")
        items.append(Table(headers, rows, widths=(3, 2, 2, 1.4, 2, 2, 1.4), wide=True))
        notes = []
        for e in entries:
            parts = [f"anders gedaan: {e.differently}" if e.differently else ""]
            parts.append(f"bijeffecten: {e.side_effects}" if e.side_effects else "")
            parts.append(e.notes or "")
            text = "; ".join(p for p in parts if p)
            if text:
                notes.append(f"{e.title or e.action}: {text}")
        if notes:
            items.append(Bullets(notes))
    else:
        items.append(Note("Geen acties uit de nulmeting om te evalueren."))
    goal = evaluation.goal if evaluation else None
    if goal is not None:
        measured = measurement_text(goal.measured, goal.measured_on, goal.source, goal.independent)
        pairs = [
            ("Doel: indicator", goal.indicator or "–"),
            ("Nulmeting", goal.baseline or "–"),
            ("Streefwaarde", goal.target or "–"),
            ("Gemeten", measured or "nog niet gemeten"),
        ]
        items.append(Facts(pairs))
    if evaluation is not None:
        items.append(
            Facts(
                [
                    ("Proces", evaluation.process_notes or "–"),
                    ("Conclusie", CONCLUSION_LABELS.get(evaluation.conclusion or "", "–")),
                ]
            )
        )
    return [Section("evaluatie", "Evaluatie", items)]
