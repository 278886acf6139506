"""Render a report as a PDF with fpdf2 (pure Python: installs with pip everywhere).

The text is real, selectable text in DejaVu Sans, shipped in ``fonts/`` and
embedded (subset) in every file, because the PDF core fonts cannot show
"≠ ⚠ → ✓" and may be substituted by the reader. A4 portrait with a header
(title, CONCEPT for a draft) and a footer ("pagina X van Y") on every page,
one bookmark per section, and the document's title, author and language set.
fpdf2 cannot write a tagged (PDF/UA) file; the README says what that means.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from fpdf import FPDF, FontFace, ViewerPreferences

from vbwizard.reports.blocks import (
    DRAFT_MARK,
    Block,
    Bullets,
    Facts,
    HeatMap,
    Note,
    Paragraph,
    Report,
    Section,
    Subheading,
    Table,
)
from vbwizard.reports.palette import LEGEND, colours, mark

FONT = "DejaVu"
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LINE = 5.0  # mm per line of body text
_ACCENT = (31, 78, 121)
_MUTED = (85, 85, 85)
_WARN = (138, 28, 20)
_HEAD_FILL = (233, 238, 244)


def _t(text: object) -> str:
    return _NOT_TEXT.sub("", str(text))


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class _Document(FPDF):
    """An A4 page with the report's header and footer on every page."""

    def __init__(self, report: Report) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        fonts = resources.files("vbwizard.reports").joinpath("fonts")
        with resources.as_file(fonts / "DejaVuSans.ttf") as regular:
            self.add_font(FONT, "", str(regular))
        with resources.as_file(fonts / "DejaVuSans-Bold.ttf") as bold:
            self.add_font(FONT, "B", str(bold))
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)
        self.alias_nb_pages()

    def header(self) -> None:
        """Title on the left; CONCEPT in red on the right while the session is in progress."""
        self.set_y(9)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_MUTED)
        self.cell(self.epw * 0.8, 5, _t(self.report.title)[:90])
        if self.report.draft:
            self.set_font(FONT, "B", 9)
            self.set_text_color(*_WARN)
            self.cell(0, 5, DRAFT_MARK, align="R")
        self.set_text_color(0, 0, 0)
        self.set_y(20)

    def footer(self) -> None:
        """Date on the left, "pagina X van Y" on the right."""
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_MUTED)
        self.cell(self.epw / 2, 5, self.report.date_text)
        self.cell(0, 5, f"pagina {self.page_no()} van {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def _body(pdf: _Document, size: float = 10, style: str = "") -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(0, 0, 0)


def _heading(pdf: _Document, text: str, level: int) -> None:
    """A heading and its bookmark; never alone at the foot of a page."""
    size = {2: 14.0, 3: 11.5, 4: 10.5}[level]
    if pdf.will_page_break(size + 30):
        pdf.add_page()
    pdf.ln({2: 5, 3: 3, 4: 2}[level])
    pdf.start_section(_t(text)[:120], level=level - 2, strict=False)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*(_ACCENT if level == 2 else (0, 0, 0)))
    pdf.multi_cell(0, size * 0.5, _t(text), new_x="LMARGIN", new_y="NEXT")
    if level == 2:
        pdf.set_draw_color(*_ACCENT)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.w - pdf.r_margin, pdf.get_y() + 0.5)
    pdf.ln(2)
    _body(pdf)


def _labelled(pdf: _Document, label: str, text: str) -> None:
    """A bullet with an optional bold label, wrapped at the margin."""
    pdf.set_x(pdf.l_margin)
    _body(pdf)
    pdf.write(_LINE, "• ")
    if label:
        _body(pdf, style="B")
        pdf.write(_LINE, _t(label) + ": ")
        _body(pdf)
    pdf.write(_LINE, _t(text))
    pdf.ln(_LINE + 0.8)


def _table(pdf: _Document, table: Table) -> None:
    pdf.set_font(FONT, "", 8.5)
    headings = FontFace(emphasis="BOLD", fill_color=_HEAD_FILL)
    with pdf.table(
        col_widths=table.width_fractions(),
        text_align="LEFT",
        line_height=4.2,
        padding=1.3,
        headings_style=headings,
        repeat_headings=1,
        v_align="TOP",
    ) as grid:
        grid.row([_t(h) for h in table.headers])
        for r, values in enumerate(table.rows):
            row = grid.row()
            for c, value in enumerate(values):
                style = None
                if c == table.weight_col:
                    fill, ink = colours(table.weights[r])
                    style = FontFace(color=_rgb(ink), fill_color=_rgb(fill))
                row.cell(_t(value), style=style)
    pdf.ln(3)
    _body(pdf)


