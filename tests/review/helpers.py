"""Driving the review screen with real keys."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable

from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.review import ReviewScreen


async def open_review(pilot: Pilot[None], key: str = "b") -> ReviewScreen:
    """Open the review screen from the start menu and wait until the table is full."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.press(key)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
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


def notes(app: VbWizardApp) -> list[str]:
    """Every notification's text so far."""
    return [str(n.message) for n in app._notifications]
