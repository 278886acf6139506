"""Where do we disagree? The ≠ mark on the grid and the list one key away."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import SIZE, MakeApp, oost_self_assessment
from vbwizard.bank import Bank
from vbwizard.merge import merge_sessions
from vbwizard.participants import named
from vbwizard.session.models import Session, Weight
from vbwizard.tui.screens.disagreements import DisagreementRow, DisagreementsScreen
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.grid import GridScreen
from vbwizard.tui.widgets.factor_grid import FactorCell


def _merged(bank: Bank) -> Session:
    agree: dict[str, Weight] = {f.id: 2 for f in bank.factors}
    people = [
        ("Anna", {**agree, "verloedering": 0, "communicatie": "unknown"}),
        ("Bram", {**agree, "verloedering": 3}),
        ("Cem", {**agree, "verloedering": 1}),
    ]
    return merge_sessions(bank, [oost_self_assessment(bank, name, w) for name, w in people])


def _cell(grid: GridScreen, factor_id: str) -> str:
    return str(grid.query_one(f"#cell-{factor_id}", FactorCell).render())


async def test_the_grid_of_a_merge_marks_spread_and_question_marks(
    make_app: MakeApp, bank: Bank
) -> None:
    app, _ = make_app(_merged(bank), "factors")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen
        assert isinstance(grid, GridScreen)
        assert "≠" in _cell(grid, "verloedering")  # 0, 3 and 1: no group weight yet
        assert "≠" in _cell(grid, "communicatie")  # Anna said ?
        assert "≠" not in _cell(grid, "vertrouwenwekkend-toezicht")  # all said 2


async def test_where_we_disagree_is_one_key_away_in_a_group_session(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "factors")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # a factor page, in the first question
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        app.screen.query_one("#participant-weights", Input).focus()
        await pilot.press("ctrl+r")  # even from a text field
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DisagreementsScreen)
        rows = list(screen.query(DisagreementRow))
        texts = [str(r.render()) for r in rows]
        # Widest spread first, with who said what.
        spreads = [
            max(demo.factors[r.factor_id].participant_weights.values())
            - min(demo.factors[r.factor_id].participant_weights.values())
            for r in rows
        ]
        assert spreads == sorted(spreads, reverse=True) and spreads[0] >= 2
        first = demo.factors[rows[0].factor_id]
        for name, weight in named(first.participant_weights, demo).items():  # names, not ids
            assert f"{name}: {weight}" in texts[0]
        assert texts[0].startswith("≠")
        assert app.focused is rows[0]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        assert app.screen.factor_id == rows[1].factor_id


async def test_a_self_assessment_offers_no_disagreement_list(make_app: MakeApp, bank: Bank) -> None:
    app, _ = make_app(oost_self_assessment(bank, "Anna", {"verloedering": 2}), "factors")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)


def test_one_threshold_for_disagreement() -> None:
    # The merge statistics and the factor page's spread line use vbwizard.spread now.
    import vbwizard.disagreement as disagreement
    import vbwizard.spread as spread
    from vbwizard.session import models

    assert spread.DISAGREEMENT is models.DISAGREEMENT is disagreement.DISAGREEMENT
