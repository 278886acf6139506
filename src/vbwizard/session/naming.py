"""Session ids and file names: only ``[a-z0-9-]``, never raw user text."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from pathlib import Path

from vbwizard.problems import Problem, ProblemsError

SESSION_SUFFIX = ".toml"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(text: str, max_length: int = 40) -> str:
    """Turn free text into ``[a-z0-9-]``: accents dropped, everything else a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def new_session_id(title: str, today: dt.date | None = None) -> str:
    """Make a fresh id: the date, a slug of the title and a random suffix."""
    today = today or dt.date.today()
    parts = [today.isoformat(), slugify(title) or "sessie", secrets.token_hex(2)]
    return "-".join(parts)


def is_valid_id(session_id: str) -> bool:
    """True when ``session_id`` is safe to use as a file name."""
    return bool(_ID.match(session_id)) and len(session_id) <= 100


def session_file(sessions_dir: Path, session_id: str) -> Path:
    """Return the file of a session id inside ``sessions_dir``.

    Raises:
        ProblemsError: when the id could escape the folder or is not a valid id.
    """
    if not is_valid_id(session_id):
        raise ProblemsError(
            [Problem(Path(session_id), "geen geldige sessie-id (alleen a-z, 0-9 en '-')")]
        )
    return sessions_dir / f"{session_id}{SESSION_SUFFIX}"
