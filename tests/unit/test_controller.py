"""The session controller's rules, without a terminal: one session is one file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vbwizard.problems import ProblemsError
from vbwizard.save_state import SaveState
from vbwizard.session import storage
from vbwizard.session.controller import SessionController
from vbwizard.session.create import new_session
from vbwizard.session.lock import SessionLockedError, lock_path
from vbwizard.session.models import Session
from vbwizard.session.storage import SaveError, load_session, save_session, session_files


def _saved(bank, folder: Path, **changes: object) -> tuple[Session, Path]:
    session = new_session(bank, title="Wijk Oost", area="Oost")
    for key, value in changes.items():
        setattr(session, key, value)
    return session, save_session(session, folder)


def test_a_new_session_has_no_file_until_its_title_is_committed(bank, sessions_dir):
    controller = SessionController.new(bank, sessions_dir, mode="group")
    assert controller.state is SaveState.UNNAMED and controller.path is None
    assert not controller.commit()  # no title yet
    controller.session.scope.title = "Wijk No"
    assert not controller.commit(final=False)  # still typing the title
    assert session_files(sessions_dir) == []
    controller.session.scope.title = "Wijk Noord"
    assert controller.commit()
    [path] = session_files(sessions_dir)
    assert "wijk-noord" in path.name and controller.path == path
    assert controller.state is SaveState.SAVED


@pytest.mark.parametrize(
    "make", ["new", "open", "start"], ids=["new session", "opened", "follow-up or merge"]
)
def test_commits_after_the_first_never_create_another_file(bank, sessions_dir, make):
    if make == "new":
        controller = SessionController.new(bank, sessions_dir, mode="group")
        controller.session.scope.title = "Wijk Oost"
        controller.commit()
    elif make == "open":
        controller = SessionController.open(_saved(bank, sessions_dir)[1])
    else:
        controller = SessionController.start(new_session(bank, title="Vervolg"), sessions_dir)
    [path] = session_files(sessions_dir)
    for title in ("Andere titel", "Nog een", ""):
        controller.session.scope.title = title
        controller.commit()
        controller.commit(final=False)
    assert session_files(sessions_dir) == [path]


def test_a_closed_controller_refuses_every_save(bank, sessions_dir):
    _, path = _saved(bank, sessions_dir)
    controller = SessionController.open(path)
    controller.session.scope.area = "typed just before quitting"
    controller.close()
    assert load_session(path).scope.area == "typed just before quitting"  # saved by close
    assert not lock_path(path).exists()
    before = path.read_bytes()
    controller.session.scope.area = "after closing"
    assert not controller.commit()
    assert not controller.retry()
    controller.close()  # twice is fine
    with pytest.raises(PermissionError):
        controller.save_to(sessions_dir / "elsewhere")
    assert path.read_bytes() == before
    assert session_files(sessions_dir) == [path]
    assert controller.state is SaveState.CLOSED and not controller.editable


def test_a_closed_new_session_with_a_title_is_saved_once(bank, sessions_dir):
    controller = SessionController.new(bank, sessions_dir, mode="self")
    controller.session.scope.title = "Zelfanalyse"
    controller.close()  # quit while typing the title: the title is kept
    [path] = session_files(sessions_dir)
    controller.session.scope.title = "Zelfanalyse twee"
    controller.commit()
    assert session_files(sessions_dir) == [path]
    assert load_session(path).scope.title == "Zelfanalyse"


def test_a_new_session_without_title_leaves_nothing_on_close(bank, sessions_dir):
    controller = SessionController.new(bank, sessions_dir, mode="group")
    controller.close()
    assert session_files(sessions_dir) == []


def test_a_completed_session_opens_unchangeable_until_reopened(bank, sessions_dir):
    _, path = _saved(bank, sessions_dir, status="completed")
    controller = SessionController.open(path)
    assert controller.state is SaveState.COMPLETED and not controller.editable
    assert lock_path(path).exists()  # held, so reopening cannot race another instance
    controller.session.answer("signaalcriminaliteit-en-overlast").weight = 3
    assert not controller.commit()
    saved = load_session(path)
    assert saved.status == "completed" and not saved.factors
    assert controller.reopen()
    saved = load_session(path)
    assert saved.status == "in_progress"  # the change of status is in the file at once
    assert controller.editable and controller.state is SaveState.SAVED


def test_completing_makes_it_unchangeable(bank, sessions_dir):
    _, path = _saved(bank, sessions_dir)
    controller = SessionController.open(path)
    assert controller.complete()
    assert load_session(path).status == "completed"
    assert not controller.editable and controller.state is SaveState.COMPLETED
    assert "AFGEROND" in controller.status_line()


def test_viewing_never_writes_and_takes_no_lock(bank, sessions_dir):
    _, path = _saved(bank, sessions_dir)
    controller = SessionController.open(path, read_only=True)
    assert controller.state is SaveState.VIEWING and not lock_path(path).exists()
    before = path.read_bytes()
    controller.session.scope.area = "x"
    assert not controller.commit() and not controller.reopen()
    controller.close()
    assert path.read_bytes() == before


def test_a_second_controller_on_the_same_file_is_refused(bank, sessions_dir):
    _, path = _saved(bank, sessions_dir)
    first = SessionController.open(path)
    with pytest.raises(SessionLockedError):
        SessionController.open(path)
    first.close()
    SessionController.open(path).close()


def test_a_failed_save_is_kept_and_retried(bank, sessions_dir, monkeypatch):
    _, path = _saved(bank, sessions_dir)
    controller = SessionController.open(path)
    seen: list[SaveState] = []
    controller.subscribe(lambda c: seen.append(c.state))
    real_write = storage.atomic_write

    def full_disk(target: Path, data: bytes, **kwargs: object) -> None:
        raise SaveError(target, "disk full", code=28)

    monkeypatch.setattr(storage, "atomic_write", full_disk)
    controller.session.scope.area = "Zuid"
    assert not controller.commit()
    assert controller.state is SaveState.FAILED
    assert controller.last_error == "de schijf is vol"
    assert controller.status_line() == "NIET OPGESLAGEN"
    monkeypatch.setattr(storage, "atomic_write", real_write)
    assert controller.retry()
    assert controller.state is SaveState.SAVED
    assert load_session(path).scope.area == "Zuid"
    assert seen == [SaveState.FAILED, SaveState.SAVED]


def test_moving_records_where_the_user_is(bank, sessions_dir):
    _, path = _saved(bank, sessions_dir)
    controller = SessionController.open(path)
    controller.move_to("factors", "communicatie")
    controller.commit()
    controller.close()
    progress = load_session(path).progress
    assert (progress.step, progress.factor) == ("factors", "communicatie")


def test_a_new_session_saved_elsewhere_gets_one_file_there(bank, sessions_dir, tmp_path):
    controller = SessionController.new(
        bank, sessions_dir, mode="group", now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    )
    controller.session.scope.title = "Wijk West"
    path = controller.save_to(tmp_path / "usb")
    controller.commit()
    controller.close()
    assert session_files(tmp_path / "usb") == [path]
    assert session_files(sessions_dir) == []


def test_an_end_date_before_the_start_is_refused_in_any_file(bank, sessions_dir):
    """The action editor says so; a hand edit or a merge cannot slip it past either."""
    session, path = _saved(bank, sessions_dir)
    text = path.read_text(encoding="utf-8")
    text += '\n[[actions]]\nid = "actie-1"\nfactor = "verloedering"\ntitle = "Schouw"\n'
    text += "start = 2027-03-01\nend = 2027-01-01\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError, match="einddatum ligt vóór de startdatum"):
        load_session(path)
