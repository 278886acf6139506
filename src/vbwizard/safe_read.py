"""Read a user's file without blocking and without reading without bound.

A "session file" may be a FIFO (reading waits for a writer that never comes),
``/dev/zero`` (reading never ends), a folder, or a link to any of these. So the
file is opened non-blocking, its type checked on the open descriptor (no race
between the check and the read), and at most :data:`MAX_FILE_BYTES` are read.
Every refusal carries a Dutch reason; callers add the file name.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from vbwizard.errors import os_reason

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest session or bank file read: far above any real one (a 1 MB note loads)."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class ReadRefused(Exception):
    """A file cannot be read; :attr:`reason` says why, in Dutch."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def kind_problem(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is no file to read (Dutch), or ``None`` if it is."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is een map, geen bestand"
    if stat.S_ISFIFO(mode):
        return "is een pijp (FIFO), geen gewoon bestand"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is een apparaat, geen gewoon bestand"
    if stat.S_ISSOCK(mode):
        return "is een socket, geen gewoon bestand"
    return "is geen gewoon bestand"


def open_problem(exc: OSError | ValueError) -> str:
    """The Dutch reason a path could not be opened or examined."""
    if isinstance(exc, ValueError):  # a NUL byte: no file can have this name
        return "geen geldige bestandsnaam"
    if isinstance(exc, FileNotFoundError):
        return "bestand niet gevonden"
    return f"kan niet lezen: {os_reason(exc)}"


def path_problem(path: Path) -> str | None:
    """Why ``path`` is no readable file (missing, a folder, a FIFO…), or ``None``.

    Only looks (``stat``); nothing is opened, so this never blocks.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as exc:
        return open_problem(exc)
    return kind_problem(mode)


def too_big(limit: int) -> str:
    """The Dutch reason for a file over ``limit`` bytes."""
    return f"te groot (meer dan {limit // (1024 * 1024)} MB); is dit wel een sessie of bank?"


def read_fd(fd: int, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most ``limit`` bytes from an open regular file.

    Raises:
        ReadRefused: when it holds more than ``limit`` bytes.
        OSError: when reading fails.
    """
    chunks: list[bytes] = []
    left = limit + 1  # one byte more tells "exactly the limit" from "too big"
    while left > 0:
        chunk = os.read(fd, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    if left <= 0:
        raise ReadRefused(too_big(limit))
    return b"".join(chunks)


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file of at most ``limit`` bytes, never blocking.

    Raises:
        ReadRefused: with a Dutch reason (missing, a folder, a FIFO, a device,
            too big, no permission, a name too long…).
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise ReadRefused(open_problem(exc)) from None
    try:
        st = os.fstat(fd)
        problem = kind_problem(st.st_mode)
        if problem is not None:
            raise ReadRefused(problem)
        if st.st_size > limit:
            raise ReadRefused(too_big(limit))
        return read_fd(fd, limit)
    except OSError as exc:
        raise ReadRefused(f"kan niet lezen: {os_reason(exc)}") from None
    finally:
        os.close(fd)
