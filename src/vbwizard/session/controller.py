"""The life of one open session, for any front end: open, create, commit, close.

A :class:`SessionController` is made for exactly one session and lives until it
is closed. It decides every save rule in one place:

- A new session has no file until its title is committed for the first time
  (``commit(final=True)``); commits made while the title is still being typed
  (``final=False``) keep it in memory only. After that the session has one
  file, and **no commit ever creates another**: the store is made once.
- A closed controller refuses everything: a field that saves while the wizard
  shuts down (a blur after quitting) reaches a closed controller and does
  nothing. The front end makes a new controller for the next session.
- A session opened for viewing, or a completed one (a baseline!), is not
  editable; a completed session becomes editable only by :meth:`reopen`,
  which records the change of status in the file at once.
- A failed save keeps the session in memory, dirty, with a Dutch reason; the
  next commit or :meth:`retry` tries again.

It never imports Textual: the TUI and the participants' page both drive it, and
its rules are unit-tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from vbwizard.problems import ProblemsError
from vbwizard.save_state import SaveState
from vbwizard.session.lock import SessionLockedError
from vbwizard.session.models import Progress, Session, Step
from vbwizard.session.naming import new_session_id
from vbwizard.session.store import SessionStore, dutch_reason

if TYPE_CHECKING:
    from vbwizard.bank.models import Bank
    from vbwizard.session.models import Mode


ReadOnlyReason = Literal["view", "completed"]

Listener = Callable[["SessionController"], None]


class SessionController:
    """One open session: its save rules, its file, its lock and where the user is.

    Make one with :meth:`new`, :meth:`open` or :meth:`start`; never reuse a closed one.
    """

    def __init__(
        self,
        session: Session,
        sessions_dir: Path,
        store: SessionStore | None,
        *,
        read_only: ReadOnlyReason | None = None,
    ) -> None:
        self.session = session
        self.sessions_dir = sessions_dir
        self._store = store
        self._read_only = read_only
        self._closed = False
        self._listeners: list[Listener] = []
        self._failure: str | None = store.last_error if store is not None else None

    # -- making one ----------------------------------------------------------------

    @classmethod
    def new(
        cls, bank: Bank, sessions_dir: Path, *, mode: Mode, now: dt.datetime | None = None
    ) -> SessionController:
        """A new, empty session; it gets its file when its title is first committed."""
        from vbwizard.session.create import new_session

        return cls(new_session(bank, mode=mode, now=now), sessions_dir, None)

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool = False, take_over_stale: bool = False
    ) -> SessionController:
        """Open a saved session: locked for editing, or only for viewing.

        A completed session opens locked but not editable (see :meth:`reopen`).

        Raises:
            ProblemsError: the file cannot be read as a session.
            SessionLockedError: another process holds it (or left it locked).
            OSError: the lock file cannot be created (e.g. a read-only folder).
        """
        store = SessionStore.open(path, read_only=read_only, take_over_stale=take_over_stale)
        reason: ReadOnlyReason | None = "view" if read_only else None
        if reason is None and store.session.status == "completed":
            reason = "completed"
        return cls(store.session, path.parent, store, read_only=reason)

    @classmethod
    def start(cls, session: Session, sessions_dir: Path) -> SessionController:
        """Write a session built elsewhere (a follow-up, a merge) as a new file, and open it.

        The file gets a fresh id if one with this id exists, so an existing
        session is never overwritten.

        Raises:
            ProblemsError: the session cannot be written (the folder refuses).
            SessionLockedError: every id tried was locked.
            OSError: the lock file cannot be created.
        """
        store = SessionStore.create(session, sessions_dir, fresh_id_on_clash=True)
        return cls(session, sessions_dir, store)

    # -- state -----------------------------------------------------------------------

    @property
    def state(self) -> SaveState:
        """Where the session stands; see :class:`SaveState`."""
        if self._closed:
            return SaveState.CLOSED
        if self._read_only == "view":
            return SaveState.VIEWING
        if self._read_only == "completed":
            return SaveState.COMPLETED
        if self._store is None:
            return SaveState.FAILED if self._failure else SaveState.UNNAMED
        return SaveState.FAILED if self._store.dirty else SaveState.SAVED

    @property
    def editable(self) -> bool:
        """True when answers may change (open, not viewing, not completed)."""
        return not self._closed and self._read_only is None

    @property
    def read_only_reason(self) -> ReadOnlyReason | None:
        """Why the session cannot be changed now, if it cannot."""
        return self._read_only

    @property
    def path(self) -> Path | None:
        """The session's file, or ``None`` while it has none yet."""
        return self._store.path if self._store is not None else None

    @property
    def store(self) -> SessionStore | None:
        """The file and lock behind the session (``None`` until it has a file)."""
        return self._store

    @property
    def last_error(self) -> str | None:
        """Why the last save failed, in plain Dutch; ``None`` after a good save."""
        if self._store is not None:
            return self._store.last_error
        return self._failure

    def status_line(self) -> str:
        """The one line a front end shows about the session's file (Dutch)."""
        state = self.state
        if state is SaveState.SAVED:
            return f"Opgeslagen · {self.path.name if self.path else ''}"
        if state is SaveState.FAILED:
            return "NIET OPGESLAGEN"
        if state is SaveState.VIEWING:
            return "ALLEEN LEZEN"
        if state is SaveState.COMPLETED:
            return "AFGEROND · alleen lezen"
        if state is SaveState.UNNAMED:
            return "Nog niet opgeslagen: geef de sessie een titel"
        return ""

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every change of the save state (or a save)."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    # -- saving ----------------------------------------------------------------------

    def commit(self, *, final: bool = True) -> bool:
        """Save the session after an answer was committed.

        Args:
            final: False while text is still being typed (a pause in typing);
                a new session is not named after a title that is half typed.

        Returns:
            True when the session is durable on disk.
        """
        if not self.editable:
            return False
        ok = self._store.commit() if self._store is not None else final and self._create()
        self._changed()
        return ok

    def _create(self) -> bool:
        """Write the new session's file, named after its title; once only."""
        if not self.session.scope.title.strip():
            return False  # A file name needs a title; nothing else is typed yet.
        self.session.id = new_session_id(self.session.scope.title)
        try:
            self._store = SessionStore.create(
                self.session, self.sessions_dir, fresh_id_on_clash=True
            )
        except ProblemsError as exc:
            self._failure = dutch_reason(exc)
            return False
        except (SessionLockedError, OSError) as exc:
            self._failure = str(exc)
            return False
        self._failure = None
        return self._store.last_error is None

    def retry(self) -> bool:
        """Try a failed save again; True when nothing is pending any more."""
        if not self.editable:
            return False
        ok = (
            self._store.retry()
            if self._store is not None
            else self._failure is None or self._create()
        )
        self._changed()
        return ok

    def move_to(self, step: Step, factor: str | None = None) -> None:
        """Remember where the user is (saved with the next commit, or now when editable)."""
        if self._closed:
            return
        self.session.progress = Progress(step=step, factor=factor)

    def complete(self) -> bool:
        """Mark the session completed and save that at once; it is then no longer editable."""
        if not self.editable:
            return False
        self.session.status = "completed"
        if not self.commit():
            self.session.status = "in_progress"
            return False
        self._read_only = "completed"
        self._changed()
        return True

    def reopen(self) -> bool:
        """Make a completed session editable again: its status becomes in progress.

        Returns:
            True when the change is saved (a viewed or closed session stays as it is).
        """
        if self._closed or self._read_only == "view":
            return False
        self._read_only = None
        if self.session.status == "completed":
            self.session.status = "in_progress"
        return self.commit()

    def save_to(self, folder: Path) -> Path:
        """Save to another folder (when the usual one refuses) and continue there.

        Raises:
            ProblemsError: that folder refuses too.
            SessionLockedError: that folder's copy is open elsewhere.
            OSError: the lock file cannot be created there.
            PermissionError: the session is closed or not editable.
        """
        if not self.editable:
            raise PermissionError("deze sessie kan niet worden gewijzigd")
        if self._store is None:
            self._store = SessionStore.create(self.session, folder, fresh_id_on_clash=True)
            path = self._store.path
        else:
            path = self._store.save_to(folder)
        self.sessions_dir = folder
        self._failure = None
        self._changed()
        return path

    def close(self) -> None:
        """Save what is pending, release the lock, and refuse everything after (idempotent).

        Text typed since the last commit is in the session in memory, so this
        is a final commit; a new session that has a title gets its file now.
        """
        if self._closed:
            return
        if self.editable:
            self.commit(final=True)
        if self._store is not None:
            self._store.release_lock()
        self._closed = True
        self._changed()
