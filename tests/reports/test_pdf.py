"""The PDF report: searchable text, embedded fonts, A4 pages, bookmarks and metadata."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from vbwizard.bank import Bank
from vbwizard.reports import render_report
from vbwizard.session.models import Session

from .test_report_formats import EXPECTED, SECTIONS

NOW = dt.datetime(2026, 11, 30, 17, 5, tzinfo=dt.UTC)


@pytest.fixture
def pdf(bank: Bank, demo: Session) -> PdfReader:
    demo.factors["verloedering"].notes = "Meer ≠ beter ⚠ → eerst ✓ afspraken"
    return PdfReader(io.BytesIO(render_report(bank, demo, "pdf", now=NOW)))


def _text(pdf: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def test_every_factor_and_part_is_found_as_text(bank: Bank, pdf: PdfReader) -> None:
    text = _text(pdf)
    for factor in bank.factors:
        assert factor.title in text, factor.title
    for part in EXPECTED:
        assert " ".join(part.split()) in text, part
    assert "Meer ≠ beter ⚠ → eerst ✓ afspraken" in text  # the symbols survive


def test_all_fonts_are_embedded(pdf: PdfReader) -> None:
    fonts = {}
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            fonts[font["/BaseFont"]] = descendant["/FontDescriptor"].get_object()
    assert fonts and all("DejaVu" in name for name in fonts)
    assert all("/FontFile2" in descriptor for descriptor in fonts.values())


def test_a4_pages_numbered_with_a_sensible_count(pdf: PdfReader) -> None:
    assert 4 <= len(pdf.pages) <= 14
    for number, page in enumerate(pdf.pages, start=1):
        size = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert size == [595, 842]  # A4 in points, portrait or landscape
        assert f"pagina {number} van {len(pdf.pages)}" in page.extract_text()


def test_bookmarks_title_author_and_language(pdf: PdfReader) -> None:
    top = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert top == SECTIONS
    assert pdf.metadata.title == "Veiligheidsbeleving De Horst"
    assert pdf.metadata.author == "Sanne de Vries, beleidsadviseur veiligheid"
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "nl-NL" and root["/ViewerPreferences"]["/DisplayDocTitle"]
