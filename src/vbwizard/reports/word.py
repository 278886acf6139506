"""Render a report as an editable Word document with python-docx.

People rework the report into their own plan, so it uses Word's real heading
styles (the navigation pane and table of contents work) and real tables, on A4
in Dutch. Tables get proportional widths that fit the page, rows never split
across pages, headers repeat, and a wide action plan gets a landscape page.
(Named ``word`` rather than ``docx`` so it never shadows the library.)
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

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
from vbwizard.reports.palette import BORDERS, LEGEND, colours, mark

# XML 1.0 cannot hold most control characters; TOML escapes can produce them,
# and python-docx refuses the whole document if one slips through.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MARGIN = Mm(20)
_A4 = (Mm(210), Mm(297))
# Word border (style, eighths of a point) per palette border style.
_BORDERS = {
    "thin": ("single", 4),
    "medium": ("single", 12),
    "thick": ("single", 18),
    "heavy": ("single", 36),
    "dashed": ("dashed", 12),
    "dotted": ("dotted", 12),
}
_TABLE_PT = Pt(8.5)
_HEADINGS = {3: 2, 4: 3}  # Subheading level → Word heading level (sections are Heading 1).


def _t(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


_PROPERTY_LIMIT = 255
"""Word's document properties (title, subject, author) hold at most 255 characters."""


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


def _border(cell: Any, style: str) -> None:
    """Draw a cell's border in the weight's style, so greyscale still tells weights apart."""
    val, size = _BORDERS[style]
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), val)
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:color"), "333333")
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def _row_flag(row: Any, tag: str) -> None:
    """Set a row property such as ``w:cantSplit`` or ``w:tblHeader``."""
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _text_width(doc: Any) -> int:
    section = doc.sections[-1]
    return int(section.page_width - section.left_margin - section.right_margin)


