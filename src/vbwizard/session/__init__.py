"""Sessions: models, file naming, atomic storage, locking (no Textual here).

The names below load on first use (PEP 562), so that importing one light module
of this package (the session list) does not import pydantic with the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vbwizard.paths import resolve_sessions_dir
    from vbwizard.session.listing import SessionEntry, list_sessions
    from vbwizard.session.models import FactorAnswer, Session
    from vbwizard.session.schema import SCHEMA_VERSION
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


_FROM_MODELS = frozenset({"FactorAnswer", "Session"})
_FROM_LISTING = frozenset({"SessionEntry", "list_sessions"})
_FROM_STORAGE = frozenset(
    {"SaveError", "ensure_sessions_dir", "load_session", "read_session", "save_session"}
)


def __getattr__(name: str) -> Any:
    # Plain imports, one per home module (the security scan forbids import by name).
    if name == "SCHEMA_VERSION":
        from vbwizard.session.schema import SCHEMA_VERSION

        return SCHEMA_VERSION
    if name == "resolve_sessions_dir":
        from vbwizard.paths import resolve_sessions_dir

        return resolve_sessions_dir
    if name in _FROM_MODELS:
        from vbwizard.session import models

        return getattr(models, name)
    if name in _FROM_LISTING:
        from vbwizard.session import listing

        return getattr(listing, name)
    if name in _FROM_STORAGE:
        from vbwizard.session import storage

        return getattr(storage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
