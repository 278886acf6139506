"""Closing the terminal at any moment ends vbwizard within two seconds, after saving."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.tui.terminal import close_terminal, drain, spawn, type_slowly, wait_for_screen
from vbwizard.session.lock import lock_path
from vbwizard.session.models import Progress
from vbwizard.session.storage import load_session, save_session, session_files

LIMIT = 2.0


def test_closing_the_terminal_while_the_app_starts_ends_it(tmp_path: Path):
    """The bank loads in the background during the first half second: close then."""
    folder = tmp_path / "sessions"
    durations = []
    for attempt in range(8):
        pid, fd = spawn("--sessions-dir", str(folder))
        wait_for_screen(fd, b"Nieuwe")  # the first frame
        drain(fd, 0.07 * attempt)  # somewhere in the first half second after it
        durations.append(close_terminal(pid, fd))
    assert all(d is not None and d < LIMIT for d in durations), durations


def test_closing_the_terminal_in_a_text_field_saves_what_was_typed(bank, sessions_dir):
    session_path = save_session(_at_scope(bank), sessions_dir)
    pid, fd = spawn("open", str(session_path))
    wait_for_screen(fd, b"Titel")
    drain(fd, 0.5)
    type_slowly(fd, [b"\x1b[F", *(bytes([c]) for c in b" extra")])  # End, then text
    duration = close_terminal(pid, fd)
    assert duration is not None and duration < LIMIT
    assert session_files(sessions_dir) == [session_path]
    assert not lock_path(session_path).exists()
    assert load_session(session_path).scope.title.endswith(" extra")


def _at_scope(bank):
    from vbwizard.session.create import new_session

    session = new_session(bank, title="Wijk Oost", area="Oost")
    session.progress = Progress(step="scope")
    return session


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_signal_in_a_text_field_saves_what_was_typed(bank, sessions_dir, sig):
    """The system stopping vbwizard (or the terminal's hang-up) while someone types."""
    session_path = save_session(_at_scope(bank), sessions_dir)
    pid, fd = spawn("open", str(session_path))
    wait_for_screen(fd, b"Titel")
    drain(fd, 0.5)
    type_slowly(fd, [b"\x1b[F", *(bytes([c]) for c in b" laat")])  # End, then text
    start = time.monotonic()
    os.kill(pid, sig)
    while time.monotonic() - start < 10:
        drain(fd, 0.05)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError("vbwizard did not stop")
    os.close(fd)
    assert time.monotonic() - start < LIMIT
    assert session_files(sessions_dir) == [session_path]
    assert not lock_path(session_path).exists()
    assert load_session(session_path).scope.title.endswith(" laat")
