"""The PDF report: searchable text, embedded fonts, A4 pages, bookmarks and metadata."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from textual.widgets import Input

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.reports import render_report
from vbwizard.session.models import Progress, Session
from vbwizard.session.storage import save_session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.export_dialog import ExportDialog

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


def test_report_command_writes_pdf_but_not_to_the_terminal(
    demo: Session, sessions_dir: Path, tmp_path: Path, run: Callable
) -> None:
    saved = save_session(demo, sessions_dir)
    target = tmp_path / "rapport.pdf"
    result = run("report", str(saved), "-o", str(target))
    assert result.code == 0, result.err
    assert PdfReader(target).pages
    refused = run("report", str(saved), "--format", "pdf", "-o", "-")
    assert refused.code == 2 and "PDF" in refused.err and refused.out == ""


async def test_export_dialog_writes_a_pdf(
    bank: Bank, sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    session = demo_session(bank)
    session.status = "in_progress"  # a completed one would first ask whether to reopen it
    session.progress = Progress(step="summary")
    path = save_session(session, sessions_dir)
    app = VbWizardApp(bank=bank, sessions_dir=sessions_dir, session_path=path, handle_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("down", "down", "space")  # HTML, Word, PDF: the third format
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        assert field.value.endswith(".pdf")
        await pilot.press("tab", "end", "ctrl+u", *"r.pdf", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "Veiligheidsbeleving De Horst" in text
