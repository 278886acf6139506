"""The review screen's chain view, and a follow-up opened after its baseline was deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from tests.tui.helpers import go_to, open_review, type_text
from vbwizard.bank import Bank
from vbwizard.demo import DEMO_ID
from vbwizard.session.storage import load_session
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.evaluation import EvaluationScreen
from vbwizard.tui.screens.review import ReviewScreen
from vbwizard.tui.screens.trend import TrendScreen
from vbwizard.tui.widgets.choice_row import ChoiceRow


async def test_the_chain_of_a_selected_session_with_a_chart_per_factor(
    bank: Bank, chain_folder: Path
) -> None:
    app = wizard(bank, chain_folder)
    async with app.run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        await go_to(pilot, review, "derde ronde")
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrendScreen)
        rounds = str(screen.query_one("#trend-rounds", Static).render())
        assert "Ronde 1: Veiligheidsbeleving De Horst (2025-11-20, afgerond)" in rounds
        assert "Ronde 3: De Horst, derde ronde (2027-03-01, bezig)" in rounds
        table = screen.query_one("#trend-factors", DataTable)
        rows = {
            str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)]
            for i in range(table.row_count)
        }
        assert rows["1. Signaalcriminaliteit en -overlast"][1:] == [
            "█▅▃",
            "3",
            "2",
            "1",
            "↓ lichter",
        ]
        assert rows["5. Sociale kwaliteit"][1:] == ["▅██", "2", "3", "3", "↑ zwaarder"]
        results = str(screen.query_one("#trend-results", Static).render())
        assert (
            "Convenant De Horst: uitgevoerd · gemeten: 70% binnen 5 dagen · voortzetten" in results
        )
        assert "Wijkregisseur De Horst: deels uitgevoerd" in results
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


@pytest.mark.parametrize("damage", ["deleted", "unreadable"])
async def test_a_followup_whose_baseline_is_gone_can_still_be_evaluated(
    bank: Bank, chain_folder: Path, damage: str
) -> None:
    baseline = chain_folder / f"{DEMO_ID}.toml"
    if damage == "deleted":
        baseline.unlink()
    else:
        baseline.write_bytes(b"\xff\xfe niet te lezen")
    app = wizard(bank, chain_folder)
    async with app.run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        await go_to(pilot, review, "De Horst — vervolg")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # completed: reopen it to evaluate
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "stap 9 evaluatie")
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, EvaluationScreen)
        assert page.query_one("#eval-1-done", ChoiceRow).value == "done"
        assert "1 van 6 geëvalueerd" in str(page.query_one("#evaluation-intro").render())
        page.query_one("#eval-2-done").focus()
        await pilot.press("w")
        await pilot.pause()
        assert "2 van 6 geëvalueerd" in str(page.query_one("#evaluation-intro").render())
        await pilot.press("ctrl+g")  # the factor page says the baseline is missing
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        line = str(app.screen.query_one("#baseline-weight", Static).render())
        assert line == f"Nulmeting ‘{DEMO_ID}’ niet gevonden of onleesbaar."
        assert app.session is not None and app.session.evaluation is not None
        assert app.session.evaluation.actions[1].done == "unknown"
    saved = load_session(chain_folder / "vervolg-2026.toml")
    assert saved.evaluation is not None and saved.evaluation.actions[1].done == "unknown"
