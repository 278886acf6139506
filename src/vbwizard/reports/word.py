"""Render a report as an editable Word document with python-docx.

People rework the report into their own plan, so it uses Word's real heading
styles (the navigation pane and table of contents work) and real tables, on A4
in Dutch. (Named ``word`` rather than ``docx`` so it never shadows the library.)
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from vbwizard.reports.model import ReportData
from vbwizard.reports.svg import COLOURS

# XML 1.0 cannot hold most control characters; TOML escapes can produce them,
# and python-docx refuses the whole document if one slips through.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _t(text: object) -> str:
    return _NOT_XML.sub("", str(text))


_PROPERTY_LIMIT = 255
"""Word's document properties (title, subject) hold at most 255 characters."""


def _property(text: object) -> str:
    """Text for a document property: cut to Word's limit, the cut marked with ``…``."""
    cleaned = _t(text)
    if len(cleaned) <= _PROPERTY_LIMIT:
        return cleaned
    return cleaned[: _PROPERTY_LIMIT - 1] + "…"


def _shade(cell: Any, fill: str) -> None:
    """Give a table cell a background colour (python-docx has no API for it)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc: Any, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_t(header)).bold = True
        _shade(cell, "#e9eef4")
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = _t(value)
    doc.add_paragraph()
    return table


def _repeat_header(row: Any) -> None:
    """Repeat the header row on every page a long table runs onto."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _facts(doc: Any, pairs: Sequence[tuple[str, str]]) -> None:
    for label, value in pairs:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(_t(label) + ": ").bold = True
        paragraph.add_run(_t(value))


def _empty(doc: Any, text: str) -> None:
    doc.add_paragraph().add_run(text).italic = True


def _setup(doc: Any, data: ReportData) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    # Dutch proofing language, so spelling checks do not flag every word.
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nl-NL")
    rpr.append(lang)
    props = doc.core_properties
    props.title = _property(data.title)  # the full title is the heading
    props.subject = "Analyse van veiligheidsbeleving met de Tafel van 12"
    props.language = "nl-NL"
    props.author = "vbwizard"
    props.keywords = "veiligheidsbeleving; Tafel van 12"


def _heat_map(doc: Any, data: ReportData) -> None:
    columns = max((len(block.factors) for block in data.clusters), default=1) or 1
    table = doc.add_table(rows=0, cols=columns + 1)
    table.style = "Table Grid"
    for block in data.clusters:
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(_t(block.title)).bold = True
        for cell, row in zip(cells[1:], block.factors, strict=False):
            fill, ink = COLOURS.get(row.weight, COLOURS[None])
            _shade(cell, fill)
            cell.text = ""
            number = f"{row.number}. " if row.number else ""
            title = cell.paragraphs[0].add_run(_t(number + row.title))
            title.bold = True
            lines = [row.weight_label]
            if row.participant_weights:
                lines.append("spreiding " + row.range_text + (" ⚠" if row.disputed else ""))
            for line in lines:
                run = cell.add_paragraph().add_run(_t(line))
                run.font.size = Pt(9)
                run.font.color.rgb = RGBColor.from_string(ink.lstrip("#").upper())
            title.font.color.rgb = RGBColor.from_string(ink.lstrip("#").upper())
    doc.add_paragraph()


def _tafel(doc: Any, data: ReportData) -> None:
    doc.add_heading("Tafel van 12", level=1)
    _heat_map(doc, data)
    headers = ["Nr", "Factor", "Hoofdgroep", "Gewicht", "Zekerheid"]
    if data.group_weights:
        headers.append("Spreiding deelnemers")
    rows = []
    for row in data.factors:
        cells = [str(row.number or ""), row.title, row.cluster, row.weight_label]
        cells.append(row.confidence_label)
        if data.group_weights:
            cells.append(row.spread_text)
        rows.append(cells)
    _table(doc, headers, rows)
    noted = [row for row in data.factors if row.notes]
    if noted:
        doc.add_heading("Toelichting per factor", level=2)
        for row in noted:
            number = f"{row.number}. " if row.number else ""
            doc.add_heading(_t(number + row.title), level=3)
            _facts(doc, row.notes)


def render_docx(data: ReportData) -> bytes:
    """Return the report as the bytes of a ``.docx`` file."""
    doc = Document()
    _setup(doc, data)
    doc.add_heading(_t(data.title), level=0)
    doc.add_paragraph("Analyse van veiligheidsbeleving met de Tafel van 12")

    doc.add_heading("Scope en context", level=1)
    _facts(doc, data.scope)

    doc.add_heading("Deelnemers", level=1)
    if data.facilitator:
        _facts(doc, [("Facilitator", data.facilitator)])
    for name in data.participants:
        doc.add_paragraph(_t(name), style="List Bullet")
    if not data.facilitator and not data.participants:
        _empty(doc, "Geen deelnemers vastgelegd.")

    doc.add_heading("Bronnen", level=1)
    if data.sources:
        rows = [(s.name, s.kind, s.status, s.finding) for s in data.sources]
        _table(doc, ("Bron", "Soort", "Status", "Bevinding"), rows)
    else:
        _empty(doc, "Geen bronnen vastgelegd.")

    doc.add_heading("Probleembeeld", level=1)
    if data.problem:
        _facts(doc, data.problem)
    else:
        _empty(doc, "Nog geen probleembeeld.")

    _tafel(doc, data)

    doc.add_heading("Prioriteiten", level=1)
    if data.priorities:
        doc.add_paragraph("In volgorde van aanpak:")
        rows = [(str(p.rank), p.factor, p.weight_label, p.reason) for p in data.priorities]
        _table(doc, ("Volgorde", "Factor", "Gewicht", "Reden"), rows)
    else:
        _empty(doc, "Nog geen prioriteiten gekozen.")
    if data.priority_note:
        doc.add_paragraph(_t(f"Afwijkend aantal prioriteiten, omdat: {data.priority_note}"))

    doc.add_heading("Doel", level=1)
    if data.goal:
        doc.add_paragraph(_t(data.goal))
    else:
        _empty(doc, "Nog geen doel vastgelegd.")
    if data.smart:
        doc.add_heading("SMART", level=2)
        _facts(doc, data.smart)

    doc.add_heading("Actieplan", level=1)
    if data.actions:
        _table(doc, *data.action_table())
    else:
        _empty(doc, "Nog geen acties vastgelegd.")

    doc.add_heading("Open punten", level=1)
    for point in data.open_points:
        doc.add_paragraph(_t(point), style="List Bullet")
    if not data.open_points:
        _empty(doc, "Geen open punten.")

    doc.add_heading("Bron van de methode", level=1)
    source = data.attribution
    link = f" ({source.url})" if source.url else ""
    doc.add_paragraph(_t(f"Methode: {source.name}{link}. {source.note}"))
    doc.add_paragraph(_t(f"Vragenbank: {data.bank_title}. Rapport gemaakt met vbwizard."))

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