def _heat_map(pdf: _Document, block: HeatMap) -> None:
    """Per cluster a title row, then its factors side by side (a quarter page each)."""
    columns = max((len(cluster.factors) for cluster in block.clusters), default=1) or 1
    pdf.set_font(FONT, "", 8)
    headings = FontFace(emphasis="BOLD", fill_color=_HEAD_FILL)
    with pdf.table(
        text_align="LEFT",
        line_height=3.8,
        padding=1.5,
        headings_style=headings,
        v_align="TOP",
    ) as grid:
        grid.row().cell("Hoofdgroep, met per factor [gewicht]", colspan=columns)
        for cluster in block.clusters:
            grid.row().cell(_t(cluster.title), colspan=columns, style=FontFace(emphasis="BOLD"))
            row = grid.row()
            for factor in cluster.factors:
                fill, ink = colours(factor.weight)
                lines = [f"[{mark(factor.weight)}] {factor.numbered_title}", factor.weight_label]
                if factor.participant_weights:
                    flag = " ⚠" if factor.disputed else ""
                    lines.append("spreiding " + factor.range_text + flag)
                style = FontFace(color=_rgb(ink), fill_color=_rgb(fill))
                row.cell(_t("\n".join(lines)), style=style)
            for _ in range(columns - len(cluster.factors)):
                row.cell("")
    pdf.ln(2)
    with pdf.table(
        text_align="CENTER", line_height=4, padding=1, first_row_as_headings=False
    ) as legend:
        row = legend.row()
        for weight, text in LEGEND:
            fill, ink = colours(weight)
            row.cell(
                f"[{mark(weight)}] {text[2:]}",
                style=FontFace(color=_rgb(ink), fill_color=_rgb(fill)),
            )
    pdf.ln(3)
    _body(pdf)


def _block(pdf: _Document, block: Block) -> None:
    match block:
        case Subheading(text=text, level=level):
            _heading(pdf, text, level)
        case Paragraph(text=text, link=link):
            _body(pdf)
            pdf.set_x(pdf.l_margin)
            if link is not None and link.text in text:
                before, after = text.split(link.text, 1)
                pdf.write(_LINE, _t(before))
                pdf.set_text_color(*_ACCENT)
                pdf.write(_LINE, _t(link.text), link=link.url)
                _body(pdf)
                pdf.write(_LINE, _t(after))
            else:
                pdf.write(_LINE, _t(text))
            pdf.ln(_LINE + 1.5)
        case Note(text=text, kind=kind):
            style = "B" if kind == "warning" else ""
            pdf.set_font(FONT, style, 10)
            pdf.set_text_color(*(_WARN if kind == "warning" else _MUTED))
            pdf.multi_cell(0, _LINE, _t(text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
            _body(pdf)
        case Facts(pairs=pairs):
            for label, value in pairs:
                _labelled(pdf, label, value)
            pdf.ln(1)
        case Bullets(items=items):
            for item in items:
                _labelled(pdf, "", item)
            pdf.ln(1)
        case Table():
            _table(pdf, block)
        case HeatMap():
            _heat_map(pdf, block)
        case _:
            raise TypeError(f"unknown block {block!r}")


def _section(pdf: _Document, section: Section) -> None:
    """A section; a wide table gets a landscape page, the notes after it portrait again."""
    wide = any(isinstance(b, Table) and b.wide for b in section.blocks)
    if wide:
        pdf.add_page(orientation="L")
    _heading(pdf, section.title, 2)
    for block in section.blocks:
        _block(pdf, block)
        if wide and isinstance(block, Table) and block.wide:
            pdf.add_page(orientation="P")
            wide = False


def _metadata(pdf: _Document, report: Report) -> None:
    pdf.set_title(_t(report.title))
    pdf.set_subject(report.subtitle)
    pdf.set_author(_t(report.author or "vbwizard"))
    pdf.set_creator(f"vbwizard {report.provenance.vbwizard_version}")
    pdf.set_keywords(
        "veiligheidsbeleving, Tafel van 12" + (f", {DRAFT_MARK}" if report.draft else "")
    )
    pdf.set_lang("nl-NL")
    pdf.set_creation_date(report.provenance.generated)
    pdf.set_display_mode("fullwidth")
    pdf.page_mode = "USE_OUTLINES"  # open with the bookmarks shown
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)


def render_pdf(report: Report) -> bytes:
    """Return the report as the bytes of an A4 PDF."""
    pdf = _Document(report)
    _metadata(pdf, report)
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.set_text_color(*_ACCENT)
    pdf.multi_cell(0, 9, _t(report.title), new_x="LMARGIN", new_y="NEXT")
    _body(pdf, 11)
    pdf.set_text_color(*_MUTED)
    pdf.multi_cell(0, 6, report.subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for note in report.notices:
        _block(pdf, note)
    for section in report.sections:
        _section(pdf, section)
    data: Any = pdf.output()
    return bytes(data)
