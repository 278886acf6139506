"""Which session file a user means: a path, an id, or the start of an id.

Ids are long (``2026-11-30-stationsplein-b937``), so any unambiguous start of
one will do, as with git's commit hashes; an ambiguous one lists the candidates.
Nothing here opens a file, so a FIFO or a device named like a session is
refused by its type, not read.
"""

from __future__ import annotations

import os
from pathlib import Path

from vbwizard.problems import Problem, ProblemsError
from vbwizard.safe_read import open_problem, path_problem
from vbwizard.session.naming import SESSION_SUFFIX, is_valid_id, session_file

_SHOWN_CANDIDATES = 8


def _refuse(path: Path, reason: str) -> ProblemsError:
    return ProblemsError([Problem(path, reason)])


def _checked(path: Path) -> Path:
    problem = path_problem(path)
    if problem == "bestand niet gevonden":
        problem = "sessiebestand niet gevonden"
    if problem is not None:
        raise _refuse(path, problem)
    return path


def _ids_in(sessions_dir: Path) -> list[str]:
    """The session ids in a folder (hidden and temporary files left out)."""
    try:
        with os.scandir(sessions_dir) as entries:
            names = [e.name for e in entries]
    except (OSError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise _refuse(sessions_dir, "de map met sessies bestaat niet") from None
        if isinstance(exc, NotADirectoryError):
            raise _refuse(sessions_dir, "is geen map") from None
        raise _refuse(sessions_dir, open_problem(exc)) from None
    return sorted(
        n.removesuffix(SESSION_SUFFIX)
        for n in names
        if n.endswith(SESSION_SUFFIX) and not n.startswith(".")
    )


def resolve_session(ref: str, sessions_dir: Path) -> Path:
    """Resolve a session reference: a path to a file, an id, or the start of an id.

    A reference with a path separator or the ``.toml`` suffix is a path the
    user typed (like any command's file argument); anything else is an id (or
    the start of one), and only ever names a file directly inside ``sessions_dir``.

    Raises:
        ProblemsError: in Dutch, naming the file or folder: not found, not a
            regular file, no access, or a start that fits several sessions
            (listing them).
    """
    if ref.endswith(SESSION_SUFFIX) or os.sep in ref:
        return _checked(Path(ref))
    if not is_valid_id(ref):
        raise _refuse(Path(ref), "geen sessiebestand en geen geldige sessie-id (a-z, 0-9, '-')")
    exact = session_file(sessions_dir, ref)
    if os.path.lexists(exact):
        return _checked(exact)
    matches = [i for i in _ids_in(sessions_dir) if i.startswith(ref)]
    if len(matches) == 1:
        return _checked(session_file(sessions_dir, matches[0]))
    if not matches:
        raise _refuse(exact, f"geen sessie met id '{ref}' in {sessions_dir}")
    shown = ", ".join(matches[:_SHOWN_CANDIDATES])
    more = f" en nog {len(matches) - _SHOWN_CANDIDATES}" if len(matches) > _SHOWN_CANDIDATES else ""
    raise _refuse(
        sessions_dir,
        f"'{ref}' past bij {len(matches)} sessies: {shown}{more}; geef meer van de id",
    )
