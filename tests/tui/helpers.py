"""Helpers for the Pilot tests: type like a user, read what was saved."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from vbwizard.session.models import Session
from vbwizard.session.storage import load_session


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key, as a user would."""
    await pilot.press(*text)
    await pilot.pause()


def saved(path: Path) -> Session:
    """The session as it is on disk now."""
    return load_session(path, keep_backup=False)
