"""The review screen: filter, sort, view read-only, continue editing, unreadable files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.tui.conftest import BROKEN, SIZE
from tests.tui.factory import notifications
from tests.tui.helpers import go_to, open_review, settle, titles
from vbwizard.bank import Bank, load_bank
from vbwizard.demo import DEMO_ID
from vbwizard.session.listing import SessionEntry
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.review import ReviewScreen
from vbwizard.tui.screens.session_view import ReadOnlySummaryScreen
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.session_rows import Row, RowMaker
from vbwizard.tui.widgets.session_table import SessionTable


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


async def test_sorting_keeps_the_highlighted_session(app: VbWizardApp) -> None:
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


def _many(count: int) -> list[Row]:
    make_row = RowMaker(load_bank())
    return [
        make_row(
            SessionEntry(
                path=Path(f"/nergens/sessie-{n:05}.toml"),
                id=f"sessie-{n:05}",
                title=f"Wijkschouw {n:05}",
                status="completed",
                mode="group",
                updated=dt.datetime(2030, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=n),
            ),
        )
        for n in range(count)
    ]


def _drawn(table: SessionTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_every_session_of_a_large_folder_is_in_the_list(app: VbWizardApp) -> None:
    # Thousands of rows: all in the list, no cap, and keys reach the last one.
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        screen.table.add_loaded(_many(3000))
        screen.render_rows()
        await pilot.pause()
        table = screen.table
        assert table.row_count == 3007
        assert "3007 sessies" in str(screen.query_one("#review-status", Static).render())
        assert "Wijkschouw 02999" in _drawn(table)[1], "newest first, under the header"
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 3006 and titles(screen)[-1] == BROKEN
        assert BROKEN in _drawn(table)[-1], "the last row is scrolled into view"
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert table.cursor_row == table.size.height - 1, "a page is what fits below the header"
        await pilot.press("slash", *"02500")
        await pilot.pause()
        assert titles(screen) == ["Wijkschouw 02500"]
        detail = str(screen.query_one("#review-detail", Static).render())
        assert "sessie-02500.toml" in detail, "the detail line follows the filter"


async def test_the_header_stays_and_a_click_on_it_sorts(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        screen.table.add_loaded(_many(200))
        screen.render_rows()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert _drawn(screen.table)[0].lstrip().startswith("1 Titel")
        await pilot.click("#review-table", offset=(3, 0))
        await pilot.pause()
        assert screen.table.sort_column == 0
        assert _drawn(screen.table)[0].lstrip().startswith("1 Titel ▲")


async def test_after_loading_the_newest_session_is_highlighted_and_described(
    app: VbWizardApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        table = screen.table
        newest = max(
            (row for row in table.rows_loaded if row.entry.readable),
            key=lambda row: row.entry.recency,
        )
        assert table.cursor_row == 0 and titles(screen)[0] == newest.cells[0]
        detail = str(screen.query_one("#review-detail", Static).render())
        assert detail == newest.detail, "the line below describes the highlighted row"


async def test_the_review_remembers_the_folder_for_next_time(
    app: VbWizardApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vbwizard.session import list_cache, summary

    monkeypatch.setattr(summary, "RACY_NS", 0)  # files written a moment ago may be cached
    folder = app.sessions_dir
    cache = list_cache.cache_file_for(folder)
    assert cache is not None
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the start screen counts the sessions, and caches them
        cache.unlink()
        await open_review(pilot)
        await settle(pilot)
    cached = list_cache.load_cache(cache, list_cache.cache_header(folder))
    assert set(cached) == {path.name for path in folder.glob("*.toml")}


async def test_a_narrow_list_leaves_columns_out_and_says_how_it_is_sorted(
    app: VbWizardApp,
) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_review(pilot)
        header = _drawn(screen.table)[0]
        assert "1 Titel" in header and "6 Gebied" not in header and "4 Soort" not in header
        await pilot.press("4")
        await pilot.pause()
        status = str(screen.query_one("#review-status", Static).render())
        assert "gesorteerd op soort, oplopend" in status
        await pilot.press("1")
        await pilot.pause()
        status = str(screen.query_one("#review-status", Static).render())
        assert "gesorteerd op" not in status, "a column on screen shows its own arrow"
        assert "1 Titel ▲" in _drawn(screen.table)[0]


async def test_a_click_highlights_a_row_and_a_second_click_opens_it(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        table = screen.table
        second = titles(screen)[1]
        await pilot.click("#review-table", offset=(5, 2))  # line 0 is the header
        await pilot.pause()
        assert table.cursor_row == 1 and isinstance(app.screen, ReviewScreen)
        assert second in str(screen.query_one("#review-detail", Static).render())
        await pilot.click("#review-table", offset=(5, 2))
        await settle(pilot)
        assert isinstance(app.screen, ReadOnlySummaryScreen)


async def test_escape_codes_in_a_file_never_reach_the_screen(
    bank: Bank, sessions_dir: Path
) -> None:
    from tests.tui.factory import wizard
    from vbwizard.session.create import new_session
    from vbwizard.session.storage import session_to_toml

    # Typed into the file by hand (or by a hostile participant): TOML's \u001b escapes.
    text = session_to_toml(new_session(bank, title="Plein", session_id="plein"))
    text = text.replace('title = "Plein"', 'title = "\\u001b]0;gehackt\\u0007Plein\\u001b[2J"')
    (sessions_dir / "plein.toml").write_text(text, encoding="utf-8")
    (sessions_dir / "kapot\x1b[2J.toml").write_text("title = [", encoding="utf-8")  # its name
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        shown = [str(s.render()) for s in screen.query(Static)] + _drawn(screen.table)
        assert not any("\x1b" in s or "\x07" in s for s in shown)
        assert any("\\x1b]0;gehackt\\x07Plein\\x1b[2J" in s for s in shown), "written out"
        await go_to(pilot, screen, "kapot")
        shown = [str(s.render()) for s in screen.query(Static)] + _drawn(screen.table)
        assert not any("\x1b" in s for s in shown)
        assert any("kapot\\x1b[2J.toml" in s for s in shown)
