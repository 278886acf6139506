"""Session files: exact round trips, atomic saves, private files, honest listings."""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import sessions
from vbwizard.paths import resolve_sessions_dir
from vbwizard.problems import ProblemsError
from vbwizard.session import atomic
from vbwizard.session.create import new_session
from vbwizard.session.listing import list_sessions
from vbwizard.session.models import SCHEMA_VERSION, Session
from vbwizard.session.naming import new_session_id, session_file, slugify
from vbwizard.session.storage import (
    SaveError,
    clean_stale_temp_files,
    ensure_sessions_dir,
    find_session,
    load_session,
    save_session,
    session_to_toml,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(session=sessions)
def test_round_trip_is_exact(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "rt"
    folder.mkdir(exist_ok=True)
    path = save_session(session, folder)
    assert load_session(path) == session


def test_absent_values_are_omitted(mini_bank, sessions_dir):
    session = new_session(mini_bank, title="Wijk", area="Oost")
    text = session_to_toml(session)
    doc = tomllib.loads(text)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["bank"]["hash"] == mini_bank.content_hash
    assert "goal" not in doc and "priorities" not in doc and "factors" not in doc
    assert "null" not in text and '""' not in text


def test_saved_file_is_private_and_named_safely(mini_bank, sessions_dir):
    session = new_session(mini_bank, title="Wijk Óóst / ../../etc", area="X")
    path = save_session(session, sessions_dir)
    assert path.parent == sessions_dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert set(path.stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert "wijk-oost-etc" in path.stem


def test_ids_never_escape_the_folder(sessions_dir):
    for bad in ["../x", "a/b", "A", "", "x.toml", "-x", "x--y"]:
        with pytest.raises(ProblemsError):
            session_file(sessions_dir, bad)
    assert slugify("Ærø — Hang & handel!") == "r-hang-handel"
    assert new_session_id("!!!").split("-")[3] == "sessie"


def test_sessions_dir_resolution_and_creation(tmp_path, monkeypatch):
    monkeypatch.delenv("VBWIZARD_SESSIONS_DIR")
    assert resolve_sessions_dir() == Path("sessions")
    monkeypatch.setenv("VBWIZARD_SESSIONS_DIR", str(tmp_path / "env"))
    assert resolve_sessions_dir() == tmp_path / "env"
    assert resolve_sessions_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    made = ensure_sessions_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    (tmp_path / "file").write_text("x")
    with pytest.raises(ProblemsError, match="geen map"):
        ensure_sessions_dir(tmp_path / "file")


def test_crash_between_write_and_rename_keeps_previous_file(mini_bank, sessions_dir, monkeypatch):
    session = new_session(mini_bank, title="Eerste", area="Oost")
    path = save_session(session, sessions_dir)
    session.scope.title = "Tweede"

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # the process dies between fsync and rename

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        save_session(session, sessions_dir)
    monkeypatch.undo()
    assert load_session(path).scope.title == "Eerste"
    assert list(sessions_dir.glob(".*.tmp")) == []  # cleaned up on the way out


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "geen toestemming"),
        (errno.ENOSPC, "schijf is vol"),
        (errno.EROFS, "alleen-lezen"),
    ],
)
def test_failed_save_raises_plain_reason_and_keeps_file(
    mini_bank, sessions_dir, monkeypatch, code, reason
):
    session = new_session(mini_bank, title="Eerste", area="Oost")
    path = save_session(session, sessions_dir)
    session.scope.title = "Tweede"
    real_fdopen = os.fdopen

    def failing_fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)

        class Failing:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                handle.close()

            def write(self, _data):
                raise OSError(code, os.strerror(code))

        return Failing()

    monkeypatch.setattr(atomic.os, "fdopen", failing_fdopen)
    with pytest.raises(SaveError, match=reason):
        save_session(session, sessions_dir)
    monkeypatch.undo()
    assert load_session(path).scope.title == "Eerste"
    assert list(sessions_dir.glob(".*.tmp")) == []


