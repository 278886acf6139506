"""A session is locked while open; a dead holder's lock is recognised as stale."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from vbwizard.session.lock import SessionLock, SessionLockedError, lock_path


def test_second_lock_in_another_process_is_refused(sessions_dir):
    session = sessions_dir / "s.toml"
    session.write_text("")
    with SessionLock(session):
        code = textwrap.dedent(
            f"""
            from pathlib import Path
            from vbwizard.session.lock import SessionLock, SessionLockedError
            try:
                SessionLock(Path({str(session)!r})).acquire()
            except SessionLockedError as exc:
                print("locked", exc.stale, exc.info.pid)
            """
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.stdout.split() == ["locked", "False", str(os.getpid())]
    assert not lock_path(session).exists()


def test_lock_of_killed_process_is_stale_and_can_be_taken_over(sessions_dir):
    session = sessions_dir / "s.toml"
    session.write_text("")
    code = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from vbwizard.session.lock import SessionLock
        SessionLock(Path({str(session)!r})).acquire()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    subprocess.run([sys.executable, "-c", code])
    lock = SessionLock(session)
    with pytest.raises(SessionLockedError) as caught:
        lock.acquire()
    assert caught.value.stale
    lock.acquire(take_over_stale=True)
    assert lock.held
    lock.release()
