"""Global keys work in every kind of field; q never ends a session; F1 gives focus back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.tui.conftest import SIZE, MakeApp
from tests.tui.factory import notifications
from tests.tui.helpers import saved
from vbwizard.session.models import Session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.dialogs import InputDialog
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.grid import GridScreen
from vbwizard.tui.screens.start import StartScreen
from vbwizard.tui.widgets.choice_row import ChoiceRow

QUALITY = "kwaliteit-van-de-aanpak"  # factor 9

# The three kinds of field on a factor page of a group session.
FIELDS = {
    "single-line": "#participant-weights",
    "multi-line": "#notes",
    "choice row": "#weight",
}


async def _factor_page(pilot: Pilot[None], app: VbWizardApp, field: str) -> None:
    await pilot.pause()
    assert isinstance(app.screen, FactorScreen)
    app.screen.query_one(field).focus()
    await pilot.pause()


def _factor_number(app: VbWizardApp) -> int:
    screen = app.screen
    assert isinstance(screen, FactorScreen)
    return screen.factor.number


Check = Callable[[VbWizardApp], Awaitable[None] | None]


def _saved_notice(app: VbWizardApp) -> None:
    assert "Opgeslagen." in notifications(app)


def _asks_for_folder(app: VbWizardApp) -> None:
    assert isinstance(app.screen, InputDialog)


def _on_grid(app: VbWizardApp) -> None:
    assert isinstance(app.screen, GridScreen)


def _next_factor(app: VbWizardApp) -> None:
    assert _factor_number(app) == 10


def _previous_factor(app: VbWizardApp) -> None:
    assert _factor_number(app) == 8


def _help_shown(app: VbWizardApp) -> None:
    assert app.screen.query_one("#factor-help").display


def _palette(app: VbWizardApp) -> None:
    assert isinstance(app.screen, CommandPalette)


def _on_start(app: VbWizardApp) -> None:
    assert isinstance(app.screen, StartScreen)


GLOBAL_KEYS = {
    "ctrl+s": _saved_notice,
    "ctrl+e": _asks_for_folder,
    "ctrl+g": _on_grid,
    "ctrl+t": lambda app: None,  # checked below: the theme changes
    "pagedown": _next_factor,
    "pageup": _previous_factor,
    "f1": _help_shown,
    "ctrl+p": _palette,
    "ctrl+o": _on_start,
}


@pytest.mark.long
@pytest.mark.parametrize("field", FIELDS.values(), ids=FIELDS.keys())
async def test_every_global_key_works_inside_every_kind_of_field(
    make_app: MakeApp, demo: Session, field: str
) -> None:
    app, _ = make_app(demo, "factors")
    assert demo.mode == "group"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, check in GLOBAL_KEYS.items():  # ctrl+o last: it closes the session
            if not isinstance(app.screen, FactorScreen) or app.screen.factor_id != QUALITY:
                if app.screen.is_modal:
                    await pilot.press("escape")  # a dialog or the palette from the last key
                    await pilot.pause()
                app.goto("factors", QUALITY, save=False)
            await _factor_page(pilot, app, field)
            theme_before = app.theme
            await pilot.press(key)
            await pilot.pause()
            if key == "ctrl+t":
                assert app.theme != theme_before, field
            else:
                check(app)
            if key == "f1":
                await pilot.press("f1")
                await pilot.pause()


async def test_q_types_or_does_nothing_on_a_step_but_quits_on_the_start_screen(
    make_app: MakeApp, demo: Session
) -> None:
    app, path = make_app(demo, "factors")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        await pilot.press("enter")  # the first factor page, on its first question
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        await pilot.press("q")  # one key beside w (weet niet)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, FactorScreen)
        await pilot.press("escape", "q")  # nor on the grid
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, GridScreen)
        await pilot.press("ctrl+o")  # the visible way back to the start screen
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert saved(path).progress.step == "factors"


async def test_after_help_closes_the_next_answer_key_works(
    make_app: MakeApp, demo: Session
) -> None:
    demo.factors[QUALITY].weight = None
    app, path = make_app(demo, "factors")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.goto("factors", QUALITY, save=False)
        await pilot.pause()
        weight = app.screen.query_one("#weight", ChoiceRow)
        weight.focus()
        await pilot.press("f1")  # at 80 columns the help takes the whole width
        await pilot.pause()
        assert not app.screen.query_one("#factor-main").display
        await pilot.press("f1")
        await pilot.pause()
        assert app.focused is weight
        await pilot.press("2")
        await pilot.pause()
    assert saved(path).factors[QUALITY].weight == 2


async def test_ctrl_e_in_a_text_field_saves_elsewhere_not_moves_the_cursor(
    make_app: MakeApp, demo: Session, tmp_path
) -> None:
    app, _ = make_app(demo, "factors")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.goto("factors", QUALITY, save=False)
        await _factor_page(pilot, app, "#notes")
        notes = app.focused
        assert isinstance(notes, TextArea)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, InputDialog)
        field = dialog.query_one(Input)
        field.value = str(tmp_path / "elders")
        (tmp_path / "elders").mkdir()
        await pilot.press("ctrl+e")  # again inside the dialog: no second dialog on top
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("enter")
        await pilot.pause()
    assert list((tmp_path / "elders").glob("*.toml"))


async def test_on_a_wide_screen_f1_leaves_the_focus_where_it_is(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "factors")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.goto("factors", QUALITY, save=False)
        await pilot.pause()
        assert app.screen.query_one("#factor-help").display  # shown beside the questions
        confidence = app.screen.query_one("#confidence", ChoiceRow)
        confidence.focus()
        await pilot.press("f1", "f1")  # hide and show again
        await pilot.pause()
        assert app.focused is confidence
