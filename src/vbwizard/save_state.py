"""Where an open session stands with respect to its file.

Its own module without dependencies, so the TUI can name the states before the
domain core (pydantic, the storage) is loaded: start-up stays quick.
"""

from __future__ import annotations

from enum import StrEnum


class SaveState(StrEnum):
    """Where the open session stands with respect to its file."""

    UNNAMED = "unnamed"
    """New and not yet written: the file is named after the title once it is committed."""
    SAVED = "saved"
    """Everything committed is on disk."""
    FAILED = "failed"
    """The last save failed; the session is kept in memory and retried."""
    VIEWING = "viewing"
    """Opened to look at (read-only, or locked by someone else): nothing is saved."""
    COMPLETED = "completed"
    """A completed session: looked at until it is explicitly reopened."""
    CLOSED = "closed"
    """Closed: saved and unlocked; every further call is refused."""


__all__ = ["SaveState"]
