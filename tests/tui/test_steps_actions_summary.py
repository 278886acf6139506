"""Steps 7 and 8 driven with real keys: the action plan, and completing the session."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static

from tests.tui.conftest import MakeApp
from tests.tui.helpers import saved, type_text
from vbwizard.proposals import MUNICIPAL
from vbwizard.session.models import PlannedAction, Priority, Session
from vbwizard.tui.screens.action_editor import ActionEditor
from vbwizard.tui.screens.actions import ActionRow, ActionsScreen
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.export_dialog import ExportDialog
from vbwizard.tui.screens.summary import SummaryScreen

QUALITY = "kwaliteit-van-de-aanpak"


def _error_beside(app_screen: object, input_id: str) -> str:
    from textual.screen import Screen

    assert isinstance(app_screen, Screen)
    field = app_screen.query_one(f"#{input_id}").parent
    assert field is not None
    error = field.query_one(".field-error", Static)
    return str(error.render()) if error.display else ""


async def test_accept_reject_edit_and_add_own(make_app: MakeApp, demo: Session) -> None:
    demo.actions = []
    demo.priorities = [Priority(factor=QUALITY, reason="Regie")]
    app, path = make_app(demo, "actions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        first = app.focused
        assert isinstance(first, ActionRow) and first.proposal is not None
        assert "Voorgesteld omdat de factor hier gewicht 3 heeft" in str(first.render())

        await pilot.press("a")  # accept the first proposal
        await pilot.pause()
        (accepted,) = saved(path).actions
        assert (accepted.id, accepted.status, accepted.bank_action) == (
            "actie-1",
            "accepted",
            first.proposal.action.id,
        )
        # The row says what the plan still needs, by the same rule as the open points.
        assert (
            "Nog invullen (Enter): eigenaar, startdatum, einddatum, verwacht effect, indicator"
            in str(first.render())
        )

        await pilot.press("down", "r")  # reject the second: saved, and shown dimmed
        await pilot.pause()
        second = app.focused
        assert isinstance(second, ActionRow) and second.has_class("-rejected")
        rejected = saved(path).actions[1]
        assert (rejected.id, rejected.status) == ("actie-2", "rejected")

        # Edit the accepted one: owner and both date formats, with a wrong date first.
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionEditor)
        await pilot.press("tab", "tab")  # description, owner
        await type_text(pilot, "Gemeente")
        await pilot.press("tab")
        await type_text(pilot, "32-1-2026")
        assert "geen geldige datum" in _error_beside(app.screen, "action-start")
        await pilot.press("ctrl+s")  # refused while a date is wrong
        await pilot.pause()
        assert isinstance(app.screen, ActionEditor)
        assert isinstance(app.focused, Input) and app.focused.id == "action-start"
        await pilot.press("ctrl+u")
        await type_text(pilot, "1-3-2026")
        assert _error_beside(app.screen, "action-start") == ""
        await pilot.press("tab")
        await type_text(pilot, "2026-02-01")
        assert "vóór de startdatum" in _error_beside(app.screen, "action-end")
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-06-30")
        assert _error_beside(app.screen, "action-end") == ""
        await pilot.press("tab", "tab", "tab")  # effect, indicator, buikpijn row
        await pilot.press("j")
        await pilot.pause()
        assert "pinpointcommunicatie" in str(app.screen.query_one("#buikpijn-advice").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        edited = saved(path).actions[0]
        assert edited.owner == "Gemeente"
        assert (edited.start, edited.end) == (dt.date(2026, 3, 1), dt.date(2026, 6, 30))
        assert edited.buikpijn == "yes" and edited.status == "accepted"
        assert "Eigenaar: Gemeente" in str(app.focused.render() if app.focused else "")

        # An own action: n, a title, save.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionEditor)
        await pilot.press("ctrl+s")  # no title yet: refused
        await pilot.pause()
        assert isinstance(app.screen, ActionEditor)
        await type_text(pilot, "Schouw")
        await pilot.press("ctrl+s")
        await pilot.pause()
        own = saved(path).actions[-1]
        assert (own.id, own.title, own.bank_action, own.factor) == (
            "actie-3",
            "Schouw",
            None,
            QUALITY,
        )
        assert isinstance(app.focused, ActionRow) and app.focused.planned is not None
        assert app.focused.planned.id == "actie-3"


async def test_reopening_shows_rejected_dimmed(make_app: MakeApp, demo: Session) -> None:
    demo.actions = []
    demo.priorities = [Priority(factor=QUALITY)]
    app, path = make_app(demo, "actions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+q")  # quitting releases the lock
    app2 = type(app)(
        bank=app.bank, sessions_dir=path.parent, session_path=path, handle_signals=False
    )
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = list(app2.screen.query(ActionRow).results(ActionRow))
        assert rows[0].has_class("-rejected")
        assert sum(1 for r in rows if r.planned is None) == len(rows) - 1


async def test_summary_mark_completed_and_reopen(make_app: MakeApp, demo: Session) -> None:
    app, path = make_app(demo, "summary")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        status = app.screen.query_one("#summary-status", Static)
        assert "bezig" in str(status.render())
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("j")
        await pilot.pause()
        assert saved(path).status == "completed"
        assert "afgerond" in str(status.render())

        await pilot.press("c", "n")  # asked again, and "nee" changes nothing
        await pilot.pause()
        assert saved(path).status == "completed"
        await pilot.press("c", "j")
        await pilot.pause()
        assert saved(path).status == "in_progress"


async def test_summary_shows_plan_and_open_points(make_app: MakeApp, demo: Session) -> None:
    demo.actions[0].owner = None
    demo.problem.problematic = "no"
    demo.actions.append(
        PlannedAction(id="actie-99", factor=MUNICIPAL, title="Verankeren in het IVP")
    )
    app, _ = make_app(demo, "summary")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plan = str(app.screen.query_one("#summary-plan", Static).render())
        assert "Verankeren in het IVP · Gemeentelijk niveau" in plan
        open_points = str(app.screen.query_one("#summary-open", Static).render())
        assert "mist: eigenaar" in open_points
        assert "Bron ontbreekt: Bewonersenquête" in open_points
        assert "niet problematisch" in open_points
        priorities = str(app.screen.query_one("#summary-priorities", Static).render())
        assert priorities.startswith("1. 9. Kwaliteit van de aanpak")
        await pilot.press("e")  # the report export dialog opens; Esc closes it
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
