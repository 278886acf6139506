"""The summary of one session file for the session list: read it, summarise it, encode it.

A file that vbwizard itself wrote, unchanged since (its checksum line matches, see
:mod:`~vbwizard.session.list_head`), is summarised from its first lines alone; any
other file is parsed and validated in full, as opening it would. A summary travels
as plain JSON values (:func:`to_summary`, :func:`from_summary`): in the list's cache
and from the worker processes that read a large folder.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vbwizard.errors import os_reason
from vbwizard.printable import control_written_out
from vbwizard.problems import Problem, ProblemsError, printable
from vbwizard.safe_read import ReadRefused, kind_problem, open_problem, read_fd
from vbwizard.session.list_head import trusted_head
from vbwizard.session.schema import SCHEMA_VERSION
from vbwizard.session.times import aware

if TYPE_CHECKING:
    from vbwizard.session.models import Session

RACY_NS = 2_000_000_000
"""A file changed this recently (in nanoseconds) when read is parsed again next time."""

Identity = tuple[int, int, int, int, int]
_TEXT_FIELDS = ("id", "title", "area", "mode", "status", "facilitator", "followup_of")
_LIST_FIELDS = ("priorities", "participants", "merged_from")
_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC).timestamp()
_FIELDS = frozenset((*_TEXT_FIELDS, *_LIST_FIELDS, "date", "created", "updated", "error"))


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
    facilitator: str = ""
    participants: list[str] = field(default_factory=list)
    created: dt.datetime | None = None
    followup_of: str = ""
    """The id of the baseline this session follows up, if any."""
    merged_from: list[str] = field(default_factory=list)
    """The ids of the self-assessments this session was merged from."""

    @property
    def readable(self) -> bool:
        """True when the file loaded as a session."""
        return self.error is None

    @property
    def recency(self) -> float:
        """A sort key for "newest first" (with ``reverse=True``); unreadable files sort last.

        A number, not the time: comparing aware datetimes inside a sort costs ten times
        more, and sorting ten thousand sessions would outweigh listing them.
        """
        if self.error is not None:
            return -math.inf
        return self.updated.timestamp() if self.updated is not None else _NEVER

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
            facilitator=session.scope.facilitator or "",
            participants=[p.name for p in session.scope.participants],
            created=session.created,
            followup_of=session.links.followup_of or "",
            merged_from=list(session.links.merged_from),
        )

    @classmethod
    def from_head(cls, path: Path, doc: dict[str, Any]) -> SessionEntry:
        """Summarise the head of a file vbwizard wrote (see :mod:`~vbwizard.session.list_head`).

        Only for a head whose checksum matched: absent keys take the model's defaults,
        exactly as :meth:`from_session` would see them after a full parse. The types
        are still checked, so that even a forged checksum cannot put a number where
        the list expects text, and control characters are written out as the model
        writes them (:func:`~vbwizard.printable.control_written_out`).

        Raises:
            TypeError: when a value has another type than vbwizard writes.
        """
        scope = _typed(doc.get("scope", {}), dict)
        date = scope.get("date")
        if date is None:
            date = aware(_typed(doc["created"], dt.datetime)).date()
        elif type(date) is not dt.date:
            raise TypeError(date)
        priorities = [_text(_typed(p, dict)["factor"]) for p in doc.get("priorities", [])]
        links = _typed(doc.get("links", {}), dict)
        people = [_text(_typed(p, dict)["name"]) for p in scope.get("participants", [])]
        return cls(
            path=path,
            id=_text(doc["id"]),
            title=_text(scope.get("title", "")),
            area=_text(scope.get("area", "")),
            date=date,
            mode=_text(doc.get("mode", "group")),
            status=_text(doc.get("status", "in_progress")),
            priorities=priorities,
            updated=aware(_typed(doc["updated"], dt.datetime)),
            facilitator=_text(scope.get("facilitator", "")),
            participants=people,
            created=aware(_typed(doc["created"], dt.datetime)),
            followup_of=_text(links.get("followup_of", "")),
            merged_from=[_text(m) for m in _typed(links.get("merged_from", []), list)],
        )


def _text(value: Any) -> str:
    return control_written_out(_typed(value, str))


def _typed(value: Any, kind: type[Any]) -> Any:
    if not isinstance(value, kind):
        raise TypeError(value)
    return value


def _unreadable(path: Path, problem: Problem) -> SessionEntry:
    # One short, inert line per file: keys may be huge or hold escapes.
    message = printable(problem.message, 300)
    key = printable(problem.key_path, 120)
    reason = f"{key}: {message}" if key else message
    if problem.line:
        reason = f"regel {problem.line}: {reason}"
    return SessionEntry(path=path, id=path.stem, error=reason)


def identity_of(st: os.stat_result) -> Identity:
    """What a file is cached under: times in nanoseconds, size, inode and device."""
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev)


def read_entry(path: Path) -> tuple[SessionEntry, Identity | None]:
    """Read and summarise one file.

    Returns:
        The entry, and the identity to cache it under; ``None`` when it must not be
        cached (a read failure, not a regular file, or changed too recently).
    """
    try:
        # Non-blocking, so a FIFO named like a session cannot hang the list.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return _unreadable(path, Problem(path, open_problem(exc))), None
    try:
        before = os.fstat(fd)
        problem = kind_problem(before.st_mode)
        if problem is not None:
            return _unreadable(path, Problem(path, problem)), None
        # Capped: a huge file (or one that keeps growing) cannot stall the list.
        raw = read_fd(fd)
        after = os.fstat(fd)
    except ReadRefused as exc:
        return _unreadable(path, Problem(path, exc.reason)), None
    except OSError as exc:
        return _unreadable(path, Problem(path, f"kan niet lezen: {os_reason(exc)}")), None
    finally:
        os.close(fd)
    identity: Identity | None = identity_of(before)
    recent = max(before.st_mtime_ns, before.st_ctime_ns) > time.time_ns() - RACY_NS
    if recent or identity != identity_of(after):
        identity = None
    return summarise(path, raw), identity


def summarise(path: Path, raw: bytes) -> SessionEntry:
    """The entry of a file's bytes: from its head when vbwizard wrote it unchanged, else in full."""
    head = trusted_head(raw, SCHEMA_VERSION)
    if head is not None:
        try:
            return SessionEntry.from_head(path, tomllib.loads(head.decode("utf-8")))
        except (ValueError, LookupError, TypeError, AttributeError):
            pass  # cannot happen for a file vbwizard wrote; the full parse will say why
    # Imported here: with pydantic and the models, which files vbwizard wrote never need.
    from vbwizard.session.storage import parse_session

    try:
        session, _ = parse_session(path, raw)
    except ProblemsError as exc:
        return _unreadable(path, exc.problems[0])
    return SessionEntry.from_session(path, session)


