"""``vbwizard export`` (xlsx and CSV) and ``export-csv``, read back as a user's program would."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.cli.conftest import Result
from tests.samples import BASELINE, FOLLOWUP, self_assessment
from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.models import FactorAnswer, Session
from vbwizard.session.storage import save_session

ENGLISH = {"group", "self", "high", "medium", "low", "unknown", "in_progress", "completed"}
"""Stored values that must not reach a spreadsheet or a tool: the export speaks Dutch."""
FORMULA = '=HYPERLINK("http://x.invalid","klik")'


@pytest.fixture
def folder(bank: Bank, demo: Session, sessions_dir: Path) -> Path:
    """The demo, a baseline and its follow-up, a self-assessment with traps, a broken file."""
    save_session(demo, sessions_dir)
    for source in (BASELINE, FOLLOWUP):
        shutil.copy(source, sessions_dir / source.name)
    anna = self_assessment(bank, "Anna", {"verloedering": 3, "communicatie": "unknown"})
    anna.scope.title = FORMULA
    anna.scope.area = '-Noord; "oud", \r\nregel twee\x07'
    anna.factors["het-gesprek"] = FactorAnswer(visited=True)  # opened, no weight given
    save_session(anna, sessions_dir)
    (sessions_dir / "kapot.toml").write_text("x = [", encoding="utf-8")
    return sessions_dir


def _rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_export_csv_keeps_its_columns_with_dutch_values_and_a_status(
    folder: Path, tmp_path: Path, run: Callable[..., Result]
) -> None:
    target = tmp_path / "alles.csv"
    result = run("export-csv", "-o", str(target), "--sessions-dir", str(folder))
    assert result.code == 0, result.err
    assert "kapot.toml" in result.err  # skipped, and said so
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8 for tools
    rows = _rows(raw.decode("utf-8"))
    assert len(rows) == 4 * 12
    old = ["sessie_id", "titel", "gebied", "datum", "modus", "factor_id", "factor_nummer"]
    assert list(rows[0])[:10] == [*old, "gewicht", "zekerheid", "prioriteit"]
    demo = {r["factor_id"]: r for r in rows if r["sessie_id"] == "demo-de-horst-2026"}
    assert demo["kwaliteit-van-de-aanpak"] | {"titel": "", "gebied": ""} == {
        "sessie_id": "demo-de-horst-2026",
        "titel": "",
        "gebied": "",
        "datum": "2025-11-20",
        "modus": "groepssessie",
        "factor_id": "kwaliteit-van-de-aanpak",
        "factor_nummer": "9",
        "gewicht": "3",
        "zekerheid": "middel",
        "prioriteit": "1",
        "status": "afgerond",
        "factor": "Kwaliteit van de aanpak",
        "stand": "gewogen",
        "deelnemers_laagste": demo["kwaliteit-van-de-aanpak"]["deelnemers_laagste"],
        "deelnemers_hoogste": demo["kwaliteit-van-de-aanpak"]["deelnemers_hoogste"],
        "beantwoord": "",
    }
    anna = {r["factor_id"]: r for r in rows if r["sessie_id"] == "zelf-anna"}
    assert anna["communicatie"]["gewicht"] == "onbekend"
    assert (anna["communicatie"]["stand"], anna["communicatie"]["status"]) == ("onbekend", "bezig")
    # Opened without a weight is not the same as never opened.
    assert (anna["het-gesprek"]["gewicht"], anna["het-gesprek"]["stand"]) == (
        "",
        "bekeken, geen gewicht",
    )
    assert anna["sociale-kwaliteit"]["stand"] == "niet bekeken"
    assert anna["verloedering"]["titel"] == "'" + FORMULA  # no formula in a spreadsheet
    assert anna["verloedering"]["gebied"].startswith('\'-Noord; "oud", \r\nregel twee')
    assert not {value for row in rows for value in row.values()} & ENGLISH


def test_export_csv_is_rfc_4180_and_the_same_under_both_names(
    folder: Path, run: Callable[..., Result]
) -> None:
    new = run("export", "--format", "csv", "-o", "-", "--sessions-dir", str(folder))
    old = run("export-csv", "--sessions-dir", str(folder))
    assert new.code == old.code == 0
    assert new.out == old.out
    lines = new.out.split("\r\n")  # CRLF between records, a quoted field keeps its own line end
    assert lines[-1] == "" and all(not line.endswith("\r") for line in lines)
    area = next(r["gebied"] for r in _rows(new.out) if r["sessie_id"] == "zelf-anna")
    # The bell was written out when it entered the session (session/base.py: inert).
    assert area == '\'-Noord; "oud", \r\nregel twee\\x07'
    semi = run("export-csv", "--delimiter", ";", "--sessions-dir", str(folder))
    assert semi.out.splitlines()[0].split(";")[:3] == ["sessie_id", "titel", "gebied"]
    assert _rows(semi.out, ";") == _rows(new.out)


def test_export_csv_sessions_and_participants_tables(
    folder: Path, run: Callable[..., Result], bank: Bank
) -> None:
    args = ("export", "--format", "csv", "--sessions-dir", str(folder), "--table")
    sessions = {r["sessie_id"]: r for r in _rows(run(*args, "sessions").out)}
    assert len(sessions) == 4
    followup = sessions["vervolg-de-horst-2026"]
    assert followup["vervolg_op"] == "nulmeting-de-horst-2025"
    assert followup["vragenbank"] == "tafel-van-12" and followup["vragenbank_versie"]
    assert (sessions["zelf-anna"]["status"], sessions["zelf-anna"]["modus"]) == (
        "bezig",
        "zelfanalyse",
    )
    assert dt.datetime.fromisoformat(sessions["zelf-anna"]["aangemaakt"]).utcoffset() is not None
    people = [r for r in _rows(run(*args, "participants").out) if r["sessie_id"].startswith("demo")]
    names = [p.name for p in demo_session(bank).scope.participants]
    assert len(people) == 12 * len(names)
    assert {r["deelnemer"] for r in people} == set(names)
    assert all(r["gewicht"] in {"0", "1", "2", "3"} for r in people)


def test_export_xlsx_is_a_workbook_people_can_use(
    folder: Path, tmp_path: Path, run: Callable[..., Result], bank: Bank
) -> None:
    target = tmp_path / "sessies.xlsx"
    result = run("export", "-o", str(target), "--sessions-dir", str(folder))
    assert result.code == 0, result.err
    assert result.out.strip() == f"{target}: 4 sessies"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Sessies", "Gewichten", "Deelnemers"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert all(cell.font.bold for cell in sheet[1])
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(w >= len(str(c.value)) for w, c in zip(widths, sheet[1], strict=True))
        # No cell is a formula, whatever the users typed.
        assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        values = {c.value for row in sheet.iter_rows(min_row=2) for c in row}
        assert not values & ENGLISH, sheet.title

    sessions = book["Sessies"]
    header = [c.value for c in sessions[1]]
    assert header[:4] == ["Sessie-id", "Titel", "Status", "Vorm"]
    values = sessions.iter_rows(2, values_only=True)
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in values}
    followup = rows["vervolg-de-horst-2026"]
    assert followup["Vervolg op"] == "nulmeting-de-horst-2025"
    assert followup["Versie vragenbank"] and followup["Status"] == "afgerond"
    demo = rows["demo-de-horst-2026"]
    assert demo["Datum"] == dt.datetime(2025, 11, 20)  # a real date, not text
    assert isinstance(demo["Bijgewerkt"], dt.datetime)
    date_cell = sessions.cell(row=2, column=header.index("Datum") + 1)
    assert date_cell.is_date and date_cell.number_format == "dd-mm-yyyy"
    anna_cell = next(c for c in sessions["B"] if c.value == FORMULA)
    assert anna_cell.data_type == "s" and anna_cell.quotePrefix
    assert rows["zelf-anna"]["Gebied"] == '-Noord; "oud", \r\nregel twee\\x07'  # written out

    weights = book["Gewichten"]
    header = [c.value for c in weights[1]]
    table = [dict(zip(header, r, strict=True)) for r in weights.iter_rows(2, values_only=True)]
    demo_rows = {r["Factor-id"]: r for r in table if r["Sessie-id"] == "demo-de-horst-2026"}
    quality = demo_rows["kwaliteit-van-de-aanpak"]
    assert (quality["Gewicht"], quality["Nr"], quality["Prioriteit"]) == (3, 9, 1)
    assert quality["Factor"] == "Kwaliteit van de aanpak" and quality["Zekerheid"] == "middel"
    anna = {r["Factor-id"]: r for r in table if r["Sessie-id"] == "zelf-anna"}
    assert (anna["het-gesprek"]["Gewicht"], anna["het-gesprek"]["Stand"]) == (
        None,
        "bekeken, geen gewicht",
    )
    assert anna["sociale-kwaliteit"]["Stand"] == "niet bekeken"
    assert anna["communicatie"]["Gewicht"] == "onbekend"

    people = book["Deelnemers"]
    header = [c.value for c in people[1]]
    assert "Deelnemer" in header and "Gewicht" in header
    demo_people = [r for r in people.iter_rows(2, values_only=True) if r[0] == "demo-de-horst-2026"]
    assert len(demo_people) == 12 * len(demo_session(bank).scope.participants)
    assert all(isinstance(r[header.index("Gewicht")], int) for r in demo_people)

    props = book.properties
    assert props.creator and props.creator.startswith("vbwizard")
    assert props.language == "nl-NL" and props.title


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export"], "kies een formaat"),
        (["export", "-o", "{tmp}/x.pdf"], ".pdf"),
        (["export", "--format", "xlsx", "-o", "-"], "niet naar de terminal"),
        (["export", "-o", "{tmp}/geen-map/x.xlsx"], "bestaat niet"),
        (["export", "--format", "csv", "--sessions-dir", "{tmp}/nergens"], "bestaat niet"),
    ],
)
def test_bad_export_input_gives_one_line_and_exit_2(
    args: list[str], expected: str, folder: Path, tmp_path: Path, run: Callable[..., Result]
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--sessions-dir" not in argv:
        argv += ["--sessions-dir", str(folder)]
    result = run(*argv)
    assert result.code == 2
    [line] = result.err.strip().splitlines()
    assert expected in line and "Traceback" not in result.err
    assert not list(tmp_path.glob("*.xlsx"))
