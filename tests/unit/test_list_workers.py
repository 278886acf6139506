"""Worker processes summarise a large folder's files: the same entries as one by one, always.

Whatever goes wrong with a worker (it cannot start, it dies, it writes nonsense), every
file is still listed, with the same summary a serial read gives.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vbwizard.bank import Bank
from vbwizard.session import list_workers, listing
from vbwizard.session.create import new_session
from vbwizard.session.listing import list_sessions
from vbwizard.session.storage import save_session
from vbwizard.session.summary import read_entry


@pytest.fixture
def folder(mini_bank: Bank, sessions_dir: Path) -> Path:
    for i in range(12):
        session = new_session(mini_bank, title=f"Sessie {i}", area="Oost", session_id=f"s-{i:02}")
        save_session(session, sessions_dir)
    (sessions_dir / "kapot.toml").write_text('title = "half', encoding="utf-8")
    (sessions_dir / "map.toml").mkdir()  # not a file: unreadable, with the reason
    (sessions_dir / "naïef ☃.toml").write_text("", encoding="utf-8")  # a name beyond ASCII
    return sessions_dir


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_workers, "cores", lambda: 2)  # workers even on one core


def _serial(paths: list[Path]) -> dict[Path, tuple[listing.SessionEntry, object]]:
    return {path: read_entry(path) for path in paths}


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


def test_workers_give_what_a_serial_read_gives(folder: Path) -> None:
    paths = _paths(folder)
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(real(*args, **kwargs))
        return started[-1]

    with pytest.MonkeyPatch.context() as m:
        m.setattr(subprocess, "Popen", spy)
        results = list(list_workers.read_in_workers(paths))
    assert len(started) == 2, "the work was shared by two processes"
    assert all(worker.returncode == 0 for worker in started)
    by_path = {entry.path: (entry, identity) for entry, identity in results}
    assert len(results) == len(paths) == len(by_path)
    assert by_path == _serial(paths)
    unreadable = {entry.path.name for entry, _ in results if not entry.readable}
    assert unreadable == {"kapot.toml", "map.toml", "naïef ☃.toml"}


def test_no_workers_can_start_and_all_is_read_here(folder: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "executable", str(folder / "geen-python"))
    paths = _paths(folder)
    results = list(list_workers.read_in_workers(paths))
    assert {entry.path: (entry, identity) for entry, identity in results} == _serial(paths)


@pytest.mark.parametrize(
    "worker",
    [
        "import sys; sys.stdin.read(); sys.exit(3)",  # dies without a word
        "import sys; sys.stdin.read(); print('[null, {}]'); print('onzin')",  # nonsense
        "import sys; sys.stdin.read(); print('[null, {\"id\": 1}]' * 2)",  # half a line
    ],
)
def test_a_worker_that_fails_loses_nothing(folder: Path, monkeypatch, worker: str) -> None:  # type: ignore[no-untyped-def]
    real = subprocess.Popen
    monkeypatch.setattr(
        subprocess, "Popen", lambda _args, **kw: real([sys.executable, "-c", worker], **kw)
    )
    paths = _paths(folder)
    results = list(list_workers.read_in_workers(paths))
    assert {entry.path: (entry, identity) for entry, identity in results} == _serial(paths)


def test_stopping_early_stops_the_workers(folder: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", spy)
    results = list_workers.read_in_workers(_paths(folder))
    next(results)
    results.close()
    assert started and all(worker.returncode is not None for worker in started)


def test_a_large_folder_is_listed_by_workers_as_it_is_one_by_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", "")
    serial = list_sessions(folder)
    monkeypatch.setattr(listing, "PARALLEL_FROM", 2)
    used: list[int] = []
    real = list_workers.read_in_workers

    def spy(paths):  # type: ignore[no-untyped-def]
        used.append(len(paths))
        return real(paths)

    monkeypatch.setattr(list_workers, "read_in_workers", spy)
    assert list_sessions(folder) == serial
    assert used == [len(serial)]
