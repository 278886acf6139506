"""The Tafel van 12 as an inline SVG heat map: clusters as rows, factors as cells.

Drawn by hand rather than with a charting library so the HTML report stays one
self-contained file with no scripts and no requests. Every text is escaped.
"""

from __future__ import annotations

import textwrap
from html import escape

from vbwizard.reports.model import FactorRow, ReportData

CELL_W = 200
CELL_H = 96
GAP = 6
LABEL_W = 150

# (fill, text colour) per weight; dark text on light fills, white on the darkest,
# chosen so each pair keeps a contrast ratio of at least 4.5:1.
COLOURS: dict[object, tuple[str, str]] = {
    0: ("#e8efe9", "#1d2b22"),
    1: ("#fbe7a1", "#2b2410"),
    2: ("#f3a95c", "#2b1a08"),
    3: ("#b8322a", "#ffffff"),
    "unknown": ("#dfe6f3", "#17223b"),
    None: ("#ffffff", "#333333"),
}


def _lines(title: str, width: int = 23) -> list[str]:
    # Never split a word: "Signaalcriminaliteit" broken at its end reads badly.
    lines = textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False) or [""]
    if len(lines) > 2:  # Two lines fit a cell; the full title is in the table below.
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return lines


def _cell(row: FactorRow, x: int, y: int) -> list[str]:
    fill, ink = COLOURS.get(row.weight, COLOURS[None])
    dash = ' stroke-dasharray="4 3"' if row.weight in ("unknown", None) else ""
    number = f"{row.number}. " if row.number else ""
    out = [
        f"<g><title>{escape(number + row.title)}: {escape(row.weight_label)}</title>",
        f'<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" rx="6" fill="{fill}" '
        f'stroke="#7a7a7a"{dash}/>',
    ]
    for i, line in enumerate(_lines(number + row.title)):
        out.append(
            f'<text x="{x + 10}" y="{y + 22 + i * 17}" fill="{ink}" font-size="13" '
            f'font-weight="600">{escape(line)}</text>'
        )
    out.append(
        f'<text x="{x + 10}" y="{y + 66}" fill="{ink}" font-size="12">'
        f"{escape(row.weight_label)}</text>"
    )
    if row.participant_weights:
        text = "spreiding " + row.range_text + (" ⚠" if row.disputed else "")
        out.append(
            f'<text x="{x + 10}" y="{y + 85}" fill="{ink}" font-size="12">{escape(text)}</text>'
        )
    out.append("</g>")
    return out


def heat_map_svg(data: ReportData) -> str:
    """Return an ``<svg>`` element drawing every factor's weight, one row per cluster."""
    columns = max((len(block.factors) for block in data.clusters), default=1) or 1
    width = LABEL_W + columns * (CELL_W + GAP)
    height = len(data.clusters) * (CELL_H + GAP) + 40
    summary = "; ".join(
        f"{row.number or ''} {row.title}: {row.weight_label}".strip() for row in data.factors
    )
    out = [
        f'<svg viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape("Tafel van 12: " + summary)}" class="heatmap">',
        "<title>Tafel van 12: gewicht per factor</title>",
    ]
    for r, block in enumerate(data.clusters):
        y = r * (CELL_H + GAP)
        for i, line in enumerate(_lines(block.title, 18)):
            out.append(
                f'<text x="0" y="{y + 40 + i * 17}" font-size="14" font-weight="700" '
                f'fill="#222222">{escape(line)}</text>'
            )
        for c, row in enumerate(block.factors):
            out += _cell(row, LABEL_W + c * (CELL_W + GAP), y)
    out += _legend(height - 24)
    out.append("</svg>")
    return "\n".join(out)


def _legend(y: int) -> list[str]:
    items: list[tuple[object, str]] = [
        (0, "0 niet relevant"),
        (1, "1 klein"),
        (2, "2 duidelijk"),
        (3, "3 belangrijk"),
        ("unknown", "onbekend"),
        (None, "geen gewicht"),
    ]
    out = []
    x = LABEL_W
    for key, label in items:
        fill, _ = COLOURS[key]
        out.append(
            f'<rect x="{x}" y="{y}" width="16" height="16" rx="3" fill="{fill}" stroke="#7a7a7a"/>'
        )
        out.append(f'<text x="{x + 22}" y="{y + 13}" font-size="12" fill="#222222">{label}</text>')
        x += 22 + len(label) * 7 + 18
    return out