def to_summary(entry: SessionEntry) -> dict[str, Any]:
    """An entry as plain JSON values (for the cache and from worker processes)."""
    return {
        "id": entry.id,
        "title": entry.title,
        "area": entry.area,
        "date": entry.date.isoformat() if entry.date else None,
        "mode": entry.mode,
        "status": entry.status,
        "priorities": entry.priorities,
        "updated": entry.updated.isoformat() if entry.updated else None,
        "error": entry.error,
        "facilitator": entry.facilitator,
        "participants": entry.participants,
        "created": entry.created.isoformat() if entry.created else None,
        "followup_of": entry.followup_of,
        "merged_from": entry.merged_from,
    }


def from_summary(path: Path, summary: object) -> SessionEntry | None:
    """The entry :func:`to_summary` gave, checked; ``None`` when it is not well-formed."""
    if not isinstance(summary, dict) or summary.keys() != _FIELDS:
        return None
    if not all(isinstance(summary[name], str) for name in _TEXT_FIELDS):
        return None
    for name in _LIST_FIELDS:
        values = summary[name]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return None
    error = summary["error"]
    if error is not None and not isinstance(error, str):
        return None
    try:
        date = _optional(dt.date.fromisoformat, summary["date"])
        updated = _optional(dt.datetime.fromisoformat, summary["updated"])
        created = _optional(dt.datetime.fromisoformat, summary["created"])
    except (TypeError, ValueError):
        return None
    if error is None and updated is None:
        return None  # every readable session has a change time
    return SessionEntry(
        path=path,
        id=summary["id"],
        title=summary["title"],
        area=summary["area"],
        date=date,
        mode=summary["mode"],
        status=summary["status"],
        priorities=summary["priorities"],
        updated=updated,
        error=error,
        facilitator=summary["facilitator"],
        participants=summary["participants"],
        created=created,
        followup_of=summary["followup_of"],
        merged_from=summary["merged_from"],
    )


def _optional(parse: Any, value: object) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(value)
    return parse(value)
