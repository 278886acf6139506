"""The review screen: filter, sort, view read-only, continue editing, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.tui.conftest import BROKEN, SIZE
from tests.tui.factory import notifications
from tests.tui.helpers import go_to, open_review, settle, titles
from vbwizard.demo import DEMO_ID
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.review import ReviewScreen
from vbwizard.tui.screens.session_view import ReadOnlySummaryScreen
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets import session_table


async def test_filter_shrinks_the_list_and_clearing_restores_it(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        everything = titles(screen)
        assert len(everything) == 7
        await pilot.press("slash")
        await pilot.press(*"zelfanalyse")
        assert len(titles(screen)) == 3
        await pilot.press(*" bram")  # every word must match (title, area, id, status)
        assert titles(screen) == ["Zelfanalyse Oost"]
        await pilot.press("ctrl+u")  # clear the filter
        await pilot.pause()
        assert sorted(titles(screen)) == sorted(everything)
        await pilot.press(*"afgerond")
        table = screen.table
        statuses = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        assert statuses == ["afgerond"] * 3


async def test_sort_by_key_and_again_reverses(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert titles(screen)[-1] == BROKEN, "unreadable files come last"
        await pilot.press("1")
        readable = titles(screen)[:-1]
        assert readable == sorted(readable, key=str.casefold)
        await pilot.press("1")
        assert titles(screen)[:-1] == sorted(readable, key=str.casefold, reverse=True)
        assert titles(screen)[-1] == BROKEN
        labels = [str(column.label) for column in screen.table.columns.values()]
        assert labels[0].endswith("▼")
        await pilot.press("s")  # on to the next column: area
        labels = [str(column.label) for column in screen.table.columns.values()]
        assert labels[0] == "1 Titel" and labels[1].endswith("▲")


async def test_unreadable_row_shows_the_reason_and_enter_explains(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, BROKEN)
        row = [str(cell) for cell in screen.table.get_row_at(screen.table.cursor_row)]
        assert row[1].startswith("onleesbaar: ")
        for key in ("enter", "o", "f", "c", "m", "space"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        assert any(BROKEN in note and "geen leesbare sessie" in note for note in notifications(app))


async def test_enter_opens_read_only_and_nothing_can_change(app: VbWizardApp, folder: Path) -> None:
    path = folder / f"{DEMO_ID}.toml"
    before = path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, ReadOnlySummaryScreen)
        assert app.read_only and app.sub_title == "ALLEEN LEZEN"
        assert app.session is not None and app.session.id == DEMO_ID
        assert "ALLEEN LEZEN" in str(view.query_one("#read-only-banner").render())
        for key in ("c", "j", "enter", "pagedown", "pageup", "ctrl+g", "ctrl+s", "ctrl+r"):
            await pilot.press(key)
            await pilot.pause()
        assert app.screen is view, "the other (editable) steps stay closed"
        assert app.controller.store is not None and app.controller.store.lock is None, (
            "viewing takes no lock"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.session is None
    assert path.read_bytes() == before


async def test_continue_editing_opens_the_session_with_its_lock(
    app: VbWizardApp, folder: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("o")
        await pilot.pause()
        # The demo is completed: editing it means reopening it, after a question.
        assert isinstance(app.screen, ConfirmDialog) and app.read_only
        await pilot.press("enter")  # "Heropenen"
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert not app.read_only
        assert app.session is not None and app.session.id == DEMO_ID
        assert app.controller.store is not None and app.controller.store.lock is not None


async def test_continue_menu_lists_sessions_in_progress_and_enter_edits(
    app: VbWizardApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, key="v")
        assert isinstance(screen, ReviewScreen) and screen.only_in_progress
        shown = titles(screen)
        assert "Veiligheidsbeleving De Horst" not in shown, "completed: not to continue"
        assert BROKEN in shown
        await go_to(pilot, screen, "Zelfanalyse")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and not app.read_only


async def test_table_fills_in_chunks_and_keeps_the_row_when_sorting(
    app: VbWizardApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two rows per chunk: the chunked fill of a 10,000-session folder, in miniature.
    monkeypatch.setattr(session_table, "CHUNK", 2)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert screen.table.row_count == 7
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("1")
        await settle(pilot)
        assert screen.table.row_count == 7
        assert titles(screen)[screen.table.cursor_row] == "Veiligheidsbeleving De Horst"
        assert screen.table.cursor_row == 1
        await pilot.press("slash", *"oost")
        await settle(pilot)
        assert titles(screen) == ["Zelfanalyse Oost"] * 3
        assert "3 van 7 sessies" in str(screen.query_one("#review-status", Static).render())


async def test_a_huge_list_shows_the_first_rows_and_says_so(
    app: VbWizardApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_table, "MAX_ROWS", 4)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert screen.table.row_count == 4
        status = str(screen.query_one("#review-status", Static).render())
        assert "7 sessies (eerste 4 getoond; verfijn met /)" in status
        await pilot.press("slash", *"zelf")
        await app.workers.wait_for_complete()
        assert len(titles(screen)) == 3, "the filter searches every session, shown or not"
