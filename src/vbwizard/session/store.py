"""An open session: the lock, and the one save path every edit goes through.

The TUI's autosave, the crash tests and the benchmarks all call
:meth:`SessionStore.commit`, so what is proven about it holds for the app.
A failed save never raises into the UI: the session stays in memory, marked
dirty with the reason, and the next commit (or :meth:`retry`) tries again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vbwizard.session.lock import SessionLock
from vbwizard.session.models import Session
from vbwizard.session.naming import session_file
from vbwizard.session.storage import (
    SaveError,
    clean_stale_temp_files,
    ensure_sessions_dir,
    load_session,
    save_session,
    touch,
)


class SessionStore:
    """Holds one session, its file and its lock; saves on every commit."""

    def __init__(self, session: Session, sessions_dir: Path, *, read_only: bool = False) -> None:
        self.session = session
        self.sessions_dir = sessions_dir
        self.read_only = read_only
        self.lock: SessionLock | None = None
        self.dirty = False
        self.last_error: str | None = None
        """The reason the last save failed; ``None`` after a good save."""

    @property
    def path(self) -> Path:
        """The session's file."""
        return session_file(self.sessions_dir, self.session.id)

    @classmethod
    def create(cls, session: Session, sessions_dir: Path) -> SessionStore:
        """Start a new session: make the folder, lock and save it at once."""
        ensure_sessions_dir(sessions_dir)
        store = cls(session, sessions_dir)
        store.acquire()
        store.commit()
        return store

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool = False, take_over_stale: bool = False
    ) -> SessionStore:
        """Open a saved session for editing (locked) or reading.

        Raises:
            ProblemsError: when the file cannot be read as a session.
            SessionLockedError: when another process holds it (or left it locked).
        """
        session = load_session(path)
        store = cls(session, path.parent, read_only=read_only)
        clean_stale_temp_files(path.parent)
        if not read_only:
            store.acquire(take_over_stale=take_over_stale)
        return store

    def acquire(self, *, take_over_stale: bool = False) -> None:
        """Lock the session file for this process."""
        lock = SessionLock(self.path)
        lock.acquire(take_over_stale=take_over_stale)
        self.lock = lock

    def commit(self, now: dt.datetime | None = None) -> bool:
        """Save the session now; return True when it is durable on disk.

        On failure the session stays in memory, ``dirty`` stays set and
        ``last_error`` says why; nothing on disk is damaged.
        """
        if self.read_only:
            return False
        touch(self.session, now)
        self.dirty = True
        try:
            save_session(self.session, self.sessions_dir)
        except SaveError as exc:
            self.last_error = exc.reason
            return False
        self.dirty = False
        self.last_error = None
        return True

    def retry(self) -> bool:
        """Try a failed save again, keeping the last change time."""
        if not self.dirty:
            return True
        return self.commit(self.session.updated)

    def save_to(self, folder: Path) -> Path:
        """Save to another folder (when the usual one refuses) and continue there.

        Raises:
            ProblemsError: when that folder refuses too.
        """
        ensure_sessions_dir(folder)
        path = save_session(self.session, folder)
        old_lock = self.lock
        self.sessions_dir = folder
        self.lock = None
        self.acquire(take_over_stale=True)
        if old_lock is not None:
            old_lock.release()
        self.dirty = False
        self.last_error = None
        return path

    def close(self) -> None:
        """Save pending changes (best effort) and release the lock."""
        if self.dirty:
            self.retry()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
