"""Where things live. Kept free of heavy imports: the start-up path uses it."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from vbwizard.errors import os_reason

ENV_SESSIONS_DIR = "VBWIZARD_SESSIONS_DIR"


def resolve_sessions_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder: the option, else ``$VBWIZARD_SESSIONS_DIR``, else ``./sessions``."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_SESSIONS_DIR)
    if env:
        return Path(env).expanduser()
    return Path("sessions")


ENV_CACHE_DIR = "VBWIZARD_CACHE_DIR"


def resolve_cache_dir() -> Path | None:
    """Where vbwizard keeps caches it can always rebuild; ``None`` when caching is off.

    ``$VBWIZARD_CACHE_DIR`` (set but empty: no cache at all), else the platform's
    user cache folder from ``platformdirs`` (on Linux ``$XDG_CACHE_HOME/vbwizard``,
    else ``~/.cache/vbwizard``). Never inside a sessions folder: listing a folder
    must not write to it (it may be read-only, shared or synced between machines).
    """
    env = os.environ.get(ENV_CACHE_DIR)
    if env is not None:
        return Path(env).expanduser() if env else None
    # Imported here: only listing needs it, and the start screen must not wait for it.
    import platformdirs

    folder = Path(platformdirs.user_cache_dir("vbwizard", appauthor=False))
    # Without a home folder the answer is relative to wherever vbwizard was
    # started, perhaps a sessions folder: then simply no cache.
    return folder if folder.is_absolute() else None


def _has_control_chars(text: str) -> bool:
    return any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text)


class OutputProblemKind(Enum):
    """Why a file cannot be written: a front end may advise differently per kind."""

    BAD_NAME = "bad_name"
    """The name holds a newline or another control character."""
    NO_FOLDER = "no_folder"
    """The folder it would go in does not exist or is no folder."""
    IS_FOLDER = "is_folder"
    """The path names a folder, not a file."""
    NOT_ALLOWED = "not_allowed"
    """No permission to write in the folder."""
    OS_REFUSED = "os_refused"
    """The system refuses the path (a name too long, a part no one may enter)."""


@dataclass(frozen=True)
class OutputProblem:
    """Why a report or export cannot be written to a path."""

    kind: OutputProblemKind
    message: str
    """In Dutch, starting lower case, to follow the path: ``"de map /x bestaat niet"``."""

    def __str__(self) -> str:
        """The message."""
        return self.message


def output_problem(path: Path) -> OutputProblem | None:
    """Why a report or export cannot be written to ``path``, or ``None``.

    Checked before any work is done, so a wrong path costs nothing and never
    leaves half a file behind.
    """
    kind = OutputProblemKind
    # A newline or escape in a file name breaks every listing and script that meets it.
    if _has_control_chars(str(path)):
        return OutputProblem(
            kind.BAD_NAME,
            "de naam bevat een regeleinde of een ander stuurteken; kies een gewone naam",
        )
    parent = path.parent
    try:
        if not parent.is_dir():
            state = "is geen map" if parent.exists() else "bestaat niet"
            return OutputProblem(kind.NO_FOLDER, f"de map {parent} {state}")
        if path.is_dir():
            return OutputProblem(kind.IS_FOLDER, "is een map; geef een bestandsnaam")
        os.stat(path)
    except FileNotFoundError:
        pass  # a new file: the usual case
    except OSError as exc:  # a name too long, a part of the path no one may enter
        return OutputProblem(kind.OS_REFUSED, os_reason(exc))
    if not os.access(parent, os.W_OK | os.X_OK):
        return OutputProblem(
            kind.NOT_ALLOWED, f"geen toestemming om in de map {parent} te schrijven"
        )
    return None


def folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as the sessions folder (Dutch), or ``None``.

    A folder that does not exist yet is fine: it is created when a session is saved.
    """
    if _has_control_chars(str(path)):
        return "de naam bevat een regeleinde of een ander stuurteken"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return os_reason(exc)
    if not stat.S_ISDIR(mode):
        return "is geen map"
    if not os.access(path, os.R_OK | os.X_OK):
        return "geen toestemming om deze map te lezen"
    return None
