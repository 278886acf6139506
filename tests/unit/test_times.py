"""Times typed by hand without a UTC offset: read as local time, never a crash when sorting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vbwizard.bank import Bank
from vbwizard.session.create import new_session
from vbwizard.session.listing import list_sessions
from vbwizard.session.storage import load_session, save_session
from vbwizard.session.times import aware


def _without_offset(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    edited = [
        line.split("+")[0] if line.startswith(("updated = ", "created = ")) else line
        for line in lines
    ]
    assert edited != lines
    path.write_text("\n".join(edited) + "\n", encoding="utf-8")


def test_a_time_without_offset_is_local_time() -> None:
    naive = dt.datetime(2026, 3, 1, 12, 0)
    assert aware(naive) == naive.astimezone()
    assert aware(naive).utcoffset() is not None
    assert aware(dt.datetime(1, 1, 1)).tzinfo is not None, "no local time in year 1: UTC"
    utc = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    assert aware(utc) is utc


def test_hand_edited_times_load_and_list_among_others(mini_bank: Bank, sessions_dir: Path) -> None:
    # Before: "can't compare offset-naive and offset-aware datetimes" from `vbwizard list`.
    when = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    for n in range(3):
        session = new_session(mini_bank, title=f"S{n}", session_id=f"s-{n}", now=when)
        save_session(session, sessions_dir)
    edited = sessions_dir / "s-1.toml"
    _without_offset(edited)
    loaded = load_session(edited, keep_backup=False)
    assert loaded.updated.tzinfo is not None and loaded.created.tzinfo is not None
    entries = list_sessions(sessions_dir)
    assert sorted(e.id for e in entries) == ["s-0", "s-1", "s-2"]
    assert all(e.readable and e.updated is not None and e.updated.tzinfo for e in entries)
