"""``vbwizard report`` and ``export-csv`` as a user runs them, including bad input."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.cli.conftest import Result
from vbwizard.session.models import Session
from vbwizard.session.storage import save_session


@pytest.fixture
def saved(demo: Session, sessions_dir: Path) -> Path:
    return save_session(demo, sessions_dir)


def test_report_defaults_to_id_and_extension_in_current_folder(
    saved: Path, sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable
) -> None:
    monkeypatch.chdir(tmp_path)
    for fmt in ("md", "html", "docx", "pdf"):
        result = run(
            "report", "demo-de-horst-2026", "--format", fmt, "--sessions-dir", str(sessions_dir)
        )
        assert result.code == 0, result.err
        assert result.out.strip() == f"demo-de-horst-2026.{fmt}"
    assert docx.Document(str(tmp_path / "demo-de-horst-2026.docx")).paragraphs[0].text
    assert (tmp_path / "demo-de-horst-2026.md").read_text("utf-8").startswith("# Veiligheid")
    assert (tmp_path / "demo-de-horst-2026.pdf").read_bytes().startswith(b"%PDF-")


def test_report_format_follows_the_output_name(saved: Path, tmp_path: Path, run: Callable) -> None:
    target = tmp_path / "rapport.html"
    assert run("report", str(saved), "-o", str(target)).code == 0
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    result = run("report", str(saved), "-o", str(tmp_path / "rapport.odt"))
    assert result.code == 2 and ".odt" in result.err


def test_report_to_stdout(saved: Path, run: Callable) -> None:
    result = run("report", str(saved), "--format", "md", "-o", "-")
    assert result.code == 0 and result.out.startswith("# Veiligheidsbeleving De Horst")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "bestaat-niet", "--format", "md"], "bestaat-niet"),
        (["report", "{saved}", "-o", "{tmp}/geen-map/r.html"], "bestaat niet"),
        (["report", "{bad}", "--format", "html"], "bad.toml"),
        (["compare", "{saved}", "bestaat-niet"], "bestaat-niet"),
        (["merge", "{saved}", "{bad}"], "bad.toml"),
        (["export-csv", "-o", "{tmp}/geen-map/x.csv"], "bestaat niet"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    saved: Path,
    sessions_dir: Path,
    tmp_path: Path,
    run: Callable[..., Result],
    args: list[str],
    expected: str,
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("titel = [", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    argv = [a.format(saved=saved, bad=bad, tmp=tmp_path) for a in args]
    result = run(*argv, "--sessions-dir", str(sessions_dir))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert expected in result.err and "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written


def test_a_failed_write_leaves_no_partial_file(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable
) -> None:
    target = tmp_path / "out" / "r.docx"
    target.parent.mkdir()
    target.write_bytes(b"oude versie")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("report", str(saved), "-o", str(target))
    assert result.code == 2 and "kon niet schrijven" in result.err
    assert [p.name for p in target.parent.iterdir()] == ["r.docx"]
    assert target.read_bytes() == b"oude versie"


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


def test_the_html_report_of_the_latest_session_draws_the_trajectory(
    run: Callable[..., Result], chain_folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.html"
    result = run("report", "vervolg-2027", "-o", str(target), "--sessions-dir", str(chain_folder))
    assert result.code == 0, result.err
    html = target.read_text(encoding="utf-8")
    assert "<h2>Verloop over de rondes</h2>" in html
    assert len(re.findall(r'<svg viewBox="[^"]*" width="100%" role="img" class="trend"', html)) == 1
    assert "ronde 1: 3, ronde 2: 2, ronde 3: 1" in html  # signaalcriminaliteit over the rounds
    assert "<script" not in html
    md = tmp_path / "rapport.md"
    assert (
        run("report", "vervolg-2027", "-o", str(md), "--sessions-dir", str(chain_folder)).code == 0
    )
    text = md.read_text(encoding="utf-8")  # the same trajectory, as tables, without the chart
    assert "Verloop over de rondes" in text and "Gewicht per factor per ronde" in text
    assert "<svg" not in text
