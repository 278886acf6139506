"""An open session: the lock, and the one save path every edit goes through.

The TUI's autosave, the crash tests and the benchmarks all call
:meth:`SessionStore.commit`, so what is proven about it holds for the app.
A failed save never raises into the UI: the session stays in memory, marked
dirty with the reason, and the next commit (or :meth:`retry`) tries again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from vbwizard.errors import errno_reason
from vbwizard.problems import ProblemsError
from vbwizard.session import storage
from vbwizard.session.lock import SessionLock, SessionLockedError
from vbwizard.session.models import Session
from vbwizard.session.naming import new_session_id, session_file
from vbwizard.session.storage import (
    SaveError,
    SessionExistsError,
    clean_stale_temp_files,
    ensure_sessions_dir,
    keep_backup_of,
    read_session,
    session_to_toml,
    touch,
)

_FRESH_ID_ATTEMPTS = 20
"""Ids carry a random suffix; twenty clashes in a row mean something else is wrong."""


def dutch_reason(error: ProblemsError) -> str:
    """Why a save failed, in plain Dutch for the wizard."""
    if isinstance(error, SaveError):
        # One Dutch table (vbwizard.errors) for the wizard and the command line.
        reason = errno_reason(error.code, writing=True) if error.code else error.reason
        if error.path.name.endswith(".bak"):
            return f"kon geen reservekopie van het oudere bestand maken: {reason}"
        return reason
    return str(error.problems[0]) if error.problems else str(error)


class SessionStore:
    """Holds one session, its file and its lock; saves on every commit."""

    def __init__(
        self,
        session: Session,
        sessions_dir: Path,
        *,
        read_only: bool = False,
        file: Path | None = None,
    ) -> None:
        self.session = session
        self.sessions_dir = sessions_dir
        self.read_only = read_only
        self.lock: SessionLock | None = None
        self.dirty = False
        self.last_error: str | None = None
        """Why the last save failed, in plain Dutch; ``None`` after a good save."""
        self._file = file
        # Set when the file on disk is of an older schema: its backup must
        # exist before the first save overwrites it.
        self._backup_due: int | None = None

    @property
    def path(self) -> Path:
        """The session's file: the one it was opened from, else ``<id>.toml``."""
        if self._file is not None:
            return self._file
        return session_file(self.sessions_dir, self.session.id)

    @classmethod
    def create(
        cls, session: Session, sessions_dir: Path, *, fresh_id_on_clash: bool = False
    ) -> SessionStore:
        """Start a new session: make the folder, lock it and write it at once.

        A new session never replaces an existing file, even when ids collide.

        Args:
            session: the session to start; its id names the file.
            sessions_dir: where it goes.
            fresh_id_on_clash: when that id is taken (or locked), give the session
                a new id made from its title instead of refusing.

        Raises:
            SessionExistsError: the id is taken and ``fresh_id_on_clash`` is off.
            SessionLockedError: the id is locked and ``fresh_id_on_clash`` is off.
        """
        ensure_sessions_dir(sessions_dir)
        for _ in range(_FRESH_ID_ATTEMPTS):
            store = cls(session, sessions_dir)
            try:
                store.acquire()
                touch(session)
                storage.atomic_write(
                    store.path, session_to_toml(session).encode("utf-8"), replace=False
                )
            except (SessionExistsError, SessionLockedError):
                store.release_lock()
                if not fresh_id_on_clash:
                    raise
                session.id = new_session_id(session.scope.title)
                continue
            except ProblemsError as exc:
                # The disk refuses: keep the session in memory, as a failed commit does.
                store.dirty = True
                store.last_error = dutch_reason(exc)
            return store
        raise SessionExistsError(session_file(sessions_dir, session.id))

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool = False, take_over_stale: bool = False
    ) -> SessionStore:
        """Open a saved session for editing (locked) or reading.

        The lock is taken before the file is read, so no other writer can
        change it between reading and editing. Saves go back to ``path`` even
        when its name differs from the session's id (a renamed copy), so
        editing one file never overwrites another.

        Raises:
            ProblemsError: when the file cannot be read as a session.
            SessionLockedError: when another process holds it (or left it locked).
            OSError: when the lock file cannot be created (e.g. a read-only folder).
        """
        lock = None if read_only else SessionLock(path)
        if lock is not None:
            lock.acquire(take_over_stale=take_over_stale)
        try:
            session, migrated_from = read_session(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store = cls(session, path.parent, read_only=read_only, file=path)
        store.lock = lock
        store._backup_due = migrated_from
        if migrated_from is not None and not read_only:
            # At once where possible; if the disk refuses now, commit insists.
            with contextlib.suppress(SaveError):
                store._keep_backup()
        clean_stale_temp_files(path.parent)
        return store

    def acquire(self, *, take_over_stale: bool = False) -> None:
        """Lock the session file for this process."""
        lock = SessionLock(self.path)
        lock.acquire(take_over_stale=take_over_stale)
        self.lock = lock

    def _keep_backup(self) -> None:
        """Write the backup of an older-schema original, once.

        Raises:
            SaveError: when it cannot be written.
        """
        if self._backup_due is not None:
            keep_backup_of(self.path, self._backup_due)
            self._backup_due = None

    def _write(self) -> None:
        self._keep_backup()
        # Through the module, so tests that simulate a refusing disk reach it.
        storage.atomic_write(self.path, session_to_toml(self.session).encode("utf-8"))

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
            self._write()
        except ProblemsError as exc:
            self.last_error = dutch_reason(exc)
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

        The new file is locked before it is written, so a session another
        process has open in that folder is never overwritten.

        Raises:
            ProblemsError: when that folder refuses too.
            SessionLockedError: when that folder's copy is open elsewhere.
            OSError: when the lock file cannot be created there.
        """
        ensure_sessions_dir(folder)
        target = session_file(folder, self.session.id)
        new_lock = SessionLock(target)
        new_lock.acquire(take_over_stale=True)
        try:
            storage.atomic_write(target, session_to_toml(self.session).encode("utf-8"))
        except BaseException:
            new_lock.release()
            raise
        old_lock, self.lock = self.lock, new_lock
        if old_lock is not None:
            old_lock.release()
        self.sessions_dir = folder
        self._file = target
        self._backup_due = None  # the original stays where it was, untouched
        self.read_only = False
        self.dirty = False
        self.last_error = None
        return target

    def release_lock(self) -> None:
        """Give up the lock (without saving)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close(self) -> None:
        """Save pending changes (best effort) and release the lock."""
        if self.dirty:
            self.retry()
        self.release_lock()
