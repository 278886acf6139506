"""Save, load and list session files: atomic, private, and never half-written.

Every save writes a temporary file in the same folder, flushes and fsyncs it,
renames it over the session file and fsyncs the folder, so a crash at any
moment leaves either the previous file or the new one, never a mix. Files are
created 0600 and the folder 0700: sessions may hold names and sensitive notes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from vbwizard.errors import errno_reason, os_reason
from vbwizard.problems import (
    Problem,
    ProblemsError,
    parse_toml,
    read_toml,
    validation_problems,
)
from vbwizard.session.migrations import migrate
from vbwizard.session.models import Session
from vbwizard.session.naming import SESSION_SUFFIX, session_file

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60.0

# A lone surrogate (from a bad paste) cannot be encoded as UTF-8; it would make
# every save fail, so it is stored as U+FFFD instead and the rest is kept.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class SaveError(ProblemsError):
    """A save failed; the previous file on disk is untouched."""

    def __init__(self, path: Path, reason: str, code: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.code = code
        """The ``errno`` of the refusal, when the operating system gave one."""
        super().__init__([Problem(path, f"kon niet opslaan: {reason}")])


def describe_os_error(exc: OSError) -> str:
    """A plain Dutch reason for an ``OSError`` met while saving, without a traceback."""
    return os_reason(exc, writing=True)


def ensure_sessions_dir(path: Path) -> Path:
    """Create the sessions folder (mode 0700) if it is missing.

    Raises:
        ProblemsError: when it cannot be created or is not a folder.
    """
    try:
        if path.exists() and not path.is_dir():
            raise ProblemsError([Problem(path, "bestaat al, maar is geen map")])
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ProblemsError(
            [Problem(path, f"kan de map met sessies niet maken: {describe_os_error(exc)}")]
        ) from None
    return path


def _prune(value: Any) -> Any:
    """Drop absent values: TOML has no null, and empty containers are noise."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def session_to_toml(session: Session) -> str:
    """Serialise a session to TOML text, omitting absent values."""
    document = _prune(session.model_dump(mode="python", exclude_none=True))
    return _SURROGATE.sub("\ufffd", tomli_w.dumps(document))


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


class SessionExistsError(SaveError):
    """A new file was to be created, but one with that name already exists."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, errno_reason(errno.EEXIST), errno.EEXIST)


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


def save_session(session: Session, sessions_dir: Path) -> Path:
    """Save ``session`` as ``<id>.toml`` in ``sessions_dir`` and return its path.

    Raises:
        SaveError: when the disk refuses; the file on disk is unchanged.
    """
    path = session_file(sessions_dir, session.id)
    atomic_write(path, session_to_toml(session).encode("utf-8"))
    return path


def save_new_session(session: Session, sessions_dir: Path) -> Path:
    """Save a session that must not exist yet; an existing file is never replaced.

    Raises:
        SessionExistsError: when a session with this id is already there.
        SaveError: when the disk refuses.
    """
    path = session_file(sessions_dir, session.id)
    atomic_write(path, session_to_toml(session).encode("utf-8"), replace=False)
    return path


def touch(session: Session, now: dt.datetime | None = None) -> None:
    """Mark the session as changed now."""
    session.updated = now or dt.datetime.now(dt.UTC).replace(microsecond=0)


def backup_path(path: Path, version: int) -> Path:
    """Where the original of a migrated session is kept."""
    return path.with_name(f"{path.name}.schema{version}.bak")


def read_session(path: Path) -> tuple[Session, int | None]:
    """Load, migrate and validate a session file without writing anything.

    Returns:
        The session and the schema version it was migrated from (``None`` when
        the file was already current).

    Raises:
        ProblemsError: naming the file, the key and the reason.
    """
    doc, text = read_toml(path)
    return _validated(path, doc, text)


def parse_session(path: Path, raw: bytes) -> tuple[Session, int | None]:
    """Like :func:`read_session`, for the bytes of ``path`` already read.

    The session list reads each file itself, so that the bytes it parses and
    the file status it caches them under come from one open file.

    Raises:
        ProblemsError: naming the file, the key and the reason.
    """
    doc, text = parse_toml(path, raw)
    return _validated(path, doc, text)


def _validated(path: Path, doc: dict[str, object], text: str) -> tuple[Session, int | None]:
    try:
        doc, migrated_from = migrate(doc)
    except ValueError as exc:
        raise ProblemsError([Problem(path, str(exc), "schema_version")]) from None
    try:
        # Strict: a file saying `weight = true` or `visited = "yes"` is a mistake to
        # report, not something to guess at (lax mode would read 1 and True).
        session = Session.model_validate(doc, strict=True)
    except ValidationError as exc:
        raise ProblemsError(validation_problems(exc, path, text, Session, document=doc)) from None
    return session, migrated_from


def keep_backup_of(path: Path, version: int) -> Path:
    """Copy an older-schema file to ``<name>.schema<N>.bak`` unless that exists.

    The copy is written atomically (and 0600), so a crash cannot leave a
    half backup that would later be mistaken for a whole one.

    Raises:
        SaveError: when the backup cannot be written.
    """
    backup = backup_path(path, version)
    if not backup.exists():
        try:
            original = path.read_bytes()
        except OSError as exc:
            raise SaveError(backup, describe_os_error(exc), exc.errno) from None
        atomic_write(backup, original)
    return backup


def load_session(path: Path, *, keep_backup: bool = True) -> Session:
    """Load, migrate and validate a session file.

    When the file was written with an older schema and ``keep_backup`` is set,
    the original is copied to ``<name>.schema<N>.bak`` (best effort: a
    read-only folder still loads). :class:`~vbwizard.session.store.SessionStore`
    insists on the backup before it rewrites the file.

    Raises:
        ProblemsError: naming the file, the key and the reason.
    """
    session, migrated_from = read_session(path)
    if migrated_from is not None and keep_backup:
        with contextlib.suppress(SaveError):
            keep_backup_of(path, migrated_from)
    return session


def session_files(sessions_dir: Path) -> list[Path]:
    """The session files in a folder (temporary and hidden files excluded)."""
    if not sessions_dir.is_dir():
        return []
    return sorted(p for p in sessions_dir.glob(f"*{SESSION_SUFFIX}") if not p.name.startswith("."))


def find_session(ref: str, sessions_dir: Path) -> Path:
    """Resolve a session reference: a path, an id, or an unambiguous start of an id.

    See :func:`vbwizard.session.refs.resolve_session`.

    Raises:
        ProblemsError: when no single regular file fits (in Dutch, naming it).
    """
    from vbwizard.session.refs import resolve_session

    return resolve_session(ref, sessions_dir)


def clean_stale_temp_files(sessions_dir: Path, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove temporary files a crashed save left behind; return how many.

    Only files older than ``older_than`` seconds go, so another process's save
    in progress is never disturbed.
    """
    removed = 0
    cutoff = time.time() - older_than
    for tmp in sessions_dir.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


# The session list lives in its own module (it grew a cache); it is re-exported
# here because callers have always imported it from storage. Imported last, as
# listing.py builds on the functions above.
from vbwizard.session.listing import SessionEntry as SessionEntry  # noqa: E402
from vbwizard.session.listing import iter_sessions as iter_sessions  # noqa: E402
from vbwizard.session.listing import list_sessions as list_sessions  # noqa: E402
