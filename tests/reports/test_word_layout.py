"""The Word report lays out in an office suite: widths, rows, headers, fields, properties."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from vbwizard.bank import Bank
from vbwizard.reports import render_report
from vbwizard.session.models import Session

NOW = dt.datetime(2026, 11, 30, 17, 5, tzinfo=dt.UTC)


@pytest.fixture
def document(bank: Bank, demo: Session) -> docx.document.Document:
    demo.status = "in_progress"
    return docx.Document(io.BytesIO(render_report(bank, demo, "docx", now=NOW)))


def _table_section(document: docx.document.Document, table: docx.table.Table) -> object:
    """The section a table lies in: count the section breaks before it."""
    body = list(document.element.body.iterchildren())
    before = body[: body.index(table._tbl)]
    return document.sections[sum(el.find(".//" + qn("w:sectPr")) is not None for el in before)]


def test_columns_are_proportional_and_fit_the_page(document: docx.document.Document) -> None:
    for table in document.tables:
        widths = [c.width for c in table.columns]
        section = _table_section(document, table)
        text_width = section.page_width - section.left_margin - section.right_margin
        assert sum(widths) <= text_width + Mm(1)
        assert all(cell.width is not None for cell in table.rows[-1].cells)
    factors = next(t for t in document.tables if t.rows[0].cells[0].text == "Nr")
    nr, factor = factors.columns[0].width, factors.columns[1].width
    assert Mm(8) <= nr < factor / 2  # "Nr" gets room for "12", not as much as a title
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Factor")
    assert len({c.width for c in plan.columns}) > 2  # not equal widths


def test_the_wide_action_plan_gets_a_landscape_page(document: docx.document.Document) -> None:
    orientations = [s.orientation for s in document.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations
    assert orientations[-1] == WD_ORIENT.PORTRAIT
    for section in document.sections:  # A4 either way round
        assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}


def test_rows_never_split_and_headers_repeat(document: docx.document.Document) -> None:
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert all(
            tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows
        )
    for table in document.tables:
        if len(table.rows) > 1:  # the legend is a single row
            assert table._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None


def test_headings_keep_with_the_next_paragraph(document: docx.document.Document) -> None:
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        assert document.styles[name].paragraph_format.keep_with_next is True


def test_header_and_footer_show_title_date_and_page_x_of_y(
    document: docx.document.Document,
) -> None:
    section = document.sections[0]
    header = "".join(p.text for p in section.header.paragraphs)
    assert "Veiligheidsbeleving De Horst" in header and "CONCEPT" in header
    footer = section.footer.paragraphs[0]
    codes = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("30-11-2026 · pagina ") and " van " in footer.text


def test_document_properties_are_true(document: docx.document.Document) -> None:
    props = document.core_properties
    assert props.created == props.modified == NOW  # not the template's 2013
    assert props.author == "Sanne de Vries, beleidsadviseur veiligheid"
    assert props.title == "Veiligheidsbeleving De Horst"
    assert props.subject == "Analyse van veiligheidsbeleving met de Tafel van 12"
    assert "python-docx" not in (props.comments or "") and props.language == "nl-NL"
    assert props.last_printed is None


def test_every_style_is_dutch(document: docx.document.Document) -> None:
    styles = document.styles.element
    langs = styles.findall(".//" + qn("w:lang"))
    assert langs and {el.get(qn("w:val")) for el in langs} == {"nl-NL"}
    default = styles.find(qn("w:docDefaults") + "//" + qn("w:lang"))
    assert default is not None and default.get(qn("w:val")) == "nl-NL"


def test_heat_map_has_a_header_row_and_a_legend(document: docx.document.Document) -> None:
    heat, legend = document.tables[1], document.tables[2]
    assert heat.rows[0].cells[0].text == "Hoofdgroep, met per factor [gewicht]"
    assert heat.rows[1].cells[0].text == "Aanpakken onveiligheid"
    assert heat.rows[2].cells[0].text.startswith("[3] 1. Signaalcriminaliteit")
    labels = [c.text for c in legend.rows[0].cells]
    assert labels[0].startswith("[0]") and any(t.startswith("[?]") for t in labels)
