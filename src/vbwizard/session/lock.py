"""One writer per session: an advisory lock beside the session file.

The lock is an OS file lock (``flock``) on ``.<id>.lock``, so it is released by
the kernel when its process dies, even by ``kill -9``. The file also records
who held it; a file left with another process's details, but no live lock, is
the trace of a crash: the caller asks the user before taking it over.

vbwizard supports POSIX systems (Linux is tested). Where ``flock`` is missing
(Windows), a lock file recording another process is reported as held, never as
stale: without ``flock`` there is no safe way to tell whether that process still
runs (``os.kill(pid, 0)`` would end it there), and two writers must never meet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class LockInfo:
    """Who holds (or held) a session lock."""

    pid: int
    host: str
    since: str

    def describe(self) -> str:
        """A short Dutch description for messages."""
        return f"proces {self.pid} op {self.host} (sinds {self.since})"


class SessionLockedError(Exception):
    """The session is locked by another process, or was left locked by a crash."""

    def __init__(self, path: Path, info: LockInfo | None, *, stale: bool) -> None:
        self.path = path
        self.info = info
        self.stale = stale
        who = info.describe() if info else "een ander proces"
        if stale:
            message = f"{path.name} was nog vergrendeld door {who}, dat niet meer draait"
        else:
            message = f"{path.name} is al geopend door {who}"
        super().__init__(message)


def lock_path(session_path: Path) -> Path:
    """The lock file of a session file."""
    return session_path.with_name(f".{session_path.stem}.lock")


def _read_info(handle: IO[str]) -> LockInfo | None:
    handle.seek(0)
    try:
        data = json.loads(handle.read(4096) or "null")  # ours are tiny; never read without bound
        return LockInfo(int(data["pid"]), str(data["host"]), str(data["since"]))
    except (ValueError, TypeError, KeyError):
        return None


class SessionLock:
    """An exclusive lock on one session file, held while it is open for editing."""

    def __init__(self, session_path: Path) -> None:
        self.session_path = session_path
        self.path = lock_path(session_path)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None

    def acquire(self, *, take_over_stale: bool = False) -> None:
        """Take the lock.

        Args:
            take_over_stale: take over a lock left by a process that died.

        Raises:
            SessionLockedError: when a live process holds it, or (without
                ``take_over_stale``) when a dead process left it behind.
            OSError: when the lock file cannot be created at all.
        """
        if self._handle is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise SessionLockedError(
                        self.session_path, _read_info(handle), stale=False
                    ) from None
            previous = _read_info(handle)
            if previous is not None and previous.pid != os.getpid() and not take_over_stale:
                # Without flock a live holder cannot be told from a dead one.
                stale = fcntl is not None
                raise SessionLockedError(self.session_path, previous, stale=stale)
            handle.seek(0)
            handle.truncate()
            handle.write(
                json.dumps(
                    {
                        "pid": os.getpid(),
                        "host": socket.gethostname(),
                        "since": dt.datetime.now().isoformat(timespec="seconds"),
                    }
                )
            )
            handle.flush()
        except BaseException:
            handle.close()
            raise
        self._handle = handle

    def release(self) -> None:
        """Give the lock up and remove the lock file."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        handle.close()

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
