"""A completed session (often a baseline) never changes by accident."""

from __future__ import annotations

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from vbwizard.session.models import Progress
from vbwizard.session.storage import load_session, save_session
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.factor import FactorScreen


def _completed(bank, sessions_dir):
    from vbwizard.session.create import new_session

    session = new_session(bank, title="Nulmeting", area="Oost")
    session.status = "completed"
    session.progress = Progress(step="factors")
    return save_session(session, sessions_dir)


async def test_opening_a_completed_session_asks_and_viewing_changes_nothing(bank, sessions_dir):
    path = _completed(bank, sessions_dir)
    before = path.read_bytes()
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "afgerond" in app.screen.question
        await pilot.press("escape")  # "Alleen bekijken"
        await pilot.pause()
        assert "AFGEROND" in app.sub_title
        await pilot.press("enter")  # factor 1
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        await pilot.press("3", "j")  # a weight and an answer: refused
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert path.read_bytes() == before
    saved = load_session(path)
    assert saved.status == "completed" and not saved.factors


async def test_reopening_is_explicit_and_visible(bank, sessions_dir):
    path = _completed(bank, sessions_dir)
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "Heropenen"
        await pilot.pause()
        assert load_session(path).status == "in_progress"  # in the file at once
        assert app.sub_title.startswith("Opgeslagen")
        await pilot.press("enter", "3")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = load_session(path)
    assert saved.status == "in_progress"
    assert saved.factors[bank.factors[0].id].weight == 3


async def test_completing_in_the_summary_then_c_reopens(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.goto("summary")
        await pilot.pause()
        await pilot.press("c", "enter")  # mark completed, confirm
        await pilot.pause()
        assert load_session(path).status == "completed"
        assert app.read_only and "AFGEROND" in app.sub_title
        status = str(app.screen.query_one("#summary-status").render())
        assert "c om de sessie te heropenen" in status  # and it is so:
        await pilot.press("c", "enter")  # reopen, confirm
        await pilot.pause()
        assert load_session(path).status == "in_progress"
        assert not app.read_only
