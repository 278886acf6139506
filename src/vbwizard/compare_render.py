"""A :class:`~vbwizard.compare.Comparison` as text, Markdown, JSON, HTML and Word.

The text format is for the terminal. Markdown, HTML, Word and PDF draw one
report document of blocks (:func:`comparison_report`) with the report
renderers, so they always hold the same content; JSON keeps every field.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Literal

from vbwizard.bank.models import Bank
from vbwizard.compare import CHANGE_WORDS, ActionOutcome, Comparison, SessionHeader, weight_text
from vbwizard.labels import EVALUATION_LABELS
from vbwizard.reports.blocks import Block, Bullets, Facts, Note, Paragraph, Report, Section, Table
from vbwizard.reports.evaluation import measurement_text
from vbwizard.session.models import Session

CompareFormat = Literal["text", "md", "json", "html", "docx", "pdf"]
COMPARE_FORMATS: tuple[CompareFormat, ...] = ("text", "md", "json", "html", "docx", "pdf")
NOT_EVALUATED = "niet geëvalueerd"


def _status(outcome: ActionOutcome) -> str:
    text = EVALUATION_LABELS.get(outcome.status, NOT_EVALUATED)
    return f"{text}: {outcome.effect}" if outcome.effect else text


def measured_text(outcome: ActionOutcome) -> str:
    """``"82% (2026-03-01, Meldingen, niet onafhankelijk)"``, or ``""`` when not measured."""
    independent = {"ja": True, "nee": False}.get(outcome.independent)
    return measurement_text(outcome.measured, outcome.measured_on, outcome.source, independent)


def header_line(label: str, header: SessionHeader | None, fallback: str) -> str:
    """``"Nulmeting: Titel (2025-11-20, afgerond)"``; an unfinished follow-up says so."""
    if header is None:
        return f"{label}: {fallback}"
    text = f"{label}: {header.title} ({header.date}, {header.status})"
    return text + " — nog niet afgerond" if header.in_progress else text


def _goal_pairs(c: Comparison) -> list[tuple[str, str]]:
    goal = c.goal
    if goal is None:
        return []
    measured = goal.measured or "nog niet gemeten"
    detail = ", ".join(d for d in (goal.measured_on, goal.source) if d)
    pairs = [
        ("Indicator", goal.indicator or "–"),
        ("Nulmeting", goal.baseline or "–"),
        ("Streefwaarde", goal.target or "–"),
        ("Gemeten", f"{measured} ({detail})" if detail else measured),
    ]
    return pairs


def comparison_text(c: Comparison) -> str:
    """Render a comparison as plain Dutch text for the terminal."""
    lines = [f"Vergelijking {c.base_id} (nulmeting) → {c.followup_id} (vervolg)"]
    lines.append(header_line("  Nulmeting", c.base, c.base_id))
    lines.append(header_line("  Vervolg", c.followup, c.followup_id))
    if not c.linked:
        lines.append(f"Let op: {c.followup_id} is niet vastgelegd als vervolg op {c.base_id}.")
    lines += ["", "Gewicht per factor (voor → na)"]
    width = max((len(f.title) for f in c.factors), default=0)
    for f in c.factors:
        lines.append(
            f"  {f.change} {f.title.ljust(width)}  {weight_text(f.before)} → {weight_text(f.after)}"
        )
    lines.append("  (↑ weegt zwaarder · ↓ weegt lichter · = gelijk · ? niet te vergelijken)")
    lines += ["", f"Meest verbeterd: {', '.join(c.most_improved) or '–'}"]
    lines.append(f"Grootste zorgen: {', '.join(c.main_concerns) or '–'}")
    lines += ["", "Prioriteiten"]
    for label, items in (
        ("gebleven", c.priorities_kept),
        ("nieuw", c.priorities_added),
        ("vervallen", c.priorities_dropped),
    ):
        lines.append(f"  {label}: {', '.join(items) if items else '–'}")
    lines += ["", "Acties uit de nulmeting"]
    if not c.actions:
        lines.append("  geen")
    for a in c.actions:
        lines.append(f"  - {a.title} ({a.factor}): {_status(a)}")
        planned = f"indicator: {a.indicator or '–'} · verwacht: {a.expected_effect or '–'}"
        lines.append(f"      {planned}")
        outcome = [f"gemeten: {measured_text(a) or '–'}"]
        if a.decision:
            outcome.append(f"besluit: {a.decision}")
        lines.append("      " + " · ".join(outcome))
        for label, value in (("anders gedaan", a.differently), ("bijeffecten", a.side_effects)):
            if value:
                lines.append(f"      {label}: {value}")
    if c.new_actions:
        lines += ["", "Nieuwe acties in het vervolg"] + [f"  - {t}" for t in c.new_actions]
    if c.goal is not None:
        lines += ["", "Doel (SMART)"] + [f"  {k}: {v}" for k, v in _goal_pairs(c)]
    if c.process_notes or c.conclusion:
        lines += ["", "Evaluatie van het vervolg"]
        lines.append(f"  proces: {c.process_notes or '–'}")
        lines.append(f"  conclusie: {c.conclusion or '–'}")
    return "\n".join(lines)


def comparison_sections(c: Comparison) -> list[Section]:
    """The comparison as sections of report blocks."""
    intro: list[Block] = [
        Paragraph(header_line("Nulmeting", c.base, c.base_id)),
        Paragraph(header_line("Vervolg", c.followup, c.followup_id)),
    ]
    if not c.linked:
        intro.append(
            Note(
                f"Let op: {c.followup_id} is niet vastgelegd als vervolg op {c.base_id}.",
                kind="warning",
            )
        )
    factor_rows = [
        [
            f.title,
            weight_text(f.before),
            weight_text(f.after),
            f"{f.change} {CHANGE_WORDS[f.change]}",
        ]
        for f in c.factors
    ]
    changed = Facts(
        [
            ("Meest verbeterd", ", ".join(c.most_improved) or "–"),
            ("Grootste zorgen", ", ".join(c.main_concerns) or "–"),
        ]
    )
    priorities = Facts(
        [
            (label, ", ".join(items) if items else "–")
            for label, items in (
                ("Gebleven", c.priorities_kept),
                ("Nieuw", c.priorities_added),
                ("Vervallen", c.priorities_dropped),
            )
        ]
    )
    sections = [
        Section("sessies", "Sessies", intro),
        Section("wat-veranderde", "Wat veranderde", [changed]),
        Section(
            "gewicht-per-factor",
            "Gewicht per factor",
            [
                Table(
                    ("Factor", "Nulmeting", "Vervolg", "Verandering"),
                    factor_rows,
                    widths=(4, 1.4, 1.4, 2),
                ),
                Note(
                    "↑ weegt zwaarder · ↓ weegt lichter · = gelijk · ? niet te vergelijken",
                    kind="hint",
                ),
            ],
        ),
        Section("prioriteiten", "Prioriteiten", [priorities]),
        Section("acties", "Acties uit de nulmeting", _action_blocks(c)),
    ]
    if c.new_actions:
        sections.append(
            Section("nieuwe-acties", "Nieuwe acties in het vervolg", [Bullets(c.new_actions)])
        )
    if c.goal is not None:
        sections.append(Section("doel", "Doel (SMART)", [Facts(_goal_pairs(c))]))
    if c.process_notes or c.conclusion:
        pairs = [("Proces", c.process_notes or "–"), ("Conclusie", c.conclusion or "–")]
        sections.append(Section("evaluatie", "Evaluatie van het vervolg", [Facts(pairs)]))
    return sections


def _action_blocks(c: Comparison) -> list[Block]:
    if not c.actions:
        return [Note("Geen acties in de nulmeting.")]
    rows = [
        [
            a.title,
            a.factor,
            a.indicator,
            a.expected_effect,
            EVALUATION_LABELS.get(a.status, NOT_EVALUATED),
            measured_text(a),
            a.effect,
            a.decision,
        ]
        for a in c.actions
    ]
    headers = (
        "Actie", "Factor", "Indicator", "Verwacht effect",
        "Uitgevoerd", "Gemeten", "Effect", "Besluit",
    )  # fmt: skip
    blocks: list[Block] = [Table(headers, rows, widths=(3, 2, 2, 2, 1.4, 2, 2, 1.4), wide=True)]
    notes = []
    for a in c.actions:
        parts = [f"anders gedaan: {a.differently}" if a.differently else ""]
        parts.append(f"bijeffecten: {a.side_effects}" if a.side_effects else "")
        text = "; ".join(p for p in parts if p)
        if text:
            notes.append(f"{a.title}: {text}")
    if notes:
        blocks.append(Bullets(notes))
    return blocks


def comparison_report(bank: Bank, followup: Session, c: Comparison) -> Report:
    """The comparison as a report document about the follow-up (its provenance, its CONCEPT)."""
    from vbwizard.reports.build import document

    return document(
        bank,
        followup,
        f"Vergelijking {c.base_id} → {c.followup_id}",
        "Nulmeting en vervolg: werkten de acties?",
        comparison_sections(c),
    )


def comparison_json(c: Comparison) -> str:
    """Render a comparison as JSON (for scripts), keeping every field."""
    return json.dumps(asdict(c), ensure_ascii=False, indent=2)


def render_comparison(c: Comparison, fmt: CompareFormat, report: Report | None = None) -> bytes:
    """The comparison in ``fmt`` as the bytes of a file (or of terminal output).

    Markdown, HTML, Word and PDF draw ``report`` (see :func:`comparison_report`).
    """
    from vbwizard.reports import render_document

    if fmt == "text":
        return (comparison_text(c) + "\n").encode("utf-8")
    if fmt == "json":
        return (comparison_json(c) + "\n").encode("utf-8")
    if report is None:
        raise ValueError(f"{fmt} needs the report document")
    return render_document(report, fmt)
