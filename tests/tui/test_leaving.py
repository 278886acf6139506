"""Every way out of the wizard, from every kind of field: one session stays one file.

Quitting used to blur the focused field after the session was closed; its save
then found no open file and created a second copy of the session.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from vbwizard.session.lock import lock_path
from vbwizard.session.storage import load_session, session_files

# (step, factor index or None, field selector, keys that type into it)
FIELDS = [
    ("factors", 0, "#notes", "notitie"),  # multi-line text area
    ("factors", 0, "#citizen-view", "bewoners"),  # another text area
    ("factors", 0, "#confidence", "h"),  # a choice row
    ("factors", 0, "#participant-weights", "2 1"),  # one-line input
    ("scope", None, "#title", " nieuw"),  # the title the file was named after
    ("scope", None, "#area", " Zuid"),  # one-line input
    ("priorities", None, None, ""),  # a list, no text field
]


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
@pytest.mark.parametrize(("step", "factor", "selector", "typed"), FIELDS)
async def test_quitting_from_a_field_keeps_one_file_with_the_last_text(
    bank, sessions_dir, saved_session, key, step, factor, selector, typed
):
    session, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(step, bank.factors[factor].id if factor is not None else None)
        await pilot.pause()
        if selector is not None:
            widget = app.screen.query_one(selector)
            widget.focus()
            await pilot.pause()
            await pilot.press("end", *typed)
        await pilot.press(key)
        await pilot.pause()
    assert not app.is_running
    assert session_files(sessions_dir) == [path]  # one session, one file
    assert not lock_path(path).exists()
    saved = load_session(path)
    if selector == "#notes":
        assert saved.factors[bank.factors[0].id].notes == "notitie"
    elif selector == "#citizen-view":
        assert saved.factors[bank.factors[0].id].citizen_view == "bewoners"
    elif selector == "#confidence":
        assert saved.factors[bank.factors[0].id].confidence == "high"
    elif selector == "#title":
        assert saved.scope.title == "Wijk Oost nieuw"
    elif selector == "#area":
        assert saved.scope.area == "Oost Zuid"


async def test_q_from_the_grid_keeps_one_file(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert session_files(sessions_dir) == [path]


async def test_a_new_session_quit_while_typing_its_title_is_one_file(bank, sessions_dir):
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Wijk Noord", "tab", *"Noord")  # title, then the area
        await pilot.pause()
        [path] = session_files(sessions_dir)
        await pilot.press(*" en Oost", "ctrl+q")
        await pilot.pause()
    assert session_files(sessions_dir) == [path]
    assert load_session(path).scope.area == "Noord en Oost"


async def test_going_home_from_a_text_field_keeps_one_file(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#notes").focus()
        await pilot.press(*"laatste woord")
        app.go_home()
        await pilot.pause()
        await pilot.pause()
    assert session_files(sessions_dir) == [path]
    assert load_session(path).factors[bank.factors[0].id].notes == "laatste woord"
