"""Step 4 of the method's step plan, driven with real keys: goal first, then actions.

The goal step asks what the group wants to achieve before anything else, records
who agreed it and offers SMART as a choice with the method's caveat. The actions
step proposes municipal-level actions beside the per-factor ones, each with its
own reason, and shows the method's pitfalls where actions are chosen.
"""

from __future__ import annotations

from textual.widgets import Static, TextArea

from tests.tui.conftest import MakeApp
from tests.tui.helpers import saved, type_text
from vbwizard.bank import Bank
from vbwizard.proposals import MUNICIPAL
from vbwizard.session.models import FactorAnswer, Goal, Priority, Session
from vbwizard.tui.screens.action_row import ActionRow
from vbwizard.tui.screens.actions import ActionsScreen
from vbwizard.tui.screens.goal import GoalScreen

QUALITY = "kwaliteit-van-de-aanpak"


def _texts(screen: object) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return "\n".join(str(w.render()) for w in screen.query(Static) if w.display)


async def test_goal_first_then_who_agreed_then_smart_as_a_choice(
    make_app: MakeApp, demo: Session, bank: Bank
) -> None:
    demo.goal = Goal()
    app, path = make_app(demo, "goal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GoalScreen)
        # The first question is what we want to achieve, and the cursor is there.
        assert isinstance(app.focused, TextArea) and app.focused.id == "goal-text"
        caveat = bank.manifest.guidance.smart_caveat
        assert caveat and "ten dele" in caveat
        assert caveat.split(".")[0] in _texts(screen)
        # SMART is not pushed: its fields stay hidden until the group chooses it.
        assert not screen.query_one("#smart-fields").display

        await type_text(pilot, "Bewoners durven weer over het plein")
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "goal-agreed-by"
        await type_text(pilot, "gemeente, wijkagent en bewonerscommissie")
        await pilot.press("tab")  # to the SMART choice
        await pilot.press("j")
        await pilot.pause()
        assert screen.query_one("#smart-fields").display
        goal = saved(path).goal
        assert goal.text == "Bewoners durven weer over het plein"
        assert goal.agreed_by == "gemeente, wijkagent en bewonerscommissie"
        assert goal.smart_chosen is True

        await pilot.press("n")  # changing one's mind hides the fields again
        await pilot.pause()
        assert not screen.query_one("#smart-fields").display
        assert saved(path).goal.smart_chosen is False


async def test_agreement_recorded_in_the_old_place_moves_to_the_goal(
    make_app: MakeApp, demo: Session
) -> None:
    assert demo.goal.smart is not None and demo.goal.smart.agreed_by
    old = demo.goal.smart.agreed_by
    demo.goal.agreed_by = None
    app, path = make_app(demo, "goal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "goal-agreed-by"
        assert getattr(app.focused, "value", None) == old
        await pilot.press("end")  # a tabbed-into field has its text selected
        await type_text(pilot, " en de school")
        await pilot.press("tab")
        await pilot.pause()
        goal = saved(path).goal
        assert goal.agreed_by == f"{old} en de school"
        assert goal.smart is not None and goal.smart.agreed_by is None


async def test_municipal_actions_and_pitfalls_in_the_actions_step(
    make_app: MakeApp, demo: Session, bank: Bank
) -> None:
    demo.actions = []
    demo.priorities = [Priority(factor=QUALITY, reason="Vertrouwen herstellen")]
    demo.factors[QUALITY] = FactorAnswer.model_validate(
        {
            "weight": 3,
            "visited": True,
            "sub_answers": {
                "ervaring-optreden": "no",
                "in-de-steek-gelaten": "yes",
                "werkwijze-wekt-vertrouwen": "yes",
                "samenwerking-constructief": "yes",
                "afspraken-nagekomen": "yes",
            },
        }
    )
    app, path = make_app(demo, "actions")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        text = _texts(screen)
        assert "Wat elders werkte, hoeft hier niet te werken" in text
        assert "Vink de Tafel van 12 niet af als checklist" in text

        # The perception gap proposes actions, and the reason names the problem answers.
        rows = list(screen.query(ActionRow))
        per_factor = [r for r in rows if r.factor_id == QUALITY and r.proposal is not None]
        assert [r.proposal.action.id for r in per_factor if r.proposal] == [
            "ervaring-bewoners-toetsen",
            "afspraken-aanscherpen",
        ]
        assert "wijst op een probleem" in str(per_factor[0].render())

        municipal = [r for r in rows if r.factor_id == MUNICIPAL]
        assert [r.proposal.action.id for r in municipal if r.proposal] == [
            a.id for a in bank.manifest.municipal_actions
        ]
        first = municipal[0]
        assert first.proposal is not None
        assert first.proposal.why in str(first.render())

        first.focus()
        await pilot.press("a")  # accept: anchor the priorities in the IVP
        await pilot.pause()
        (accepted,) = saved(path).actions
        assert (accepted.factor, accepted.bank_action, accepted.status) == (
            MUNICIPAL,
            "verankeren-in-ivp",
            "accepted",
        )
        await pilot.press("down", "r")  # reject the next one: saved, stays visible
        await pilot.pause()
        rejected = saved(path).actions[1]
        assert (rejected.bank_action, rejected.status) == ("werkhouding-medewerkers", "rejected")


async def test_no_municipal_actions_without_priorities(make_app: MakeApp, demo: Session) -> None:
    demo.actions = []
    demo.priorities = []
    app, _ = make_app(demo, "actions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#municipal-section")
