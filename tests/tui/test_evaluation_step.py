"""The Evaluatie step of a follow-up, driven with real keys at 80×24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.tui.conftest import SIZE
from tests.tui.helpers import go_to, open_review, type_text
from vbwizard.demo import DEMO_ID
from vbwizard.session.storage import load_session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.evaluation import EvaluationScreen
from vbwizard.tui.screens.grid import GridScreen


@pytest.mark.long
async def test_evaluate_three_baseline_actions_and_find_every_value_saved(
    demo_app: VbWizardApp, demo_folder: Path
) -> None:
    app = demo_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        await pilot.press("ctrl+p")  # the command palette offers step 9 in a follow-up
        await type_text(pilot, "stap 9 evaluatie")
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, EvaluationScreen)
        bar = str(page.query_one(".step-bar").render())
        assert "9" in bar and "Evaluatie" in bar
        answers = [
            (
                "u",
                "Sneller teruggekoppeld",
                "82%",
                "1-3-2026",
                "Meldingensysteem",
                "n",
                "Minder herhaalmeldingen",
                "Meer meldingen",
                "v",
            ),
            (
                "d",
                "Pas in juni gestart",
                "60% kent de regisseur",
                "15-3-2026",
                "Bewonerspanel",
                "j",
                "Bewoners weten de weg",
                "",
                "a",
            ),
            ("n", "", "", "", "", "", "", "", "s"),
        ]
        for (
            done,
            differently,
            measured,
            date,
            source,
            independent,
            effect,
            side,
            decision,
        ) in answers:
            await pilot.press(done)
            await pilot.press("tab")
            await type_text(pilot, differently)
            await pilot.press("tab")
            await type_text(pilot, measured)
            await pilot.press("tab")
            await type_text(pilot, date)
            await pilot.press("tab")
            await type_text(pilot, source)
            await pilot.press("tab")
            if independent:
                await pilot.press(independent)
            await pilot.press("tab")
            await type_text(pilot, effect)
            await pilot.press("tab")
            await type_text(pilot, side)
            await pilot.press("tab")
            await pilot.press(decision)
            await pilot.press("tab")
            await pilot.pause()
        intro = str(page.query_one("#evaluation-intro").render())
        assert "3 van 6 geëvalueerd" in intro
        page.query_one("#eval-goal-measured").focus()
        await type_text(pilot, "14% (2026)")
        page.query_one("#eval-process").focus()
        await type_text(pilot, "Goede samenwerking met de corporatie")
        page.query_one("#eval-conclusion").focus()
        await pilot.press("b")
        await pilot.press("ctrl+s")
        await pilot.pause()
        path = app.controller.path if app.controller else None
    assert path is not None
    followup = load_session(path)
    assert followup.links.followup_of == DEMO_ID
    evaluation = followup.evaluation
    assert evaluation is not None
    first, second, third = evaluation.actions[:3]
    assert (first.action, first.done, first.differently) == (
        "actie-1",
        "done",
        "Sneller teruggekoppeld",
    )
    assert (first.measured, first.measured_on, first.source) == (
        "82%",
        dt.date(2026, 3, 1),
        "Meldingensysteem",
    )
    assert (first.independent, first.effect, first.side_effects, first.decision) == (
        False,
        "Minder herhaalmeldingen",
        "Meer meldingen",
        "continue",
    )
    assert (second.done, second.measured, second.measured_on) == (
        "partly",
        "60% kent de regisseur",
        dt.date(2026, 3, 15),
    )
    assert (second.independent, second.effect, second.decision) == (
        True,
        "Bewoners weten de weg",
        "adjust",
    )
    assert second.side_effects is None
    assert (third.done, third.decision, third.measured) == ("not", "stop", None)
    assert not any(a.evaluated for a in evaluation.actions[3:])
    assert evaluation.goal is not None and evaluation.goal.measured == "14% (2026)"
    assert evaluation.goal.target == "12% of lager"
    assert evaluation.process_notes == "Goede samenwerking met de corporatie"
    assert evaluation.conclusion == "consolidate"


async def test_step_9_follows_the_summary_only_in_a_followup(
    demo_app: VbWizardApp, demo_folder: Path
) -> None:
    from vbwizard.tui.screens.summary import SummaryScreen

    app = demo_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("o")  # the baseline itself: eight steps
        await pilot.pause()
        await pilot.press("escape")  # completed: only view it
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        bar = str(app.screen.query_one(".step-bar").render())
        assert " 9" not in bar  # Evaluatie is a phase name here, without a step of its own
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "stap 9 evaluatie")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EvaluationScreen)


async def test_pagedown_from_the_summary_of_a_followup_opens_step_9(
    demo_app: VbWizardApp, demo_folder: Path
) -> None:
    from vbwizard.tui.screens.summary import SummaryScreen

    app = demo_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Veiligheidsbeleving")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "stap 8 samenvatting")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        await pilot.press("pageup")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
