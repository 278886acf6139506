"""Render a report as Markdown, for pasting into plans and wikis.

Only what Markdown itself would break is changed: a ``|`` inside a table cell
and line breaks inside cells and list items. Everything else the user typed
stays exactly as typed, so a note reads the same in the report as in the app.
"""

from __future__ import annotations

from collections.abc import Sequence

from vbwizard.reports.model import FactorRow, ReportData
from vbwizard.reports.sections import sections_markdown

# A coloured square per weight gives the table a heat-map feel on platforms
# that render it (GitHub, GitLab, Teams) and stays readable where they do not.
_HEAT = {0: "⬜", 1: "🟨", 2: "🟧", 3: "🟥", "unknown": "❔"}


def _cell(text: str) -> str:
    """Make text safe inside a table cell: escape pipes, keep line breaks visible."""
    text = text.replace("\\|", "\\\\|").replace("|", "\\|")
    return "<br>".join(text.splitlines()) if "\n" in text or "\r" in text else text


def _flow(text: str, indent: str = "  ") -> str:
    """Keep multi-line text inside its list item by indenting continuation lines."""
    lines = text.splitlines() or [""]
    return lines[0] + "".join(f"  \n{indent}{line}" for line in lines[1:])


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(_cell(c) or " " for c in row) + " |" for row in rows]
    return out + [""]


def _weight_cell(row: FactorRow) -> str:
    marker = _HEAT.get(row.weight if row.weight is not None else -1, "")
    return f"{marker} {row.weight_label}".strip()


def render_markdown(data: ReportData) -> str:
    """Return the report as Markdown text (CommonMark with GitHub-style tables)."""
    out = [f"# {data.title}", "", "Analyse van veiligheidsbeleving met de Tafel van 12.", ""]

    out += ["## Scope en context", ""]
    out += [f"- **{label}:** {_flow(value)}" for label, value in data.scope] + [""]

    out += ["## Deelnemers", ""]
    if data.facilitator:
        out += [f"- **Facilitator:** {_flow(data.facilitator)}"]
    out += [f"- {_flow(name)}" for name in data.participants]
    if not data.facilitator and not data.participants:
        out += ["Geen deelnemers vastgelegd."]
    out += [""]

    out += ["## Bronnen", ""]
    if data.sources:
        rows = [(s.name, s.kind, s.status, s.finding) for s in data.sources]
        out += _table(("Bron", "Soort", "Status", "Bevinding"), rows)
    else:
        out += ["Geen bronnen vastgelegd.", ""]

    out += ["## Probleembeeld", ""]
    if data.problem:
        out += [f"- **{label}:** {_flow(value)}" for label, value in data.problem] + [""]
    else:
        out += ["Nog geen probleembeeld vastgelegd.", ""]

    out += _tafel(data)
    out += _priorities(data)

    out += ["## Doel", ""]
    out += [data.goal or "Nog geen doel vastgelegd.", ""]
    if data.smart:
        out += ["SMART:", ""]
        out += [f"- **{label}:** {_flow(value)}" for label, value in data.smart] + [""]

    out += ["## Actieplan", ""]
    if data.actions:
        out += _table(*data.action_table())
    else:
        out += ["Nog geen acties vastgelegd.", ""]

    out += sections_markdown(data.evaluation + data.trajectory)

    out += ["## Open punten", ""]
    out += [f"- {_flow(p)}" for p in data.open_points] or ["Geen open punten."]
    out += [""]

    out += _attribution(data)
    return "\n".join(out).rstrip("\n") + "\n"


def _tafel(data: ReportData) -> list[str]:
    out = ["## Tafel van 12", ""]
    headers = ["Nr", "Factor", "Hoofdgroep", "Gewicht", "Zekerheid"]
    if data.group_weights:
        headers.append("Spreiding deelnemers")
    rows = []
    for row in data.factors:
        cells = [str(row.number or ""), row.title, row.cluster, _weight_cell(row)]
        cells.append(row.confidence_label)
        if data.group_weights:
            cells.append(row.spread_text)
        rows.append(cells)
    out += _table(headers, rows)
    noted = [row for row in data.factors if row.notes]
    if noted:
        out += ["### Toelichting per factor", ""]
        for row in noted:
            number = f"{row.number}. " if row.number else ""
            out += [f"#### {number}{row.title}", ""]
            out += [f"- **{label}:** {_flow(text)}" for label, text in row.notes] + [""]
    return out


def _priorities(data: ReportData) -> list[str]:
    out = ["## Prioriteiten", ""]
    if data.priorities:
        out += ["In volgorde van aanpak:", ""]
        rows = [(str(p.rank), p.factor, p.weight_label, p.reason) for p in data.priorities]
        out += _table(("Volgorde", "Factor", "Gewicht", "Reden"), rows)
    else:
        out += ["Nog geen prioriteiten gekozen.", ""]
    if data.priority_note:
        out += [f"Afwijkend aantal prioriteiten, omdat: {_flow(data.priority_note, '')}", ""]
    return out


def _attribution(data: ReportData) -> list[str]:
    source = data.attribution
    name = f"[{source.name}]({source.url})" if source.url else source.name
    return [
        "## Bron van de methode",
        "",
        f"Methode: {name}. {_flow(source.note, '')}",
        "",
        f"Vragenbank: {data.bank_title}. Rapport gemaakt met vbwizard.",
    ]
