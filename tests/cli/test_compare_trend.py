"""Compare and trend over a chain of three sessions, in every output format."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from tests.chains import chain_of_three, followup_of
from tests.cli.conftest import Result
from vbwizard.bank import Bank
from vbwizard.demo import DEMO_ID
from vbwizard.session.storage import save_session

FORMATS = ("text", "md", "json", "html", "docx")


def _text(data: bytes, fmt: str) -> str:
    """What a reader sees: Markdown and HTML rendered, Word and PDF as their text."""
    if fmt == "md":  # user text is escaped for Markdown ("1\\."): read it rendered
        return html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(data.decode())))
    if fmt == "html":
        return data.decode("utf-8") + html.unescape(re.sub(r"<[^>]+>", "", data.decode()))
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if fmt != "docx":
        return data.decode("utf-8")
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _output(run: Callable[..., Result], tmp_path: Path, fmt: str, *argv: str) -> str:
    target = tmp_path / f"out.{fmt}"
    result = run(*argv, "--format", fmt, "-o", str(target))
    assert result.code == 0, result.err
    assert result.out.strip() == str(target)
    return _text(target.read_bytes(), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_answers_did_our_actions_work(
    run: Callable[..., Result], chain_folder: Path, tmp_path: Path, fmt: str
) -> None:
    folder = ["--sessions-dir", str(chain_folder)]
    out = _output(run, tmp_path, fmt, "compare", DEMO_ID, "vervolg-2026", *folder)
    if fmt == "json":
        data = json.loads(out)
        first = data["actions"][0]
        assert (first["title"], first["status"], first["measured"]) == (
            "Convenant De Horst",
            "done",
            "70% binnen 5 dagen",
        )
        assert first["indicator"].startswith("90% van de meldingen")
        assert first["decision"] == "voortzetten"
        assert data["followup"]["in_progress"] is False and data["base"]["title"]
        assert data["goal"]["target"] == "12% of lager"
        assert data["most_improved"] == ["1. Signaalcriminaliteit en -overlast (3 → 2)"]
        assert "5. Sociale kwaliteit (2 → 3)" in data["main_concerns"]
        assert data["conclusion"] == "bijsturen"
        return
    for expected in (
        "Veiligheidsbeleving De Horst (2025-11-20, afgerond)",  # header: titles, dates, status
        "Convenant De Horst",
        "90% van de meldingen binnen 5 werkdagen teruggekoppeld",  # the planned indicator
        "Partners houden zich aantoonbaar aan afgesproken reactietijden",  # expected effect
        "70% binnen 5 dagen",  # measured
        "voortzetten",  # decision
        "niet geëvalueerd",  # the other actions
        "12% of lager",  # SMART target
        "1. Signaalcriminaliteit en -overlast (3 → 2)",  # most improved
        "5. Sociale kwaliteit (2 → 3)",  # main concern
        "bijsturen",  # conclusion
    ):
        assert expected in out, (fmt, expected)
    assert "↓" in out and "↑" in out
    if fmt == "html":
        assert "<script" not in out and "Content-Security-Policy" in out


def test_compare_flags_a_followup_in_progress(
    run: Callable[..., Result], chain_folder: Path
) -> None:
    result = run("compare", "vervolg-2026", "vervolg-2027", "--sessions-dir", str(chain_folder))
    assert result.code == 0, result.err
    assert "(2027-03-01, bezig) — nog niet afgerond" in result.out
    assert "Wijkregisseur De Horst (9. Kwaliteit van de aanpak): deels uitgevoerd" in result.out


@pytest.mark.parametrize("fmt", FORMATS)
def test_trend_from_any_member_shows_weights_and_results_per_round(
    run: Callable[..., Result], chain_folder: Path, tmp_path: Path, fmt: str
) -> None:
    folder = ["--sessions-dir", str(chain_folder)]
    outputs = {
        member: _output(run, tmp_path, fmt, "trend", member, *folder)
        for member in (DEMO_ID, "vervolg-2026", "vervolg-2027")
    }
    if fmt != "docx":  # docx carries a creation time; the others are byte for byte the same
        assert len(set(outputs.values())) == 1
    out = outputs["vervolg-2026"]
    if fmt == "json":
        data = json.loads(out)
        assert [r["id"] for r in data["rounds"]] == [DEMO_ID, "vervolg-2026", "vervolg-2027"]
        signaal = data["factors"][0]
        assert (signaal["weights"], signaal["change"]) == ([3, 2, 1], "↓")
        results = {(r["round"], r["title"]): r for r in data["results"]}
        assert results[("2", "Convenant De Horst")]["measured"] == "70% binnen 5 dagen"
        assert results[("3", "Wijkregisseur De Horst")]["status"] == "deels uitgevoerd"
        assert not data["branched"]
        return
    for expected in (
        "Veiligheidsbeleving De Horst — vervolg",
        "70% binnen 5 dagen",
        "deels uitgevoerd",
        "Bewoners kennen de regisseur",
        "niet geëvalueerd",
        "1. Signaalcriminaliteit en -overlast",
    ):
        assert expected in out, (fmt, expected)
    assert "vertakt" not in out
    if fmt == "text":
        line = next(x for x in out.splitlines() if "1. Signaalcriminaliteit" in x)
        assert line.split()[0] == "↓" and line.split()[-3:] == ["3", "2", "1"]
    if fmt == "html":
        assert out.count("<svg viewBox") == 1 and 'class="trend"' in out
        assert "ronde 1: 3, ronde 2: 2, ronde 3: 1" in out  # the chart's own text alternative


def test_a_branching_chain_is_shown_not_hidden(
    run: Callable[..., Result], bank: Bank, chain_folder: Path
) -> None:
    base = chain_of_three(bank)[0]
    other = followup_of(bank, base, 2026, "vervolg-2026-oost")
    other.scope.title = "Tweede vervolg De Horst"
    other.scope.date = other.scope.date.replace(month=6) if other.scope.date else None
    save_session(other, chain_folder)
    result = run("trend", "vervolg-2027", "--sessions-dir", str(chain_folder))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert any(
        x.strip().startswith("Ronde 2a: Veiligheidsbeleving De Horst — vervolg") for x in lines
    )
    assert any(x.strip().startswith("Ronde 2b: Tweede vervolg De Horst") for x in lines)
    assert any(x.strip().startswith("Ronde 3:") and x.endswith("vervolg op 2a") for x in lines)
    assert "vertakt" in result.out
    assert "Ronde 2b (plan van 1):" in result.out
    data = json.loads(
        run("trend", DEMO_ID, "--format", "json", "--sessions-dir", str(chain_folder)).out
    )
    assert data["branched"] and [r["label"] for r in data["rounds"]] == ["1", "2a", "2b", "3"]


@pytest.mark.parametrize("command", ["compare", "trend"])
def test_compare_and_trend_as_pdf(
    run: Callable[..., Result], chain_folder: Path, tmp_path: Path, command: str
) -> None:
    """The same document in PDF: its sections are found by text extraction."""
    folder = ["--sessions-dir", str(chain_folder)]
    args = (DEMO_ID, "vervolg-2026") if command == "compare" else ("vervolg-2026",)
    text = _output(run, tmp_path, "pdf", command, *args, *folder)
    heading = "Acties uit de nulmeting" if command == "compare" else "Gewicht per factor per ronde"
    assert heading in text and "bijsturen" in text and "pagina 1 van" in text
    refused = run(command, *args, *folder, "--format", "pdf")
    assert refused.code == 2 and "PDF" in refused.err and refused.out == ""
