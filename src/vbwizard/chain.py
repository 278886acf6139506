"""The chain of a session: baseline → follow-up → follow-up …, found through ``followup_of``.

Every follow-up records the id of the session it follows up, so a folder of
session files holds trees: one baseline at the root, its follow-ups below it.
A chain may branch (two follow-ups of one baseline); both branches are kept,
never hidden. The order of the rounds depends only on the links, the session
dates and the ids, never on the order in which files were read.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vbwizard.problems import ProblemsError
from vbwizard.session.models import Session
from vbwizard.session.naming import is_valid_id, session_file
from vbwizard.session.storage import read_session, session_files


@dataclass(frozen=True)
class Round:
    """One session in a chain."""

    session: Session
    depth: int
    """0 for the baseline, 1 for its follow-ups, and so on."""
    label: str
    """``"1"``, ``"2"``, or ``"2a"``/``"2b"`` when a round has more than one session."""
    parent: str | None
    """The id of the session this one follows up, when that is in the chain."""

    @property
    def date(self) -> dt.date:
        """The session's date (its scope date, else the day it was created)."""
        return self.session.scope.date or self.session.created.date()


@dataclass
class Chain:
    """The sessions linked to one another, oldest round first."""

    rounds: list[Round]
    missing_baseline: str | None = None
    """The id the oldest session follows up when that file is gone or unreadable."""
    children: dict[str, list[str]] = field(default_factory=dict)

    @property
    def branched(self) -> bool:
        """True when some session has more than one follow-up."""
        return any(len(ids) > 1 for ids in self.children.values())

    @property
    def ids(self) -> list[str]:
        """The session ids in chain order."""
        return [r.session.id for r in self.rounds]

    def round_of(self, session_id: str) -> Round | None:
        """The round of a session, or ``None`` when it is not in the chain."""
        return next((r for r in self.rounds if r.session.id == session_id), None)

    def label_of(self, session_id: str | None) -> str:
        """A round's label, or ``""`` for a session outside the chain."""
        found = self.round_of(session_id) if session_id else None
        return found.label if found else ""


def _sort_key(session: Session) -> tuple[dt.date, dt.datetime, str]:
    return (session.scope.date or session.created.date(), session.created, session.id)


def build_chain(sessions: Iterable[Session], member_id: str) -> Chain:
    """The chain ``member_id`` belongs to, from any collection of sessions.

    Args:
        sessions: Sessions in any order (e.g. every readable file of a folder).
        member_id: Any session of the chain: the baseline, a follow-up, a branch.

    Raises:
        KeyError: when no session has ``member_id``.
    """
    by_id: dict[str, Session] = {}
    for session in sorted(sessions, key=_sort_key):
        by_id.setdefault(session.id, session)  # the same id twice: the older one counts
    root = by_id[member_id]
    seen = {root.id}
    while root.links.followup_of in by_id and root.links.followup_of not in seen:
        root = by_id[root.links.followup_of]
        seen.add(root.id)
    children: dict[str, list[str]] = {}
    for session in sorted(by_id.values(), key=_sort_key):
        parent = session.links.followup_of
        if parent in by_id and session.id != root.id:
            children.setdefault(parent, []).append(session.id)
    depths: dict[str, int] = {root.id: 0}
    queue = [root.id]
    while queue:  # breadth first: every descendant of the root, each once
        current = queue.pop(0)
        for child in children.get(current, []):
            if child not in depths:
                depths[child] = depths[current] + 1
                queue.append(child)
    ordered = sorted(depths, key=lambda sid: (depths[sid], *_sort_key(by_id[sid])))
    rounds = []
    for depth in sorted(set(depths.values())):
        same = [sid for sid in ordered if depths[sid] == depth]
        for index, sid in enumerate(same):
            suffix = string.ascii_lowercase[index % 26] if len(same) > 1 else ""
            parent = by_id[sid].links.followup_of
            rounds.append(
                Round(
                    session=by_id[sid],
                    depth=depth,
                    label=f"{depth + 1}{suffix}",
                    parent=parent if parent in depths and sid != root.id else None,
                )
            )
    missing = root.links.followup_of if root.links.followup_of not in by_id else None
    kept = {sid: [c for c in ids if c in depths] for sid, ids in children.items() if sid in depths}
    return Chain(rounds=rounds, missing_baseline=missing, children=kept)


def _read(path: Path) -> Session | None:
    try:
        return read_session(path)[0]
    except (ProblemsError, OSError):
        return None  # an unreadable file is simply not part of any chain


def load_chain(sessions_dir: Path, member: Session) -> Chain:
    """The chain of ``member`` among the sessions in ``sessions_dir``.

    ``member`` itself counts even when it is not (yet) saved in that folder, and
    its in-memory version wins over its file. Only the files that can belong to
    a chain are parsed: the ancestors, found by id, and the files that name a
    session they follow up (a cheap byte search first, so a folder of thousands
    of unrelated sessions costs little).
    """
    found: dict[str, Session] = {member.id: member}
    ref = member.links.followup_of
    while ref and ref not in found and is_valid_id(ref):
        ancestor = _read(session_file(sessions_dir, ref))
        if ancestor is None or ancestor.id != ref:
            break
        found[ref] = ancestor
        ref = ancestor.links.followup_of
    for path in session_files(sessions_dir):
        if path.stem in found:
            continue
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if b"followup_of" in raw:
            session = _read(path)
            if session is not None and session.id not in found:
                found[session.id] = session
    return build_chain(found.values(), member.id)
