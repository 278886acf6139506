"""Forms built from field specs, driven with real keys: dates, required text, typed choices."""

from __future__ import annotations

import datetime as dt

from textual.screen import Screen
from textual.widgets import Input, Static

from tests.tui.conftest import MakeApp
from tests.tui.helpers import saved, type_text
from vbwizard.session.models import PlannedAction, Priority, Session, SourceEntry
from vbwizard.tui.screens.action_editor import ActionEditor
from vbwizard.tui.screens.actions import ActionRow, ActionsScreen

QUALITY = "kwaliteit-van-de-aanpak"
ORDER = "De einddatum ligt vóór de startdatum."


def _error_beside(screen: Screen[object], input_id: str) -> str:
    field = screen.query_one(f"#{input_id}").parent
    assert field is not None
    error = field.query_one(".field-error", Static)
    return str(error.render()) if error.display else ""


async def _retype(pilot: object, text: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def test_a_start_moved_past_the_end_is_said_beside_the_end_and_nothing_is_lost(
    make_app: MakeApp, demo: Session
) -> None:
    demo.priorities = [Priority(factor=QUALITY, reason="Regie")]
    demo.actions = [
        PlannedAction(
            id="actie-1",
            factor=QUALITY,
            title="Regisseur aanstellen",
            start=dt.date(2026, 3, 1),
            end=dt.date(2026, 6, 30),
        )
    ]
    app, path = make_app(demo, "actions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = next(r for r in app.screen.query(ActionRow) if r.planned is not None)
        row.focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        await pilot.press("tab", "tab", "tab")  # description, owner, start
        await _retype(pilot, "1-8-2026")  # after the end date, 30-6-2026
        assert editor.query_one("#action-start", Input).value == "1-8-2026"
        assert _error_beside(editor, "action-start") == ""
        assert _error_beside(editor, "action-end") == ORDER
        assert editor.query_one("#action-end", Input).has_class("-invalid")

        await pilot.press("ctrl+s")  # refused, and the end date gets the focus
        await pilot.pause()
        assert app.screen is editor
        assert isinstance(app.focused, Input) and app.focused.id == "action-end"

        # Moving the end past the new start: both dates are taken together.
        await _retype(pilot, "31-12-2026")
        assert _error_beside(editor, "action-end") == ""
        assert editor.query_one("#action-start", Input).value == "1-8-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        action = saved(path).actions[0]
        assert (action.start, action.end) == (dt.date(2026, 8, 1), dt.date(2026, 12, 31))


async def test_a_wrong_date_in_the_smart_goal_shows_the_dutch_message_and_keeps_the_old_date(
    make_app: MakeApp, demo: Session
) -> None:
    before = demo.goal.smart.deadline if demo.goal.smart else None  # 31-12-2027
    app, path = make_app(demo, "goal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert before is not None
        app.screen.query_one("#smart-deadline").focus()
        await pilot.press("end")
        await type_text(pilot, "7")  # 31-12-20277: a typo that is not a date
        assert _error_beside(app.screen, "smart-deadline") == (
            "‘31-12-20277’ is geen geldige datum; gebruik bijvoorbeeld 1-3-2026 of 2026-03-01"
        )
        await pilot.press("tab")  # leaving saves what is valid, not the wrong date
        await pilot.pause()
        smart = saved(path).goal.smart
        assert smart is not None and smart.deadline == before
        app.screen.query_one("#smart-deadline").focus()
        await _retype(pilot, "30-6-2027")
        assert _error_beside(app.screen, "smart-deadline") == ""
        await pilot.press("tab")
        await pilot.pause()
        smart = saved(path).goal.smart
        assert smart is not None and smart.deadline == dt.date(2027, 6, 30)


async def test_a_blank_source_name_is_refused_and_the_old_name_stays(
    make_app: MakeApp, demo: Session
) -> None:
    demo.sources = [SourceEntry(name="Schouw", status="planned")]
    app, path = make_app(demo, "sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        name = app.screen.query("#source-form Input").first(Input)
        name.focus()
        await _retype(pilot, "   ")
        field = name.parent
        assert field is not None
        error = field.query_one(".field-error", Static)
        assert error.display and str(error.render()) == "Een bron heeft een naam nodig."
        await pilot.press("tab")
        await pilot.pause()
        assert saved(path).sources[0].name == "Schouw"


async def test_a_blank_title_is_applied_and_the_step_says_it_is_required(
    make_app: MakeApp, demo: Session
) -> None:
    app, path = make_app(demo, "scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "title"
        await _retype(pilot, "")
        assert _error_beside(app.screen, "title") == "Een titel is verplicht."
        await pilot.press("pagedown")  # not on to the next step without a title
        await pilot.pause()
        assert app.screen.query("#title")
        await pilot.press("tab")  # leaving the field saves it, blank as it is
        await pilot.pause()
        assert saved(path).scope.title == ""


async def test_typed_choices_store_the_model_values(make_app: MakeApp, demo: Session) -> None:
    factor = demo.factors[QUALITY]
    factor.weight = None
    factor.confidence = None
    app, path = make_app(demo, "factors")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.goto("factors", QUALITY, save=False)
        await pilot.pause()
        await pilot.press("2")  # the weight key works anywhere on the page
        app.screen.query_one("#confidence").focus()
        await pilot.press("h")
        await pilot.pause()
        answer = saved(path).factors[QUALITY]
        assert (answer.weight, answer.confidence) == (2, "high")
