"""Shared Pilot helpers: type like a user, wait for the workers, drive the review list, read back.

One module for every Pilot test, so the same gesture is written once. Build apps with
``tests.tui.factory.wizard``; what an app has shown is in ``tests.tui.factory.notifications``.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.tui.factory import notifications
from vbwizard.session.models import Session
from vbwizard.session.storage import load_session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.review import ReviewScreen


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key, as a user would."""
    await pilot.press(*text)
    await pilot.pause()


async def settle(pilot: Pilot[None]) -> None:
    """Let the app's background workers (listing, loading) finish, then let the screen update."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def saved(path: Path) -> Session:
    """The session as it is on disk now."""
    return load_session(path, keep_backup=False)


def last_notification(app: VbWizardApp) -> str:
    """The text of the newest notification shown, or "" when none was."""
    shown = notifications(app)
    return shown[-1] if shown else ""


async def open_review(pilot: Pilot[None], key: str = "b") -> ReviewScreen:
    """Open the review screen from the start menu and wait until the table is full."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.press(key)
    await pilot.pause()
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    assert not screen.filling
    return screen


def titles(screen: ReviewScreen) -> list[str]:
    """The title column as shown, top to bottom."""
    table: DataTable[object] = screen.table
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def go_to(pilot: Pilot[None], screen: ReviewScreen, title: str) -> None:
    """Move the cursor to the row whose title contains ``title``, with arrow keys."""
    await pilot.press("ctrl+home")
    for _ in range(screen.table.row_count):
        current = titles(screen)[screen.table.cursor_row]
        if title in current:
            return
        await pilot.press("down")
    raise AssertionError(f"no row with {title!r} in {titles(screen)}")
