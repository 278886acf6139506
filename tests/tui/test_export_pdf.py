"""Exporting the report as PDF from the summary, with keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from textual.widgets import Input

from tests.tui.factory import wizard
from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.tui.screens.export_dialog import ExportDialog


async def test_export_dialog_writes_a_pdf(
    bank: Bank, sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    session = demo_session(bank)
    session.status = "in_progress"  # a completed one would first ask whether to reopen it
    app = wizard(bank, sessions_dir, session=session, step="summary")
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
