"""Two processes on one session are kept apart; on different sessions they never collide."""

from __future__ import annotations

import json
import os

import pytest

from tests.faults.children import apply_state, state_number
from tests.faults.conftest import start_child
from vbwizard.session.create import new_session
from vbwizard.session.lock import SessionLockedError, lock_path
from vbwizard.session.storage import TEMP_SUFFIX, read_session, save_session
from vbwizard.session.store import SessionStore


def _wait_open(child):
    assert child.stdout.readline() == b"open\n"


def test_second_process_is_refused_while_the_first_has_it_open(saved):
    child = start_child("holder", str(saved), "wait")
    try:
        _wait_open(child)
        with pytest.raises(SessionLockedError) as caught:
            SessionStore.open(saved)
        assert caught.value.stale is False
        assert caught.value.info is not None and caught.value.info.pid == child.pid
        assert "is al geopend door proces" in str(caught.value)
        # Even "take over" does not break a live process's lock.
        with pytest.raises(SessionLockedError):
            SessionStore.open(saved, take_over_stale=True)
        # Reading along is allowed and writes nothing.
        reader = SessionStore.open(saved, read_only=True)
        assert reader.commit() is False
    finally:
        child.stdin.close()
        assert child.wait(timeout=10) == 0
    store = SessionStore.open(saved)  # free again once the other one closed
    store.close()
    assert not lock_path(saved).exists()


def test_lock_left_by_a_killed_process_is_stale_and_can_be_taken_over(saved):
    child = start_child("holder", str(saved), "kill")
    _wait_open(child)
    assert child.wait(timeout=10) < 0  # died by SIGKILL, lock file left behind
    assert lock_path(saved).exists()

    with pytest.raises(SessionLockedError) as caught:
        SessionStore.open(saved)
    assert caught.value.stale is True
    assert "dat niet meer draait" in str(caught.value)

    store = SessionStore.open(saved, take_over_stale=True)
    holder = json.loads(lock_path(saved).read_text())
    assert holder["pid"] == os.getpid()
    store.session.scope.title = "overgenomen"
    assert store.commit()
    store.close()
    assert read_session(saved)[0].scope.title == "overgenomen"


def test_two_processes_saving_different_sessions_in_one_folder(mini_bank, sessions_dir):
    paths = {}
    for tag in ("noord", "zuid"):
        session = new_session(mini_bank, title=tag, area=tag, session_id=f"wijk-{tag}")
        apply_state(session, 0, tag)
        paths[tag] = save_session(session, sessions_dir)

    children = {tag: start_child("saver", str(path), "200", tag) for tag, path in paths.items()}
    for tag, child in children.items():
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0 and out == b"done\n", (tag, out)

    for tag, path in paths.items():
        session, _ = read_session(path)
        assert state_number(session, tag) == 200
    # No temporary or lock files remain after clean closes.
    assert sorted(p.name for p in sessions_dir.iterdir()) == ["wijk-noord.toml", "wijk-zuid.toml"]
    assert not list(sessions_dir.glob(f"*{TEMP_SUFFIX}"))


def test_session_from_an_unknown_bank_keeps_its_answers_when_saved(tmp_path):
    """Answers for factors the loaded bank lacks are not dropped by editing and saving."""
    from tests.conftest import DATA

    path = tmp_path / "andere-bank-sessie.toml"
    path.write_bytes((DATA / "bad" / "sessions" / "unknown-bank.toml").read_bytes())
    store = SessionStore.open(path)
    assert store.session.bank.id == "andere-bank"
    store.session.scope.title = "Bewerkt"
    assert store.commit()
    store.close()
    session, _ = read_session(path)
    assert session.factors["alfa"].weight == 2
    assert session.priority_ids == ["alfa"]
    assert session.bank.id == "andere-bank"  # still says which bank it was made with


def test_a_renamed_copy_saves_to_itself_not_over_the_original(saved):
    """A copy made in a file manager keeps the original's id inside; editing it must not
    overwrite the original (which might be open elsewhere)."""
    copy = saved.with_name("kopie-voor-volgend-jaar.toml")
    copy.write_bytes(saved.read_bytes())
    original = saved.read_bytes()
    store = SessionStore.open(copy)
    assert store.path == copy
    store.session.scope.title = "Volgend jaar"
    assert store.commit()
    store.close()
    assert saved.read_bytes() == original
    assert read_session(copy)[0].scope.title == "Volgend jaar"