def _new_table(doc: Any, cols: int, fractions: list[float]) -> Any:
    table = doc.add_table(rows=0, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    width = _text_width(doc)
    for column, fraction in zip(table.columns, fractions, strict=True):
        column.width = int(width * fraction)
    return table


def _add_row(table: Any, fractions: list[float], width: int) -> Any:
    row = table.add_row()
    _row_flag(row, "w:cantSplit")  # names on one page, weights on the next misread
    for cell, fraction in zip(row.cells, fractions, strict=True):
        cell.width = int(width * fraction)
    return row


def _cell_text(cell: Any, text: str, bold: bool = False, ink: str = "") -> None:
    """Table text one size below the body, so long Dutch words fit their column."""
    run = cell.paragraphs[0].add_run(_t(text))
    run.bold = bold
    run.font.size = _TABLE_PT
    if ink:
        run.font.color.rgb = _rgb(ink)


def _table(doc: Any, table: Table) -> None:
    fractions = table.width_fractions()
    width = _text_width(doc)
    grid = _new_table(doc, len(table.headers), fractions)
    header = _add_row(grid, fractions, width)
    _row_flag(header, "w:tblHeader")  # repeated on every page the table runs onto
    for cell, text in zip(header.cells, table.headers, strict=True):
        _cell_text(cell, text, bold=True)
        _shade(cell, "#e9eef4")
    for r, values in enumerate(table.rows):
        row = _add_row(grid, fractions, width)
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            ink = ""
            if c == table.weight_col:
                fill, ink = colours(table.weights[r])
                _shade(cell, fill)
            _cell_text(cell, value, ink=ink)
    doc.add_paragraph()


def _heat_cell(cell: Any, weight: object, lines: list[str], title: str) -> None:
    fill, ink = colours(weight)
    _shade(cell, fill)
    _border(cell, BORDERS.get(weight, BORDERS[None]))
    paragraph = cell.paragraphs[0]
    badge = paragraph.add_run(f"[{mark(weight)}] ")
    head = paragraph.add_run(_t(title))
    for run in (badge, head):
        run.bold = True
        run.font.size = Pt(8)  # "Signaalcriminaliteit" must fit a quarter of A4 unbroken
        run.font.color.rgb = _rgb(ink)
    for line in lines:
        run = cell.add_paragraph().add_run(_t(line))
        run.font.size = Pt(7.5)
        run.font.color.rgb = _rgb(ink)


def _heat_map(doc: Any, block: HeatMap) -> None:
    """Per cluster a title row across the table, then its factors side by side.

    The cluster name gets a row of its own so each factor has a quarter of
    the page: a name column would squeeze "Signaalcriminaliteit" mid-word.
    """
    columns = max((len(cluster.factors) for cluster in block.clusters), default=1) or 1
    fractions = [1 / columns] * columns
    width = _text_width(doc)
    grid = _new_table(doc, columns, fractions)
    header = _add_row(grid, fractions, width)
    _row_flag(header, "w:tblHeader")
    title = header.cells[0].merge(header.cells[-1]) if columns > 1 else header.cells[0]
    _cell_text(title, "Hoofdgroep, met per factor [gewicht]", bold=True)
    _shade(title, "#e9eef4")
    for cluster in block.clusters:
        name_row = _add_row(grid, fractions, width)
        name = name_row.cells[0].merge(name_row.cells[-1]) if columns > 1 else name_row.cells[0]
        _cell_text(name, cluster.title, bold=True)
        name.paragraphs[0].paragraph_format.keep_with_next = True  # never apart from its factors
        row = _add_row(grid, fractions, width)
        for cell, factor in zip(row.cells, cluster.factors, strict=False):
            lines = [factor.weight_label]
            if factor.participant_weights:
                lines.append("spreiding " + factor.range_text + (" ⚠" if factor.disputed else ""))
            _heat_cell(cell, factor.weight, lines, factor.numbered_title)
    _legend(doc)


def _legend(doc: Any) -> None:
    """One row of swatches under the heat map: what each colour and mark means."""
    fractions = [1 / len(LEGEND)] * len(LEGEND)
    grid = _new_table(doc, len(LEGEND), fractions)
    row = _add_row(grid, fractions, _text_width(doc))
    for cell, (weight, text) in zip(row.cells, LEGEND, strict=True):
        _heat_cell(cell, weight, [], text[2:])
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(8.5)
    caption = doc.add_paragraph()
    caption.add_run("Legenda: [gewicht] en kleur per factor.").italic = True


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    """A real, clickable link (python-docx has no API for one)."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = _t(text)
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _block(doc: Any, block: Block) -> None:
    match block:
        case Subheading(text=text, level=level):
            doc.add_heading(_t(text), level=_HEADINGS[level])
        case Paragraph(text=text, link=link):
            paragraph = doc.add_paragraph()
            if link is None or link.text not in text:
                paragraph.add_run(_t(text))
                return
            before, after = text.split(link.text, 1)
            paragraph.add_run(_t(before))
            _hyperlink(paragraph, link.text, link.url)
            paragraph.add_run(_t(after))
        case Note(text=text, kind=kind):
            paragraph = doc.add_paragraph()
            run = paragraph.add_run(_t(text))
            run.italic = kind == "empty"
            if kind == "warning":
                run.bold = True
                run.font.color.rgb = _rgb("#8a1c14")
            paragraph.paragraph_format.keep_with_next = kind == "hint"
        case Facts(pairs=pairs):
            for label, value in pairs:
                paragraph = doc.add_paragraph(style="List Bullet")
                paragraph.add_run(_t(label) + ": ").bold = True
                paragraph.add_run(_t(value))
        case Bullets(items=items):
            for item in items:
                doc.add_paragraph(_t(item), style="List Bullet")
        case Table():
            _table(doc, block)
        case HeatMap():
            _heat_map(doc, block)
        case Figure():
            pass  # an HTML chart; the table beside it holds the same numbers
        case _:
            raise TypeError(f"unknown block {block!r}")


def _field(paragraph: Any, code: str) -> None:
    """Insert a field such as PAGE or NUMPAGES; Word and LibreOffice fill it in."""
    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", "1")):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _header_footer(section: Any, report: Report) -> None:
    head = section.header.paragraphs[0]
    head.text = ""
    if report.draft:
        mark_run = head.add_run(f"{DRAFT_MARK} · ")
        mark_run.bold = True
        mark_run.font.color.rgb = _rgb("#8a1c14")
    head.add_run(_t(report.title)).font.size = Pt(9)
    foot = section.footer.paragraphs[0]
    foot.text = ""
    foot.add_run(f"{report.date_text} · pagina ").font.size = Pt(9)
    _field(foot, "PAGE")
    foot.add_run(" van ")
    _field(foot, "NUMPAGES")


def _set_lang(rpr: Any) -> None:
    """Make ``nl-NL`` the language of a run-properties element."""
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), "nl-NL")
    rpr.append(lang)


def _setup(doc: Any, report: Report) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = _A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, _MARGIN)
    doc.styles["Normal"].font.size = Pt(10.5)
    # Dutch proofing on every style, not only Normal, so no heading or table
    # falls back to English spelling checks.
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _set_lang(style.element.get_or_add_rPr())
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name.startswith(
                ("Heading", "Title")
            ):
                style.paragraph_format.keep_with_next = True
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _set_lang(rpr)
    props = doc.core_properties
    now = report.provenance.generated.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = props.modified = now
    for stale in [c for c in props._element if c.tag.endswith("}lastPrinted")]:
        props._element.remove(stale)  # the template's 2013 date; never printed
    props.revision = 1
    props.title = _property(report.title)  # the full title is the heading
    props.subject = _property(report.subtitle)
    props.author = props.last_modified_by = _property(report.author or "vbwizard")
    props.description = ""
    props.comments = ""
    props.category = DRAFT_MARK if report.draft else ""
    props.language = "nl-NL"
    props.keywords = "veiligheidsbeleving; Tafel van 12"
    props.content_status = DRAFT_MARK if report.draft else "Definitief"
    _header_footer(section, report)


def _orient(doc: Any, landscape: bool) -> None:
    """Start a new page in the given orientation (for a wide action plan)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = _A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


def _section(doc: Any, section: Section) -> None:
    """A section; a wide table turns its page to landscape, from the heading to the table."""
    wide = any(isinstance(b, Table) and b.wide for b in section.blocks)
    if wide:
        _orient(doc, landscape=True)
    doc.add_heading(_t(section.title), level=1)
    for block in section.blocks:
        _block(doc, block)
        if wide and isinstance(block, Table) and block.wide:
            _orient(doc, landscape=False)  # the notes below read fine in portrait
            wide = False


def render_docx(report: Report) -> bytes:
    """Return the report as the bytes of a ``.docx`` file."""
    doc = Document()
    _setup(doc, report)
    doc.add_heading(_t(report.title), level=0)
    doc.add_paragraph(report.subtitle)
    for note in report.notices:
        _block(doc, note)
    for section in report.sections:
        _section(doc, section)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
