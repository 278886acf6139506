"""Save and load session files: atomic, private, and never half-written.

Saves go through :func:`~vbwizard.session.atomic.atomic_write` (a temporary file,
fsynced and renamed into place), so a crash leaves the previous file or the new
one. Files are created 0600 and the folder 0700: sessions may hold names and
sensitive notes. The session list is :mod:`vbwizard.session.listing`, which
builds on this module (never the other way round).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from vbwizard.problems import (
    Problem,
    ProblemsError,
    parse_toml,
    read_toml,
    validation_problems,
)

# Re-exported (``as``): callers have long imported the atomic-writing names from here.
from vbwizard.session.atomic import TEMP_PREFIX as TEMP_PREFIX
from vbwizard.session.atomic import TEMP_SUFFIX as TEMP_SUFFIX
from vbwizard.session.atomic import SaveError as SaveError
from vbwizard.session.atomic import SessionExistsError as SessionExistsError
from vbwizard.session.atomic import atomic_write as atomic_write
from vbwizard.session.atomic import describe_os_error as describe_os_error
from vbwizard.session.atomic import fsync_dir as fsync_dir
from vbwizard.session.list_head import SECTIONS, seal
from vbwizard.session.migrations import migrate
from vbwizard.session.models import Session
from vbwizard.session.naming import SESSION_SUFFIX, session_file

STALE_TEMP_SECONDS = 60.0

# A lone surrogate (from a bad paste) cannot be encoded as UTF-8; it would make
# every save fail, so it is stored as U+FFFD instead and the rest is kept.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


def _list_fields_first(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the list's tables moved before the first other table.

    TOML writes top-level values before any table, so the list's fields then all
    come first in the file; everything else keeps its order.
    """
    keys = list(document)
    first = next((i for i, k in enumerate(keys) if isinstance(document[k], dict)), len(keys))
    order = [
        *(k for k in keys[:first] if k not in SECTIONS),
        *(k for k in SECTIONS if k in document),
        *(k for k in keys[first:] if k not in SECTIONS),
    ]
    return {k: document[k] for k in order}


def session_to_toml(session: Session) -> str:
    """Serialise a session to TOML text, omitting absent values.

    The list's fields come first and the first line is a checksum comment, so the
    session list can read a file vbwizard wrote without parsing all of it (see
    :mod:`vbwizard.session.list_head`).
    """
    document = _prune(session.model_dump(mode="python", exclude_none=True))
    text = _SURROGATE.sub("\ufffd", tomli_w.dumps(_list_fields_first(document)))
    return seal(text, session.schema_version)


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
