"""Follow-up sessions and the comparison with their baseline, from the review screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Static

from tests.tui.conftest import FOLLOWUP_ID, SIZE
from tests.tui.factory import notifications
from tests.tui.helpers import go_to, open_review, titles
from vbwizard.bank import Bank
from vbwizard.demo import DEMO_ID, demo_session
from vbwizard.session.storage import load_session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.compare import CompareScreen
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.grid import GridScreen


async def test_followup_is_linked_copies_the_scope_and_shows_baseline_weights(
    app: VbWizardApp, folder: Path, bank: Bank
) -> None:
    before = {p.name for p in folder.glob("*.toml")}
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        (new_file,) = {p.name for p in folder.glob("*.toml")} - before
        followup = load_session(folder / new_file)
        demo = demo_session(bank)
        assert followup.links.followup_of == DEMO_ID
        assert followup.scope.title == "Veiligheidsbeleving De Horst — vervolg"
        assert followup.scope.area == demo.scope.area
        assert followup.scope.participants == demo.scope.participants
        assert followup.scope.date == dt.date.today()
        assert (followup.mode, followup.status) == (demo.mode, "in_progress")
        assert followup.progress.step == "factors"
        assert not any(a.weight is not None for a in followup.factors.values())

        await pilot.press("enter")  # the grid's first factor
        await pilot.pause()
        page = app.screen
        assert isinstance(page, FactorScreen)
        expected = demo.factors[page.factor_id].weight
        line = str(page.query_one("#baseline-weight", Static).render())
        assert line == f"Nulmeting (2025-11-20): gewicht {expected}"
        await pilot.press("pagedown")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, FactorScreen)
        line = str(page.query_one("#baseline-weight", Static).render())
        assert line.endswith(f"gewicht {demo.factors[page.factor_id].weight}")


async def test_compare_a_recorded_followup_shows_up_down_and_same(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Vervolgmeting")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        table = compare.query_one("#compare-factors", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["1. Signaalcriminaliteit en -overlast", "3", "2", "↓ lichter"]
        assert ["5. Sociale kwaliteit", "2", "3", "↑ zwaarder"] in rows
        assert ["3. Onbekende anderen", "1", "1", "= gelijk"] in rows
        priorities = str(compare.query_one("#compare-priorities", Static).render())
        assert "Nieuw: 5. Sociale kwaliteit" in priorities
        actions = str(compare.query_one("#compare-actions", Static).render())
        assert "uitgevoerd" in actions
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_compare_a_marked_baseline_with_any_session(app: VbWizardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("c")  # no baseline recorded or marked: explained
        await pilot.pause()
        assert app.screen is screen
        assert "Markeer eerst de nulmeting" in notifications(app)[-1]
        await go_to(pilot, screen, "Vervolgmeting")
        await pilot.press("m")
        assert "◆ Vervolgmeting De Horst" in titles(screen)
        assert "nulmeting: vervolg-de-horst-2026" in str(
            screen.query_one("#review-status", Static).render()
        )
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.base.id == FOLLOWUP_ID and compare.followup.id == DEMO_ID
        heading = str(compare.query_one("#compare-heading", Static).render())
        assert "niet vastgelegd als vervolg" in heading
