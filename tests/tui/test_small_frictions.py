"""The small frictions of a live session: each one seen in a walkthrough, each fixed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static

from tests.samples import self_assessment
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.factory import notifications, wizard
from tests.tui.helpers import open_review, saved, titles
from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.create import new_session
from vbwizard.session.models import Priority, Session, SourceEntry
from vbwizard.session.storage import save_session
from vbwizard.tui.screens.actions import ActionRow, ActionsScreen, AddButton
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.priorities import PrioritiesScreen
from vbwizard.tui.screens.review import ReviewScreen
from vbwizard.tui.screens.session_view import ReadOnlySummaryScreen
from vbwizard.tui.screens.sources import SourcePicker, SourcesScreen
from vbwizard.tui.widgets.session_table import SessionTable

WHEN = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def _self(bank: Bank, name: str, *, title: str = "Zelfanalyse Zuidbuurt") -> Session:
    """An empty self-assessment by ``name`` in the Zuidbuurt."""
    return self_assessment(bank, name.capitalize(), {}, title=title, area="Zuidbuurt", when=WHEN)


# -- the review list ------------------------------------------------------------------


async def test_review_list_tells_same_titled_sessions_apart_and_searches_all(
    bank: Bank, sessions_dir: Path
) -> None:
    for name in ("anna", "bram", "cem"):
        save_session(_self(bank, name), sessions_dir)
    baseline = demo_session(bank)
    save_session(baseline, sessions_dir)
    followup = new_session(bank, title="Vervolg De Horst", area="De Horst", mode="group", now=WHEN)
    followup.links.followup_of = baseline.id
    followup.scope.facilitator = "Sanne"
    save_session(followup, sessions_dir)
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        table = screen.table
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        selves = [r for r in rows if r[0] == "Zelfanalyse Zuidbuurt"]
        # Who made each one, and the kind, tell three equal titles apart.
        assert sorted(r[1] for r in selves) == ["Anna", "Bram", "Cem"]
        assert {r[3] for r in selves} == {"zelf"}
        (vervolg,) = [r for r in rows if r[0] == "Vervolg De Horst"]
        assert vervolg[3] == "vervolg" and vervolg[2] == "2026-03-01"
        # The highlighted session in full below the table, with its link and dates.
        await pilot.press("slash", *"vervolg op", "enter")
        await pilot.pause()
        assert titles(screen) == ["Vervolg De Horst"]
        detail = str(screen.query_one("#review-detail", Static).render())
        assert f"vervolg op {baseline.id}" in detail
        assert "begeleid door Sanne" in detail and "gemaakt 2026-03-01" in detail
        # The filter searches the author, not only title and area.
        screen.query_one("#review-filter", Input).value = "bram"
        await pilot.pause()
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == ["Bram"]


async def test_space_marks_the_row_the_user_sees_and_stays_there(
    bank: Bank, sessions_dir: Path
) -> None:
    for name in ("anna", "bram"):
        save_session(_self(bank, name), sessions_dir)
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        table: SessionTable = screen.table
        await pilot.press("space")
        await pilot.pause()
        assert table.cursor_row == 0 and titles(screen)[0].startswith("✓ ")
        await pilot.press("space")  # a second space undoes the first
        await pilot.pause()
        assert not any(t.startswith("✓ ") for t in titles(screen))
        assert "(de)markeren" in str(screen.query_one("#review-hint", Static).render())


async def test_continue_with_only_completed_sessions_says_where_they_are(
    bank: Bank, sessions_dir: Path
) -> None:
    save_session(demo_session(bank), sessions_dir)  # completed
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, key="v")
        assert isinstance(screen, ReviewScreen) and screen.table.row_count == 0
        status = str(screen.query_one("#review-status", Static).render())
        assert "1 afgerond" in status and "Opgeslagen sessies bekijken" in status
        assert not any(n.startswith("Geen sessies in") for n in notifications(app))


async def test_read_only_view_of_a_completed_session_says_how_to_reopen(
    bank: Bank, sessions_dir: Path
) -> None:
    save_session(demo_session(bank), sessions_dir)
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, ReadOnlySummaryScreen)
        status = str(view.query_one("#summary-status", Static).render())
        assert "afgerond" in status and "o" in status and "heropenen" in status
        assert "Druk op c om de sessie" not in status  # c cannot work here
        await pilot.press("c")
        await pilot.pause()
        assert "o: bewerken" in notifications(app)[-1]
        await pilot.press("o")  # and it is so: edit, after the question to reopen
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.read_only
        await pilot.press("enter")
        await pilot.pause()
        assert not app.read_only


# -- steps ------------------------------------------------------------------------------


async def test_priorities_move_from_the_reason_field_of_every_card(
    make_app: MakeApp, demo: Session
) -> None:
    app, path = make_app(demo, "priorities")
    before = [p.factor for p in demo.priorities]
    assert len(before) >= 3
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiesScreen)
        reasons = list(screen.query("#chosen Input").results(Input))
        # Its start, not its end, identifies the reason while it is not being edited.
        assert reasons[0].cursor_position == 0 and reasons[0].scroll_offset.x == 0
        reasons[0].focus()
        await pilot.press("ctrl+up")  # the first card cannot go up: said, not silent
        await pilot.pause()
        assert "al bovenaan" in notifications(app)[-1]
        for place in range(len(before) - 1):  # the first card too, not only the lower ones
            reasons = list(screen.query("#chosen Input").results(Input))
            reasons[place].focus()
            await pilot.pause()
            await pilot.press("ctrl+down")
            await pilot.pause()
            order = [p.factor for p in saved(path).priorities]
            assert order[place + 1] == before[0], (place, order)
        assert [p.factor for p in saved(path).priorities] == [*before[1:], before[0]]


async def test_down_in_the_actions_moves_between_actions_only(
    make_app: MakeApp, demo: Session
) -> None:
    demo.priorities = [
        Priority(factor="kwaliteit-van-de-aanpak"),
        Priority(factor="verloedering"),
    ]
    app, _ = make_app(demo, "actions")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        rows = list(screen.query(ActionRow))
        assert {r.factor_id for r in rows} >= {"kwaliteit-van-de-aanpak", "verloedering"}
        for row in rows:
            assert app.focused is row  # never the add button, where a would do nothing
            await pilot.press("down")
            await pilot.pause()
        assert app.focused is rows[-1]  # the last stays
        last_of_first = [r for r in rows if r.factor_id == "kwaliteit-van-de-aanpak"][-1]
        last_of_first.focus()
        await pilot.press("tab")  # the add button is still reachable with Tab
        await pilot.pause()
        assert isinstance(app.focused, AddButton)


async def test_esc_leaves_a_source_field_so_that_n_adds_the_next_source(
    make_app: MakeApp, demo: Session
) -> None:
    demo.sources = [SourceEntry(name="Politiecijfers")]
    app, _ = make_app(demo, "sources")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        await pilot.press("enter")  # from the list into the finding
        await pilot.pause()
        finding = app.focused
        assert isinstance(finding, Input)
        await pilot.press("n")  # a letter while typing
        await pilot.pause()
        assert finding.value.endswith("n") and app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.table
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SourcePicker)


async def test_a_read_only_summary_does_not_promise_that_c_reopens(
    make_app: MakeApp, demo: Session
) -> None:
    demo.status = "completed"
    app, path = make_app(demo, "summary", read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = str(app.screen.query_one("#summary-status", Static).render())
        assert "afgerond" in status and "Druk op c" not in status
        assert "Alleen te bekijken" in status
        await pilot.press("c")
        await pilot.pause()
    assert saved(path).status == "completed"
