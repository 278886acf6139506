"""Sessions: models, file naming, atomic storage, locking (no Textual here)."""

from vbwizard.paths import resolve_sessions_dir
from vbwizard.session.listing import SessionEntry, list_sessions
from vbwizard.session.models import SCHEMA_VERSION, FactorAnswer, Session
from vbwizard.session.storage import (
    SaveError,
    ensure_sessions_dir,
    load_session,
    read_session,
    save_session,
)

__all__ = [
    "SCHEMA_VERSION",
    "FactorAnswer",
    "SaveError",
    "Session",
    "SessionEntry",
    "ensure_sessions_dir",
    "list_sessions",
    "load_session",
    "read_session",
    "resolve_sessions_dir",
    "save_session",
]
