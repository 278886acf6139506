"""A :class:`~vbwizard.trend.Trend` as text, Markdown, JSON, HTML and Word.

Markdown, HTML and Word render the same sections (:func:`trend_sections`);
HTML adds a small chart per factor as inline SVG.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Literal

from vbwizard.reports.sections import Bullets, Document, Item, Para, Section, Svg, Table
from vbwizard.trend import Trend

TrendFormat = Literal["text", "md", "json", "html", "docx"]
TREND_FORMATS: tuple[TrendFormat, ...] = ("text", "md", "json", "html", "docx")


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


def trend_sections(trend: Trend, *, chart: bool = True, level: int = 2) -> list[Section]:
    """The trajectory as sections; ``chart`` adds the SVG (HTML shows it, others skip it)."""
    from vbwizard.reports.trend_svg import trend_svg

    head: list[Item] = [Bullets(round_lines(trend))]
    head += [Para(text) for text in notices(trend)]
    labels = [f"Ronde {r.label}" for r in trend.rounds]
    weights: list[Item] = [Svg(trend_svg(trend))] if chart else []
    weights.append(
        Table(
            ("Factor", *labels, "Richting"),
            [[f.title, *f.weight_texts, f.change] for f in trend.factors],
        )
    )
    results: list[Item] = []
    if trend.results:
        results.append(
            Table(
                (
                    "Ronde",
                    "Plan van",
                    "Actie",
                    "Indicator",
                    "Uitgevoerd",
                    "Gemeten",
                    "Effect",
                    "Besluit",
                ),
                [
                    [
                        r.round,
                        r.planned_in,
                        r.title,
                        r.indicator,
                        r.status,
                        r.measured,
                        r.effect,
                        r.decision,
                    ]
                    for r in trend.results
                ],
            )
        )
    else:
        results.append(Para("Nog geen vervolg: er is nog niets geëvalueerd.", True))
    sections = [
        Section("Rondes", list(head), level),
        Section("Gewicht per factor per ronde", weights, level),
        Section("Resultaten van de acties per ronde", results, level),
    ]
    rows = [
        [
            ev.round,
            ev.goal_indicator,
            ev.goal_baseline,
            ev.goal_target,
            ev.goal_measured,
            ev.conclusion,
        ]
        for ev in trend.evaluations
    ]
    if rows:
        headers = ("Ronde", "Indicator", "Nulmeting", "Streefwaarde", "Gemeten", "Conclusie")
        sections.append(Section("Doel en conclusie per ronde", [Table(headers, rows)], level))
    return sections


def trend_document(trend: Trend, *, chart: bool) -> Document:
    """The whole trajectory as a document."""
    first = trend.rounds[0].title if trend.rounds else ""
    return Document(
        title=f"Verloop: {first}",
        subtitle="Nulmeting en vervolgen: gewicht per factor en resultaten per ronde",
        sections=trend_sections(trend, chart=chart),
    )


def trajectory_sections(trend: Trend, *, chart: bool) -> list[Section]:
    """The trajectory as one section of a session's report."""
    intro = Section("Verloop over de rondes", [Para("Deze sessie hoort bij een reeks.", True)])
    return [intro, *trend_sections(trend, chart=chart, level=3)]


def render_trend(trend: Trend, fmt: TrendFormat) -> bytes:
    """The trajectory in ``fmt`` as the bytes of a file (or of terminal output)."""
    from vbwizard.reports import sections

    if fmt == "text":
        return (trend_text(trend) + "\n").encode("utf-8")
    if fmt == "json":
        return (json.dumps(asdict(trend), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "md":
        return sections.document_markdown(trend_document(trend, chart=False)).encode("utf-8")
    if fmt == "html":
        return sections.document_html(trend_document(trend, chart=True)).encode("utf-8")
    return sections.document_docx(trend_document(trend, chart=False))
