"""One loader for the inputs of a merge (TUI and CLI): it reads, checks, and never writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbwizard.bank import Bank
from vbwizard.merge import load_merge_inputs
from vbwizard.problems import Problem, ProblemsError
from vbwizard.session.create import new_session
from vbwizard.session.storage import save_session

DATA = Path(__file__).parents[1] / "data" / "sessions"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_old_schemas_are_read_in_memory_without_a_backup(bank: Bank, tmp_path: Path) -> None:
    paths = []
    for name in ("schema0.toml", "schema1-renamed.toml"):
        paths.append(tmp_path / name)
        shutil.copyfile(DATA / name, paths[-1])
    before = _snapshot(tmp_path)
    sessions = load_merge_inputs(bank, paths)
    assert [s.id for s in sessions] == [
        "2025-03-11-winkelcentrum-zuid-3f2a",
        "2026-03-01-groep-oost-ab12",
    ]
    assert _snapshot(tmp_path) == before  # no .bak, no rewrite


def test_every_unreadable_input_is_named_at_once(bank: Bank, sessions_dir: Path) -> None:
    good = save_session(new_session(bank, title="Goed", mode="self"), sessions_dir)
    broken = sessions_dir / "kapot.toml"
    broken.write_text('schema_version = 2\nid = "kapot"\ntitle = [\n', encoding="utf-8")
    missing = sessions_dir / "weg.toml"
    earlier = Problem(sessions_dir / "onbekend", "geen sessie gevonden")
    with pytest.raises(ProblemsError) as caught:
        load_merge_inputs(bank, [good, broken, missing], [earlier])
    files = [p.file.name for p in caught.value.problems]
    assert files[0] == "onbekend"
    assert {"kapot.toml", "weg.toml"} <= set(files)
    assert "Goed" not in " ".join(p.message for p in caught.value.problems)


def test_inputs_of_another_bank_are_refused(
    bank: Bank, mini_bank: Bank, sessions_dir: Path
) -> None:
    ours = save_session(new_session(bank, title="Ons", mode="self"), sessions_dir)
    other = save_session(new_session(mini_bank, title="Ander", mode="self"), sessions_dir)
    with pytest.raises(ProblemsError) as caught:
        load_merge_inputs(bank, [ours, other])
    (problem,) = caught.value.problems
    assert problem.file == other
    assert "gemaakt met vragenbank 'mini'" in problem.message


def test_the_same_session_twice_is_refused(bank: Bank, sessions_dir: Path) -> None:
    path = save_session(new_session(bank, title="Eén", mode="self"), sessions_dir)
    copy = sessions_dir / "kopie.toml"
    shutil.copyfile(path, copy)
    with pytest.raises(ProblemsError, match="dezelfde sessie als"):
        load_merge_inputs(bank, [path, copy])
