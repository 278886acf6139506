"""Steps 5 and 6 driven with real keys: the 3–5 rule, the order, the goal's date."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static

from tests.tui.conftest import MakeApp
from tests.tui.helpers import saved, type_text
from vbwizard.session.models import Priority, Session
from vbwizard.tui.screens.goal import GoalScreen
from vbwizard.tui.screens.priorities import PrioritiesScreen

QUALITY = "kwaliteit-van-de-aanpak"
NUISANCE = "signaalcriminaliteit-en-overlast"  # ranked first in the demo


async def test_too_few_priorities_need_a_reason(make_app: MakeApp, demo: Session) -> None:
    demo.priorities = [Priority(factor=QUALITY, reason="Voorwaarde voor de rest")]
    app, path = make_app(demo, "priorities")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiesScreen)
        assert screen.query_one("#override").display  # the warning is visible at once

        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen is screen  # blocked
        assert isinstance(app.focused, Input) and app.focused.id == "override-reason"

        await type_text(pilot, "Eerst de regie op orde")
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        on_disk = saved(path)
        assert on_disk.priority_override == "Eerst de regie op orde"
        assert on_disk.priority_ids == [QUALITY]
        assert on_disk.progress.step == "goal"


async def test_back_in_range_clears_the_override(make_app: MakeApp, demo: Session) -> None:
    demo.priorities = [Priority(factor=QUALITY)]
    demo.priority_override = "Bewust smal"
    app, path = make_app(demo, "priorities")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The ranking has the focus; rows 1 and 3 are not chosen yet (2 is QUALITY).
        await pilot.press("space", "down", "down", "enter")
        await pilot.pause()
        on_disk = saved(path)
        assert len(on_disk.priorities) == 3
        assert on_disk.priority_override is None
        assert not app.screen.query_one("#override").display


async def test_toggle_and_reorder_are_saved_in_order(make_app: MakeApp, demo: Session) -> None:
    app, path = make_app(demo, "priorities")
    before = demo.priority_ids
    assert before.index(NUISANCE) == 1
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The cursor is on the first-ranked factor, which is second in the order.
        await pilot.press("ctrl+up")
        await pilot.pause()
        order = saved(path).priority_ids
        assert order[:2] == [NUISANCE, QUALITY]
        title = app.screen.query("PriorityCard .priority-title").first(Static)
        assert str(title.render()).startswith("1e prioriteit · 1. Signaalcriminaliteit")

        await pilot.press("minus")  # later again, with the other key
        await pilot.pause()
        assert saved(path).priority_ids == before

        await pilot.press("space")  # drop it
        await pilot.pause()
        assert NUISANCE not in saved(path).priority_ids
        assert len(saved(path).priorities) == 3


async def test_goal_deadline_wrong_then_right(make_app: MakeApp, demo: Session) -> None:
    demo.goal.smart = None
    demo.goal.smart_chosen = True  # the SMART fields show only when chosen
    app, path = make_app(demo, "goal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        await pilot.press("shift+tab")  # round to the last field: the deadline
        assert isinstance(app.focused, Input) and app.focused.id == "smart-deadline"
        await type_text(pilot, "31-13-2027")
        field = app.screen.query_one("#smart-deadline").parent
        assert field is not None
        error = field.query_one(".field-error", Static)
        assert error.display and "geen geldige datum" in str(error.render())
        await pilot.press("tab")  # leaving with a wrong date neither crashes nor traps
        await pilot.pause()
        assert saved(path).goal.smart is None

        await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "2027-12-31")
        assert not error.display
        await pilot.press("tab")
        await pilot.pause()
        smart = saved(path).goal.smart
        assert smart is not None and smart.deadline == dt.date(2027, 12, 31)

        await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "1-6-2027")
        await pilot.press("pageup")
        await pilot.pause()
        smart = saved(path).goal.smart
        assert smart is not None and smart.deadline == dt.date(2027, 6, 1)


async def test_an_unknown_weight_reads_onbekend_as_everywhere(
    make_app: MakeApp, demo: Session
) -> None:
    # One word per concept: the grid, the reports and the exports say "onbekend".
    demo.answer("verloedering").weight = "unknown"
    app, _path = make_app(demo, "priorities")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrioritiesScreen)
        table = screen.ranking
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        (row,) = [r for r in rows if r[1] == "2. Verloedering"]
        assert row[2] == "onbekend"
        assert not any("n.b." in cell for r in rows for cell in r)
