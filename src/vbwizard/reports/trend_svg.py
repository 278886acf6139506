"""The trajectory as inline SVG: one small line chart per factor, weight 0–3 over the rounds.

Drawn by hand (the heat map is plain HTML): no scripts, no
requests, every text escaped. An unknown or missing weight is a gap in the
line, never a guessed value.
"""

from __future__ import annotations

from html import escape

from vbwizard.trend import FactorTrend, Trend

CHART_W = 230
CHART_H = 98
GAP = 12
COLUMNS = 3
PLOT_TOP = 36
"""Room under the title for the label of a weight-3 point."""
TITLE_CHARS = 27
"""About what fits the chart in bold 12 px; longer titles end in "…" (the tooltip has all)."""
PLOT_H = 40
INK = "#1f4e79"


def _heading(factor: FactorTrend) -> str:
    """The chart's title: the direction (when known) and the factor, cut to fit."""
    title = factor.title
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    return title if factor.change == "?" else f"{factor.change} {title}"


def _chart(trend: Trend, factor: FactorTrend, x0: int, y0: int) -> list[str]:
    labels = [r.label for r in trend.rounds]
    step = (CHART_W - 40) / max(len(labels) - 1, 1)
    summary = ", ".join(
        f"ronde {label}: {text}" for label, text in zip(labels, factor.weight_texts, strict=True)
    )
    out = [
        f"<g><title>{escape(factor.title)}: {escape(summary)}</title>",
        f'<rect x="{x0}" y="{y0}" width="{CHART_W}" height="{CHART_H}" rx="5" '
        'fill="#ffffff" stroke="#c9c9c9"/>',
        f'<text x="{x0 + 8}" y="{y0 + 17}" font-size="12" font-weight="600" fill="#222222">'
        f"{escape(_heading(factor))}</text>",
    ]
    base = y0 + PLOT_TOP + PLOT_H
    out.append(
        f'<line x1="{x0 + 20}" y1="{base}" x2="{x0 + CHART_W - 20}" y2="{base}" stroke="#c9c9c9"/>'
    )
    points: list[tuple[float, float] | None] = []
    for i, weight in enumerate(factor.weights):
        x = x0 + 20 + i * step
        if isinstance(weight, int):
            points.append((x, base - weight * PLOT_H / 3))
        else:
            points.append(None)
        out.append(
            f'<text x="{x:.1f}" y="{base + 14}" font-size="10" text-anchor="middle" '
            f'fill="#555555">{escape(labels[i])}</text>'
        )
    segment: list[str] = []
    for point in [*points, None]:  # a gap (unknown weight) ends a line segment
        if point is not None:
            segment.append(f"{point[0]:.1f},{point[1]:.1f}")
            continue
        if len(segment) > 1:
            out.append(
                f'<polyline points="{" ".join(segment)}" fill="none" stroke="{INK}" '
                'stroke-width="2"/>'
            )
        segment = []
    for point, weight in zip(points, factor.weights, strict=True):
        if point is not None:
            out.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="3.5" fill="{INK}"/>')
            out.append(
                f'<text x="{point[0]:.1f}" y="{point[1] - 6:.1f}" font-size="10" '
                f'text-anchor="middle" fill="#222222">{weight}</text>'
            )
    out.append("</g>")
    return out


def trend_svg(trend: Trend) -> str:
    """Return an ``<svg>`` with a small chart per factor (weight 0–3 per round)."""
    factors = trend.factors
    rows = (len(factors) + COLUMNS - 1) // COLUMNS
    width = COLUMNS * (CHART_W + GAP)
    height = max(rows, 1) * (CHART_H + GAP)
    out = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" class="trend" '
        f'aria-label="{escape("Verloop van het gewicht per factor over de rondes")}">',
        "<title>Verloop: gewicht per factor (0–3) per ronde</title>",
    ]
    for index, factor in enumerate(factors):
        row, column = divmod(index, COLUMNS)
        out += _chart(trend, factor, column * (CHART_W + GAP), row * (CHART_H + GAP))
    out.append("</svg>")
    return "\n".join(out)
