"""A full, read-only or forbidden disk: the session stays in memory, nothing on disk breaks.

Tests run as root, where ``chmod`` does not stop a write, so the operating
system's refusals are injected at the calls a save makes: creating the
temporary file, writing it, fsync, and the rename.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.conftest import run_cli, snapshot
from vbwizard.session import atomic
from vbwizard.session.lock import lock_path
from vbwizard.session.storage import TEMP_SUFFIX, read_session
from vbwizard.session.store import SessionStore

REASONS_NL = {
    errno.ENOSPC: "de schijf is vol",
    errno.EACCES: "geen toestemming om daar te schrijven",
    errno.EROFS: "de schijf of map is alleen-lezen",
}


def _refuse(code: int, only_in: Path | None = None) -> Callable[..., object]:
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> object:
        folder = kwargs.get("dir")
        if only_in is None or Path(str(folder)) == only_in:
            raise OSError(code, os.strerror(code))
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]

    return mkstemp


def _fail(code: int) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


# Where the disk says no: creating the temporary file, fsync, or the rename.
STAGES = {
    "create": lambda mp, code: mp.setattr(atomic.tempfile, "mkstemp", _refuse(code)),
    "fsync": lambda mp, code: mp.setattr(atomic.os, "fsync", _fail(code)),
    "rename": lambda mp, code: mp.setattr(atomic.os, "replace", _fail(code)),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
@pytest.mark.parametrize("code", sorted(REASONS_NL))
def test_failed_save_keeps_session_in_memory_and_file_intact(saved, monkeypatch, stage, code):
    store = SessionStore.open(saved)
    before = saved.read_bytes()
    store.session.scope.title = "Na de storing"

    STAGES[stage](monkeypatch, code)
    assert store.commit() is False
    assert store.dirty
    assert store.last_error == REASONS_NL[code]  # shown in the (Dutch) wizard
    assert store.session.scope.title == "Na de storing"  # still in memory
    assert saved.read_bytes() == before  # nothing on disk damaged
    assert list(saved.parent.glob(f".*{TEMP_SUFFIX}")) == []
    assert store.retry() is False and store.dirty  # still refused

    monkeypatch.undo()  # the disk is writable again
    assert store.retry() is True
    assert not store.dirty and store.last_error is None
    assert read_session(saved)[0].scope.title == "Na de storing"
    store.close()


def test_save_to_another_folder_when_the_usual_one_refuses(saved, tmp_path, monkeypatch):
    store = SessionStore.open(saved)
    before = saved.read_bytes()
    store.session.scope.title = "Gered"
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _refuse(errno.ENOSPC, only_in=saved.parent))
    assert store.commit() is False

    usb = tmp_path / "usb" / "sessies"
    path = store.save_to(usb)
    assert path == usb / saved.name
    assert read_session(path)[0].scope.title == "Gered"
    assert not store.dirty and store.last_error is None
    assert store.path == path
    assert lock_path(path).exists() and not lock_path(saved).exists()  # the lock moved along
    assert saved.read_bytes() == before

    store.session.scope.title = "Verder op de stick"
    assert store.commit() is True  # later commits go to the new folder
    assert read_session(path)[0].scope.title == "Verder op de stick"
    assert saved.read_bytes() == before
    store.close()


def test_lone_surrogate_in_memory_does_not_block_saving(saved):
    store = SessionStore.open(saved)
    store.session.scope.title = "Plein \ud800 noord"  # e.g. from a broken paste
    assert store.commit() is True, store.last_error
    assert read_session(saved)[0].scope.title == "Plein \ufffd noord"
    store.close()


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_cli_sessions_dir_under_a_file_is_one_clear_line(tmp_path):
    (tmp_path / "gewoon-een-bestand").write_text("x")
    result = run_cli(["demo", "--sessions-dir", "gewoon-een-bestand/sessies"], cwd=tmp_path)
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert "gewoon-een-bestand/sessies" in line
    assert "een deel van het pad is een bestand, geen map" in line
    assert (tmp_path / "gewoon-een-bestand").read_text() == "x"


@pytest.mark.parametrize(
    ("code", "patch"),
    [
        (errno.ENOSPC, "atomic.os.fsync = fail"),
        (errno.EROFS, "atomic.tempfile.mkstemp = fail"),
        (errno.EACCES, "atomic.tempfile.mkstemp = fail"),
    ],
)
def test_cli_save_on_refusing_disk_exits_2_and_damages_nothing(tmp_path, code, patch):
    first = run_cli(["demo", "--sessions-dir", "sessies"], cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    folder = tmp_path / "sessies"
    before = snapshot(folder)

    inject = (
        "import errno, os\n"
        "from vbwizard.session import atomic\n"
        "def fail(*a, **k):\n"
        f"    raise OSError({code}, os.strerror({code}))\n"
        f"{patch}\n"
    )
    result = run_cli(["demo", "--sessions-dir", "sessies"], cwd=tmp_path, code=inject)
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert line.startswith("sessies/") and line.endswith(f"kon niet opslaan: {REASONS_NL[code]}")
    assert snapshot(folder) == before
