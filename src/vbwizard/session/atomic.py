"""Writing a file atomically: a crash leaves the previous version or the new one.

Every write goes to a temporary file in the same folder, is flushed and fsynced,
renamed over the target and the folder is fsynced, so a crash at any moment
leaves either the previous file or the new one, never a mix. Files are created
0600: sessions may hold names and sensitive notes, and reports are made of them.

Session storage, the session list's cache and report exports all write through
:func:`atomic_write`; it depends on nothing else in vbwizard but the problem type,
so none of them has to import another to reach it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from vbwizard.errors import errno_reason, os_reason
from vbwizard.problems import Problem, ProblemsError

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


class SaveError(ProblemsError):
    """A save failed; the previous file on disk is untouched."""

    def __init__(self, path: Path, reason: str, code: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.code = code
        """The ``errno`` of the refusal, when the operating system gave one."""
        super().__init__([Problem(path, f"kon niet opslaan: {reason}")])


class SessionExistsError(SaveError):
    """A new file was to be created, but one with that name already exists."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, errno_reason(errno.EEXIST), errno.EEXIST)


def describe_os_error(exc: OSError) -> str:
    """A plain Dutch reason for an ``OSError`` met while saving, without a traceback."""
    return os_reason(exc, writing=True)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entry table, so a rename inside it survives power loss."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Not supported on every platform; the rename itself is still atomic.
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# Hard links are how a finished file is put in place only if the name is free; a
# file system without them (FAT on a USB stick) gets a check-then-rename instead.
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def _put_in_place(tmp_name: str, path: Path, *, replace: bool) -> None:
    if replace:
        os.replace(tmp_name, path)
        return
    try:
        os.link(tmp_name, path)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise SessionExistsError(path) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        if path.exists():
            raise SessionExistsError(path) from None
        os.replace(tmp_name, path)


def atomic_write(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600.

    Args:
        path: the file to write.
        data: its new contents.
        replace: replace an existing file; with ``False`` an existing file is
            never touched and :class:`SessionExistsError` is raised.

    Raises:
        SaveError: with a plain reason; the previous file stays as it was.
    """
    folder = path.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=folder, prefix=f"{TEMP_PREFIX}{path.stem}.", suffix=TEMP_SUFFIX
        )
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        _put_in_place(tmp_name, path, replace=replace)
        if replace:
            tmp_name = None  # renamed; after a hard link the temporary name still goes
        fsync_dir(folder)
    except OSError as exc:
        raise SaveError(path, describe_os_error(exc), exc.errno) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
