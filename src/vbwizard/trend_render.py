"""A :class:`~vbwizard.trend.Trend` as text, Markdown, JSON, HTML and Word.

Markdown, HTML, Word and PDF render the same report blocks (:func:`trend_report`)
through the report renderers; HTML adds a small chart per factor as inline SVG.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Literal

from vbwizard.bank.models import Bank
from vbwizard.reports.blocks import (
    Block,
    Bullets,
    Figure,
    Note,
    Report,
    Section,
    Subheading,
    Table,
)
from vbwizard.session.models import Session
from vbwizard.trend import Trend

TrendFormat = Literal["text", "md", "json", "html", "docx", "pdf"]
TREND_FORMATS: tuple[TrendFormat, ...] = ("text", "md", "json", "html", "docx", "pdf")


def round_lines(trend: Trend) -> list[str]:
    """One line per round: label, title, date, status and what it follows up."""
    lines = []
    for r in trend.rounds:
        text = f"Ronde {r.label}: {r.title} ({r.date}, {r.status})"
        if r.in_progress:
            text += " — nog niet afgerond"
        if r.follows:
            text += f", vervolg op {r.follows}"
        lines.append(text)
    return lines


def notices(trend: Trend) -> list[str]:
    """Branches and a missing baseline, said out loud."""
    out = []
    if trend.branched:
        out.append("Let op: de reeks vertakt (een sessie heeft meer dan één vervolg).")
    if trend.missing_baseline:
        out.append(
            f"Let op: de nulmeting ‘{trend.missing_baseline}’ ontbreekt of is onleesbaar; "
            "de resultaten komen uit de kopie van het plan in het vervolg."
        )
    return out


def trend_text(trend: Trend) -> str:
    """Render the trajectory as plain Dutch text for the terminal."""
    lines = ["Verloop van de reeks", *[f"  {line}" for line in round_lines(trend)]]
    lines += notices(trend)
    labels = [r.label for r in trend.rounds]
    width = max((len(f.title) for f in trend.factors), default=0)
    lines += ["", "Gewicht per factor per ronde"]
    lines.append(f"    {'':{width}}  " + "  ".join(f"{label:>8}" for label in labels))
    for f in trend.factors:
        cells = "  ".join(f"{text:>8}" for text in f.weight_texts)
        lines.append(f"  {f.change} {f.title.ljust(width)}  {cells}")
    lines.append("  (↑ weegt nu zwaarder dan eerst · ↓ lichter · = gelijk · ? niet te vergelijken)")
    lines += ["", "Resultaten van de acties per ronde"]
    if not trend.results:
        lines.append("  nog geen vervolg")
    for label in dict.fromkeys(r.round for r in trend.results):
        rows = [r for r in trend.results if r.round == label]
        lines.append(f"  Ronde {label} (plan van {rows[0].planned_in}):")
        for r in rows:
            text = f"    - {r.title}: {r.status}"
            if r.measured:
                text += f"; gemeten: {r.measured}"
            if r.indicator:
                text += f" (indicator: {r.indicator})"
            if r.effect:
                text += f"; effect: {r.effect}"
            if r.decision:
                text += f"; besluit: {r.decision}"
            lines.append(text)
    for ev in trend.evaluations:
        parts = []
        if ev.goal_indicator or ev.goal_measured:
            parts.append(
                f"doel {ev.goal_indicator or '–'}: {ev.goal_baseline or '–'} → "
                f"gemeten {ev.goal_measured or '–'} (streef {ev.goal_target or '–'})"
            )
        if ev.conclusion:
            parts.append(f"conclusie: {ev.conclusion}")
        if parts:
            lines.append(f"  Ronde {ev.round}: " + "; ".join(parts))
    return "\n".join(lines)


def _trend_parts(trend: Trend, *, chart: bool) -> list[tuple[str, str, list[Block]]]:
    """The trajectory's parts as (id, title, blocks); ``chart`` adds the SVG for HTML."""
    from vbwizard.reports.trend_svg import trend_svg

    head: list[Block] = [Bullets(round_lines(trend))]
    head += [Note(text, kind="warning") for text in notices(trend)]
    labels = [f"Ronde {r.label}" for r in trend.rounds]
    weights: list[Block] = []
    if chart:
        alt = "Gewicht per factor per ronde, als staafjes; de tabel eronder geeft dezelfde cijfers."
        weights.append(Figure(trend_svg(trend), alt))
    weights.append(
        Table(
            ("Factor", *labels, "Richting"),
            [[f.title, *f.weight_texts, f.change] for f in trend.factors],
            widths=(4, *([1.2] * len(labels)), 1),
        )
    )
    results: list[Block] = []
    if trend.results:
        headers = ("Ronde", "Plan van", "Actie", "Indicator", "Uitgevoerd", "Gemeten", "Effect",
                   "Besluit")  # fmt: skip
        rows = [
            [
                r.round,
                r.planned_in,
                r.title,
                r.indicator,
                r.status,
                r.measured,
                r.effect,
                r.decision,
            ]  # fmt: skip
            for r in trend.results
        ]
        results.append(Table(headers, rows, widths=(1, 2, 3, 2, 1.4, 2, 2, 1.4), wide=True))
    else:
        results.append(Note("Nog geen vervolg: er is nog niets geëvalueerd."))
    parts = [
        ("rondes", "Rondes", head),
        ("gewicht-per-ronde", "Gewicht per factor per ronde", weights),
        ("resultaten-per-ronde", "Resultaten van de acties per ronde", results),
    ]
    rows = [
        [
            ev.round,
            ev.goal_indicator,
            ev.goal_baseline,
            ev.goal_target,
            ev.goal_measured,
            ev.conclusion,
        ]  # fmt: skip
        for ev in trend.evaluations
    ]
    if rows:
        goal = ("Ronde", "Indicator", "Nulmeting", "Streefwaarde", "Gemeten", "Conclusie")
        parts.append(("doel-per-ronde", "Doel en conclusie per ronde", [Table(goal, rows)]))
    return parts


def trend_sections(trend: Trend, *, chart: bool = True) -> list[Section]:
    """The trajectory as the sections of a document of its own."""
    return [Section(i, title, blocks) for i, title, blocks in _trend_parts(trend, chart=chart)]


def trajectory_section(trend: Trend, *, chart: bool) -> Section:
    """The trajectory as one section of a session's report, its parts as subheadings."""
    blocks: list[Block] = [Note("Deze sessie hoort bij een reeks.", kind="hint")]
    for _, title, part in _trend_parts(trend, chart=chart):
        blocks += [Subheading(title), *part]
    return Section("verloop", "Verloop over de rondes", blocks)


def trend_report(bank: Bank, latest: Session, trend: Trend) -> Report:
    """The whole trajectory as a report document, about its latest session."""
    from vbwizard.reports.build import document

    first = trend.rounds[0].title if trend.rounds else ""
    return document(
        bank,
        latest,
        f"Verloop: {first}",
        "Nulmeting en vervolgen: gewicht per factor en resultaten per ronde",
        trend_sections(trend),
    )


def render_trend(trend: Trend, fmt: TrendFormat, report: Report | None = None) -> bytes:
    """The trajectory in ``fmt`` as the bytes of a file (or of terminal output).

    Markdown, HTML, Word and PDF render ``report`` (see :func:`trend_report`).
    """
    from vbwizard.reports import render_document

    if fmt == "text":
        return (trend_text(trend) + "\n").encode("utf-8")
    if fmt == "json":
        return (json.dumps(asdict(trend), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if report is None:
        raise ValueError(f"{fmt} needs the report document")
    return render_document(report, fmt)
