"""Where things live. Kept free of heavy imports: the start-up path uses it."""

from __future__ import annotations

import os
from pathlib import Path

ENV_SESSIONS_DIR = "VBWIZARD_SESSIONS_DIR"


def resolve_sessions_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder: the option, else ``$VBWIZARD_SESSIONS_DIR``, else ``./sessions``."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_SESSIONS_DIR)
    if env:
        return Path(env).expanduser()
    return Path("sessions")