def test_listing_shows_corrupt_file_beside_good_ones(mini_bank, sessions_dir):
    good = [new_session(mini_bank, title=f"Sessie {i}", area="Oost") for i in range(2)]
    for s in good:
        save_session(s, sessions_dir)
    (sessions_dir / "kapot.toml").write_text('title = "half', encoding="utf-8")
    (sessions_dir / "vreemd.toml").write_text("schema_version = 1\nid = 3\n", encoding="utf-8")
    entries = list_sessions(sessions_dir)
    readable = [e for e in entries if e.readable]
    broken = {e.id: e.error for e in entries if not e.readable}
    assert {e.title for e in readable} == {"Sessie 0", "Sessie 1"}
    assert "geen geldige TOML" in broken["kapot"]
    assert "id" in broken["vreemd"]


def test_newer_schema_is_refused_clearly(mini_bank, sessions_dir):
    path = save_session(new_session(mini_bank, title="x", area="y"), sessions_dir)
    path.write_text(
        path.read_text().replace(f"schema_version = {SCHEMA_VERSION}", "schema_version = 99")
    )
    with pytest.raises(ProblemsError, match="nieuwere vbwizard"):
        load_session(path)


def test_find_session_by_id_or_path(mini_bank, sessions_dir, tmp_path):
    session = new_session(mini_bank, title="x", area="y")
    path = save_session(session, sessions_dir)
    assert find_session(session.id, sessions_dir) == path
    assert find_session(str(path), tmp_path) == path
    with pytest.raises(ProblemsError, match="geen sessie met id"):
        find_session("bestaat-niet", sessions_dir)
    with pytest.raises(ProblemsError):
        find_session("..", sessions_dir)


def test_stale_temp_files_are_cleaned(sessions_dir):
    old = sessions_dir / ".abc.x1.tmp"
    fresh = sessions_dir / ".abc.x2.tmp"
    old.write_text("x")
    fresh.write_text("y")
    os.utime(old, (1, 1))
    assert clean_stale_temp_files(sessions_dir) == 1
    assert not old.exists() and fresh.exists()


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_new_session_never_replaces_an_existing_file(
    mini_bank, sessions_dir, monkeypatch, hard_links
):
    from vbwizard.session.storage import SessionExistsError, save_new_session

    if not hard_links:  # e.g. FAT on a USB stick: check-then-rename instead

        def no_links(*_args: object) -> None:
            raise OSError(errno.EPERM, "links not supported")

        monkeypatch.setattr(atomic.os, "link", no_links)
    first = new_session(mini_bank, title="Eerste", area="Oost")
    path = save_new_session(first, sessions_dir)
    before = path.read_bytes()
    clash = new_session(mini_bank, title="Ander", area="West", session_id=first.id)
    with pytest.raises(SessionExistsError):
        save_new_session(clash, sessions_dir)
    assert path.read_bytes() == before
    assert sorted(p.name for p in sessions_dir.iterdir()) == [path.name]  # no temp left


def test_store_create_refuses_or_takes_a_fresh_id_on_a_clash(mini_bank, sessions_dir):
    from vbwizard.session.storage import SessionExistsError
    from vbwizard.session.store import SessionStore

    first = new_session(mini_bank, title="Zelfanalyse", area="Oost")
    path = save_session(first, sessions_dir)
    before = path.read_bytes()
    clash = new_session(mini_bank, title="Zelfanalyse", area="West", session_id=first.id)
    with pytest.raises(SessionExistsError):
        SessionStore.create(clash, sessions_dir)
    store = SessionStore.create(clash, sessions_dir, fresh_id_on_clash=True)
    try:
        assert clash.id != first.id and "zelfanalyse" in clash.id  # still named after the title
        assert load_session(store.path).scope.area == "West"
        assert path.read_bytes() == before
    finally:
        store.close()
