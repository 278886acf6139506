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
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from vbwizard.problems import Problem, ProblemsError, read_toml, validation_problems
from vbwizard.session.migrations import migrate
from vbwizard.session.models import Session
from vbwizard.session.naming import SESSION_SUFFIX, is_valid_id, session_file

ENV_SESSIONS_DIR = "VBWIZARD_SESSIONS_DIR"
TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60.0

_ERRNO_TEXT = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.EROFS: "the disk or folder is read-only",
    errno.ENOENT: "the folder does not exist",
}


class SaveError(ProblemsError):
    """A save failed; the previous file on disk is untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__([Problem(path, f"could not save: {reason}")])


def describe_os_error(exc: OSError) -> str:
    """A plain reason for an ``OSError``, without a traceback."""
    if exc.errno in _ERRNO_TEXT:
        return _ERRNO_TEXT[exc.errno]
    return exc.strerror or str(exc)


def resolve_sessions_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder: the option, else ``$VBWIZARD_SESSIONS_DIR``, else ``./sessions``."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_SESSIONS_DIR)
    if env:
        return Path(env).expanduser()
    return Path("sessions")


def ensure_sessions_dir(path: Path) -> Path:
    """Create the sessions folder (mode 0700) if it is missing.

    Raises:
        ProblemsError: when it cannot be created or is not a folder.
    """
    if path.exists() and not path.is_dir():
        raise ProblemsError([Problem(path, "exists but is not a folder")])
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ProblemsError(
            [Problem(path, f"cannot create the sessions folder: {describe_os_error(exc)}")]
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
    return tomli_w.dumps(document)


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


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600.

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
        os.replace(tmp_name, path)
        tmp_name = None
        fsync_dir(folder)
    except OSError as exc:
        raise SaveError(path, describe_os_error(exc)) from None
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


def touch(session: Session, now: dt.datetime | None = None) -> None:
    """Mark the session as changed now."""
    session.updated = now or dt.datetime.now(dt.UTC).replace(microsecond=0)


def backup_path(path: Path, version: int) -> Path:
    """Where the original of a migrated session is kept."""
    return path.with_name(f"{path.name}.schema{version}.bak")


def load_session(path: Path, *, keep_backup: bool = True) -> Session:
    """Load, migrate and validate a session file.

    When the file was written with an older schema, the original is copied to
    ``<name>.schema<N>.bak`` first, so the first save cannot lose it.

    Raises:
        ProblemsError: naming the file, the key and the reason.
    """
    doc, text = read_toml(path)
    try:
        doc, migrated_from = migrate(doc)
    except ValueError as exc:
        raise ProblemsError([Problem(path, str(exc), "schema_version")]) from None
    try:
        session = Session.model_validate(doc)
    except ValidationError as exc:
        raise ProblemsError(validation_problems(exc, path, text, Session)) from None
    if migrated_from is not None and keep_backup:
        backup = backup_path(path, migrated_from)
        if not backup.exists():
            with contextlib.suppress(OSError):
                shutil.copy2(path, backup)
    return session


@dataclass
class SessionEntry:
    """One row of the session list: a readable session's summary, or why not."""

    path: Path
    id: str
    title: str = ""
    area: str = ""
    date: dt.date | None = None
    mode: str = ""
    status: str = ""
    priorities: list[str] = field(default_factory=list)
    updated: dt.datetime | None = None
    error: str | None = None
    """Why the file could not be read; ``None`` for a readable session."""

    @property
    def readable(self) -> bool:
        """True when the file loaded as a session."""
        return self.error is None

    @classmethod
    def from_session(cls, path: Path, session: Session) -> SessionEntry:
        """Summarise a loaded session."""
        return cls(
            path=path,
            id=session.id,
            title=session.scope.title,
            area=session.scope.area,
            date=session.scope.date or session.created.date(),
            mode=session.mode,
            status=session.status,
            priorities=session.priority_ids,
            updated=session.updated,
        )


def session_files(sessions_dir: Path) -> list[Path]:
    """The session files in a folder (temporary and hidden files excluded)."""
    if not sessions_dir.is_dir():
        return []
    return sorted(p for p in sessions_dir.glob(f"*{SESSION_SUFFIX}") if not p.name.startswith("."))


def list_sessions(sessions_dir: Path) -> list[SessionEntry]:
    """Summarise every session file, newest first; unreadable files say why."""
    entries = []
    for path in session_files(sessions_dir):
        try:
            entries.append(SessionEntry.from_session(path, load_session(path, keep_backup=False)))
        except ProblemsError as exc:
            first = exc.problems[0]
            reason = f"{first.key_path}: {first.message}" if first.key_path else first.message
            if first.line:
                reason = f"line {first.line}: {reason}"
            entries.append(SessionEntry(path=path, id=path.stem, error=reason))
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    entries.sort(key=lambda e: (e.readable, e.updated or epoch), reverse=True)
    return entries


def find_session(ref: str, sessions_dir: Path) -> Path:
    """Resolve a session reference: a path to a file, or an id in the folder.

    Raises:
        ProblemsError: when neither exists, or the id is not a valid id.
    """
    candidate = Path(ref)
    if candidate.suffix == SESSION_SUFFIX or os.sep in ref:
        if candidate.is_file():
            return candidate
        raise ProblemsError([Problem(candidate, "no such session file")])
    if not is_valid_id(ref):
        raise ProblemsError([Problem(Path(ref), "not a session file or a valid session id")])
    path = session_file(sessions_dir, ref)
    if not path.is_file():
        raise ProblemsError([Problem(path, f"no session with id '{ref}' in {sessions_dir}")])
    return path


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
