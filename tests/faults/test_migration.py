"""Files from an older vbwizard load, are upgraded, and their original is kept."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tomllib

from tests.conftest import DATA
from vbwizard.session import atomic, listing
from vbwizard.session.models import SCHEMA_VERSION
from vbwizard.session.storage import backup_path, load_session, read_session
from vbwizard.session.store import SessionStore

SCHEMA0 = DATA / "sessions" / "schema0.toml"


def _copy(sessions_dir):
    path = sessions_dir / SCHEMA0.name
    shutil.copyfile(SCHEMA0, path)
    return path


def test_schema0_is_migrated(sessions_dir):
    session, migrated_from = read_session(_copy(sessions_dir))
    assert migrated_from == 0
    assert session.schema_version == SCHEMA_VERSION
    assert session.scope.title == "Winkelcentrum Zuid"
    assert session.scope.area == "Lindendaal, winkelcentrum Zuid"
    assert session.scope.facilitator == "Sanne (gemeente)"  # the v0 scope table is kept
    assert session.factors["signaalcriminaliteit-en-overlast"].weight == 3
    assert session.factors["verloedering"].weight == "unknown"
    assert session.progress.factor == "onbekende-anderen"


def test_original_is_kept_byte_for_byte_before_the_first_rewrite(sessions_dir):
    path = _copy(sessions_dir)
    original = path.read_bytes()
    store = SessionStore.open(path)
    backup = backup_path(path, 0)
    assert backup.name == "schema0.toml.schema0.bak"
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    store.session.scope.title = "Winkelcentrum Zuid (bijgewerkt)"
    assert store.commit()
    store.close()
    rewritten = tomllib.loads(path.read_text(encoding="utf-8"))
    assert rewritten["schema_version"] == SCHEMA_VERSION
    assert rewritten["factors"]["signaalcriminaliteit-en-overlast"]["weight"] == 3
    assert "gewicht" not in path.read_text(encoding="utf-8")
    assert backup.read_bytes() == original

    # Opening the upgraded file again makes no new backup and keeps the old one.
    SessionStore.open(path).close()
    assert sorted(p.name for p in sessions_dir.iterdir()) == [path.name, backup.name]
    assert backup.read_bytes() == original


def test_no_rewrite_without_a_backup(sessions_dir, monkeypatch):
    """When the backup cannot be written, the old file is not overwritten either."""
    path = _copy(sessions_dir)
    original = path.read_bytes()

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", full)
    store = SessionStore.open(path)  # opening still works: the session is readable
    store.session.scope.title = "Gewijzigd"
    assert store.commit() is False
    assert "reservekopie" in (store.last_error or "")
    assert path.read_bytes() == original
    assert not backup_path(path, 0).exists()

    monkeypatch.undo()
    assert store.retry()
    store.close()
    assert backup_path(path, 0).read_bytes() == original
    assert load_session(path).scope.title == "Gewijzigd"


def test_reading_and_listing_write_nothing(sessions_dir):
    path = _copy(sessions_dir)
    read_session(path)
    listing.list_sessions(sessions_dir)
    SessionStore.open(path, read_only=True)
    assert [p.name for p in sessions_dir.iterdir()] == [path.name]
