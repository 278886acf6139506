"""Render a report as one self-contained HTML file.

The file must open offline, be mailed around, read on a phone and printed on
A4, and must never run or load anything a participant typed. So the
stylesheet is inline, every user text passes through :func:`e`, and a
Content-Security-Policy forbids any request the page might otherwise make.
The heat map is plain HTML (a grid on wide screens, a list on a phone), and
each weight shows a mark and a border as well as a colour.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from vbwizard.reports.blocks import (
    DRAFT_MARK,
    Block,
    Bullets,
    Facts,
    Figure,
    HeatMap,
    Note,
    Paragraph,
    Report,
    Section,
    Subheading,
    Table,
)
from vbwizard.reports.palette import BORDERS, COLOURS, LEGEND, mark
from vbwizard.reports.rows import FactorRow
from vbwizard.spread import DISAGREEMENT_TEXT

# Belt and braces: even a future template mistake cannot make the page load
# a font, image or script from elsewhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# CSS for each border style of the palette: heavier with the weight.
_BORDER_CSS = {
    "thin": "1px solid #8a8a8a",
    "medium": "2px solid #555555",
    "thick": "3px solid #333333",
    "heavy": "5px solid #111111",
    "dashed": "2px dashed #444444",
    "dotted": "2px dotted #777777",
}


def e(text: object) -> str:
    """Escape any value for HTML text and attribute context."""
    return escape(str(text), quote=True)


def _css_string(text: str) -> str:
    """Text for a CSS string: everything but letters, digits and spaces as a CSS escape.

    User text inside ``<style>`` must not be able to end the string or the
    element, and HTML entities mean nothing there.
    """
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text)


def _css_class(weight: object) -> str:
    return "w" + ("none" if weight is None else str(weight))


def _weight_css() -> str:
    """The weight classes, generated from the one palette every format uses."""
    rules = []
    for weight, (fill, ink) in COLOURS.items():
        border = _BORDER_CSS[BORDERS[weight]]
        rules.append(f".{_css_class(weight)} {{ background: {fill}; color: {ink}; }}")
        rules.append(
            f".hm-cell.{_css_class(weight)}, .swatch.{_css_class(weight)} {{ border: {border}; }}"
        )
    return "\n".join(rules) + "\n"


def _css(report: Report) -> str:
    css = resources.files("vbwizard.reports").joinpath("report.css").read_text("utf-8")
    css += _weight_css()
    if report.draft:  # On every printed page, in the margin (Chromium 131+) and as a watermark.
        css += f'@media print {{ @page {{ @top-right {{ content: "{DRAFT_MARK}"; }} }} }}\n'
    css += (
        "@media print { @page { "
        f'@top-left {{ content: "{_css_string(report.title[:80])}"; }} '
        f'@bottom-left {{ content: "{report.date_text}"; }} '
        '@bottom-right { content: "pagina " counter(page) " van " counter(pages); } } }\n'
    )
    return css


def _table(table: Table) -> list[str]:
    label = e(", ".join(table.headers))
    out = [f'<div class="scroll" role="region" aria-label="Tabel: {label}" tabindex="0">']
    out.append('<table class="reflow">')
    widths = table.width_fractions()
    out.append(
        "<colgroup>" + "".join(f'<col style="width:{w:.0%}">' for w in widths) + "</colgroup>"
    )
    out.append("<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in table.headers))
    out.append("</tr></thead><tbody>")
    for r, row in enumerate(table.rows):
        cells = []
        for c, value in enumerate(row):
            classes = []
            if c in table.nowrap:
                classes.append("nowrap")
            if c == table.weight_col:
                classes += ["w", _css_class(table.weights[r])]
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f'<td data-label="{e(table.headers[c])}"{attr}>{e(value)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    return [*out, "</tbody></table>", "</div>"]


def _heat_cell(row: FactorRow) -> str:
    parts = [
        f'<li class="hm-cell {_css_class(row.weight)}">',
        f'<span class="hm-title">{e(row.numbered_title)}</span>',
        f'<span class="hm-weight"><span class="mark" aria-hidden="true">{e(mark(row.weight))}'
        f"</span>{e(row.weight_label)}</span>",
    ]
    if row.participant_weights:
        flag = f' <span class="disputed">⚠ {DISAGREEMENT_TEXT}</span>' if row.disputed else ""
        parts.append(f'<span class="hm-spread">spreiding {e(row.range_text)}{flag}</span>')
    return "".join(parts) + "</li>"


def _heat_map(block: HeatMap) -> list[str]:
    out = ['<div class="heatmap">']
    for cluster in block.clusters:
        out.append('<div class="hm-row">')
        out.append(f'<p class="hm-cluster">{e(cluster.title)}</p>')
        out += ['<ul class="hm-cells">', *(_heat_cell(r) for r in cluster.factors), "</ul>"]
        out.append("</div>")
    out.append('<ul class="legend" aria-label="Legenda">')
    for weight, text in LEGEND:
        swatch = (
            f'<span class="swatch {_css_class(weight)}" aria-hidden="true">{e(mark(weight))}</span>'
        )
        out.append(f"<li>{swatch} {e(text[2:])}</li>")
    return [*out, "</ul>", "</div>"]


def _block(block: Block) -> list[str]:
    match block:
        case Subheading(text=text, level=level):
            return [f"<h{level}>{e(text)}</h{level}>"]
        case Paragraph(text=text, link=link):
            body = e(text)
            if link is not None:
                anchor = f'<a href="{e(link.url)}" rel="noreferrer">{e(link.text)}</a>'
                body = body.replace(e(link.text), anchor, 1)
            return [f"<p>{body}</p>"]
        case Note(text=text, kind=kind):
            role = ' role="note"' if kind == "warning" else ""
            return [f'<p class="{kind}"{role}>{e(text)}</p>']
        case Facts(pairs=pairs):
            items = [f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in pairs]
            return ['<dl class="facts">', *items, "</dl>"]
        case Bullets(items=items):
            return ["<ul>", *(f"<li>{e(item)}</li>" for item in items), "</ul>"]
        case Table():
            return _table(block)
        case HeatMap():
            return _heat_map(block)
        case Figure(svg=svg, alt=alt):
            # vbwizard draws the SVG itself and escapes every text in it.
            return [f'<figure class="chart" role="img" aria-label="{e(alt)}">{svg}</figure>']
    raise TypeError(f"unknown block {block!r}")


def _small(block: Block) -> bool:
    """Short enough to keep on one page together with the heading above it."""
    if isinstance(block, Facts):
        return len(block.pairs) <= 8
    if isinstance(block, Bullets):
        return len(block.items) <= 8
    return not isinstance(block, Table | HeatMap | Figure)


def _section(section: Section) -> list[str]:
    out = [f'<section id="{e(section.id)}">']
    heading = [f"<h2>{e(section.title)}</h2>"]
    blocks = list(section.blocks)
    # A heading and the block it introduces stay together when printed.
    while blocks:
        block = blocks.pop(0)
        if isinstance(block, Subheading):
            heading.append(_block(block)[0])
            continue
        if heading and _small(block):
            out += ['<div class="keep">', *heading, *_block(block), "</div>"]
        else:
            out += heading + _block(block)
        heading = []
    return [*out, *heading, "</section>"]


def render_html(report: Report) -> str:
    """Return the report as a complete HTML document with inline CSS."""
    draft = f"{DRAFT_MARK}: " if report.draft else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="vbwizard {e(report.provenance.vbwizard_version)}">',
        f"<title>{draft}{e(report.title)} — Tafel van 12</title>",
        f"<style>\n{_css(report)}</style>",
        "</head>",
        '<body class="draft">' if report.draft else "<body>",
    ]
    if report.draft:
        out.append(f'<div class="watermark" aria-hidden="true">{DRAFT_MARK}</div>')
    out += [
        "<header>",
        f"<h1>{e(report.title)}</h1>",
        f'<p class="subtitle">{e(report.subtitle)}</p>',
    ]
    for note in report.notices:
        out += _block(note)
    out += ["</header>", "<main>"]
    for section in report.sections:
        out += _section(section)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
