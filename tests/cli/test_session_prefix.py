"""A session may be named by the start of its id, as long as only one session fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI_BANK
from vbwizard.bank.models import Bank
from vbwizard.cli import main
from vbwizard.session.create import new_session
from vbwizard.session.storage import save_session


def _save(bank: Bank, folder: Path, session_id: str, title: str) -> Path:
    session = new_session(bank, title=title, area="Oost")
    session.id = session_id
    return save_session(session, folder)


@pytest.fixture
def folder(mini_bank: Bank, sessions_dir: Path) -> Path:
    _save(mini_bank, sessions_dir, "2026-01-15-stationsplein-b937", "Stationsplein")
    _save(mini_bank, sessions_dir, "2026-01-15-stationsplein-f2a8", "Stationsplein later")
    _save(mini_bank, sessions_dir, "2026-02-01-markt-0c1d", "Markt")
    return sessions_dir


def _show(ref: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["show", ref, "--sessions-dir", str(folder), "--bank", str(MINI_BANK)])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unambiguous_start_finds_the_session(folder, capsys):
    code, out, err = _show("2026-02", folder, capsys)
    assert code == 0, err
    assert "Markt" in out


def test_a_full_id_wins_over_longer_ids_that_start_with_it(mini_bank, folder, capsys):
    _save(mini_bank, folder, "2026-02-01-markt-0c1d-2", "Markt twee")
    code, out, _ = _show("2026-02-01-markt-0c1d", folder, capsys)
    assert code == 0
    assert "Markt twee" not in out


def test_an_ambiguous_start_lists_the_candidates(folder, capsys):
    code, out, err = _show("2026-01-15-station", folder, capsys)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert "'2026-01-15-station' past bij 2 sessies" in line
    assert "2026-01-15-stationsplein-b937, 2026-01-15-stationsplein-f2a8" in line
    assert "Markt" not in line


def test_a_start_that_fits_nothing_says_so(folder, capsys):
    code, out, err = _show("2027", folder, capsys)
    assert code == 2 and out == ""
    assert err.strip().endswith(f"geen sessie met id '2027' in {folder}")


def test_every_command_with_a_session_takes_a_start(folder, tmp_path, capsys):
    target = tmp_path / "rapport.md"
    argv = ["report", "2026-02", "-o", str(target), "--sessions-dir", str(folder)]
    assert main([*argv, "--bank", str(MINI_BANK)]) == 0
    assert "Markt" in target.read_text(encoding="utf-8")
    argv = ["compare", "2026-01-15-stationsplein-b", "2026-01-15-stationsplein-f"]
    assert main([*argv, "--sessions-dir", str(folder), "--bank", str(MINI_BANK)]) == 0
    capsys.readouterr()
