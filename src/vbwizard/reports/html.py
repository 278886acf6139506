"""Render a report as one self-contained HTML file.

The file must open offline, be mailed around and printed on A4, and must never
run or load anything a participant typed. So the stylesheet and the chart are
inline, every user text passes through :func:`html.escape`, and a
Content-Security-Policy forbids any request the page might otherwise make.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib import resources

from vbwizard.reports.model import FactorRow, ReportData
from vbwizard.reports.sections import sections_html
from vbwizard.reports.svg import heat_map_svg

# Belt and braces: even a future template mistake cannot make the page load
# a font, image or script from elsewhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _css() -> str:
    return resources.files("vbwizard.reports").joinpath("report.css").read_text("utf-8")


def e(text: object) -> str:
    """Escape any value for HTML text and attribute context."""
    return escape(str(text), quote=True)


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], cls: str = "", dates: Sequence[int] = ()
) -> list[str]:
    """A table; columns in ``dates`` never wrap (a date split at its hyphen misreads)."""
    attr = f' class="{cls}"' if cls else ""
    out = [f"<table{attr}>", "<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in headers)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [
            f'<td class="date">{e(c)}</td>' if i in dates else f"<td>{e(c)}</td>"
            for i, c in enumerate(row)
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out + ["</tbody></table>"]


def _facts(pairs: Sequence[tuple[str, str]]) -> list[str]:
    out = ['<dl class="facts">']
    out += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in pairs]
    return out + ["</dl>"]


def _empty(text: str) -> str:
    return f'<p class="empty">{e(text)}</p>'


def _factor_row(row: FactorRow, group: bool) -> str:
    weight_class = f"w w{row.weight}" if row.weight is not None else "w"
    cells = [
        f'<td class="num">{e(row.number or "")}</td>',
        f"<td>{e(row.title)}</td>",
        f'<td class="{weight_class}">{e(row.weight_label)}</td>',
        f"<td>{e(row.confidence_label)}</td>",
    ]
    if group:
        people = ", ".join(f"{who}: {w}" for who, w in row.participant_weights.items())
        spread = (
            f'<span class="disputed">{e(row.spread_text)}</span>'
            if row.disputed
            else e(row.spread_text)
        )
        cells.append(f"<td>{spread}</td><td>{e(people)}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _tafel(data: ReportData) -> list[str]:
    out = ['<section id="tafel">', "<h2>Tafel van 12</h2>", heat_map_svg(data)]
    # No cluster column: the heat map above already groups the factors.
    headers = ["Nr", "Factor", "Gewicht", "Zekerheid"]
    if data.group_weights:
        headers += ["Spreiding", "Per deelnemer"]
    out.append('<table class="tafel"><thead><tr>')
    out.append("".join(f"<th>{e(h)}</th>" for h in headers) + "</tr></thead><tbody>")
    out += [_factor_row(row, data.group_weights) for row in data.factors]
    out.append("</tbody></table>")
    noted = [row for row in data.factors if row.notes]
    if noted:
        out.append("<h3>Toelichting per factor</h3>")
        for row in noted:
            number = f"{row.number}. " if row.number else ""
            out.append(f"<h4>{e(number + row.title)}</h4>")
            out += _facts(row.notes)
    return out + ["</section>"]


def _priorities(data: ReportData) -> list[str]:
    out = ['<section id="prioriteiten">', "<h2>Prioriteiten</h2>"]
    if data.priorities:
        out.append('<p class="note">In volgorde van aanpak.</p>')
        rows = [(str(p.rank), p.factor, p.weight_label, p.reason) for p in data.priorities]
        out += _table(("Volgorde", "Factor", "Gewicht", "Reden"), rows)
    else:
        out.append(_empty("Nog geen prioriteiten gekozen."))
    if data.priority_note:
        out.append(f"<p>Afwijkend aantal prioriteiten, omdat: {e(data.priority_note)}</p>")
    return out + ["</section>"]


def _actions(data: ReportData) -> list[str]:
    out = ['<section id="actieplan">', "<h2>Actieplan</h2>"]
    if not data.actions:
        return out + [_empty("Nog geen acties vastgelegd."), "</section>"]
    headers, rows = data.action_table()
    return out + _table(headers, rows, "actions", dates=(3, 4)) + ["</section>"]


def _attribution(data: ReportData) -> list[str]:
    source = data.attribution
    name = e(source.name)
    # A bank is user-editable; only a plain web address becomes a link.
    if source.url and source.url.startswith(("https://", "http://")):
        name = f'<a href="{e(source.url)}" rel="noreferrer">{name}</a>'
    return [
        '<footer id="bron">',
        "<h2>Bron van de methode</h2>",
        f"<p>Methode: {name}. {e(source.note)}</p>",
        f"<p>Vragenbank: {e(data.bank_title)}. Rapport gemaakt met vbwizard.</p>",
        "</footer>",
    ]


def render_html(data: ReportData) -> str:
    """Return the report as a complete HTML document with inline CSS and SVG."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="vbwizard">',
        f"<title>{e(data.title)} — Tafel van 12</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(data.title)}</h1>",
        '<p class="subtitle">Analyse van veiligheidsbeleving met de Tafel van 12</p>',
        "</header>",
        '<section id="scope">',
        "<h2>Scope en context</h2>",
        *_facts(data.scope),
        "</section>",
        '<section id="deelnemers">',
        "<h2>Deelnemers</h2>",
    ]
    if data.facilitator:
        out.append(f"<p><strong>Facilitator:</strong> {e(data.facilitator)}</p>")
    if data.participants:
        out += ["<ul>", *(f"<li>{e(p)}</li>" for p in data.participants), "</ul>"]
    if not data.facilitator and not data.participants:
        out.append(_empty("Geen deelnemers vastgelegd."))
    out += ["</section>", '<section id="bronnen">', "<h2>Bronnen</h2>"]
    if data.sources:
        rows = [(s.name, s.kind, s.status, s.finding) for s in data.sources]
        out += _table(("Bron", "Soort", "Status", "Bevinding"), rows)
    else:
        out.append(_empty("Geen bronnen vastgelegd."))
    out += ["</section>", '<section id="probleembeeld">', "<h2>Probleembeeld</h2>"]
    out += _facts(data.problem) if data.problem else [_empty("Nog geen probleembeeld.")]
    out.append("</section>")
    out += _tafel(data)
    out += _priorities(data)
    out += ['<section id="doel">', "<h2>Doel</h2>"]
    out.append(f"<p>{e(data.goal)}</p>" if data.goal else _empty("Nog geen doel vastgelegd."))
    if data.smart:
        out += ["<h3>SMART</h3>", *_facts(data.smart)]
    out.append("</section>")
    out += _actions(data)
    out += sections_html(data.evaluation + data.trajectory)
    out += ['<section id="open-punten">', "<h2>Open punten</h2>"]
    if data.open_points:
        out += ["<ul>", *(f"<li>{e(p)}</li>" for p in data.open_points), "</ul>"]
    else:
        out.append(_empty("Geen open punten."))
    out.append("</section>")
    out += _attribution(data)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
