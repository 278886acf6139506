"""Renaming a participant after weights were entered keeps their weights together."""

from __future__ import annotations

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from vbwizard.session.storage import load_session


async def test_renaming_after_weights_keeps_one_participant(bank, sessions_dir, saved_session):
    _, path = saved_session
    first, second = bank.factors[0].id, bank.factors[1].id
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.goto("factors", first)
        await pilot.pause()
        app.screen.query_one("#participant-weights").focus()
        await pilot.press(*"2 3 1 2", "enter")
        app.goto("scope")
        await pilot.pause()
        app.screen.query_one("#participants").focus()
        await pilot.press("ctrl+a", "ctrl+k", *"Anna, Bram (bewoner), Cor, Dina", "tab")
        app.goto("factors", second)
        await pilot.pause()
        spread = app.screen.query_one("#participant-weights")
        spread.focus()
        await pilot.press(*"1 2", "enter")
        await pilot.pause()
        assert "Bram (bewoner): 2" in str(app.screen.query_one("#spread").render())
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = load_session(path)
    assert [(p.id, p.name) for p in saved.scope.participants] == [
        ("p1", "Anna"),
        ("p2", "Bram (bewoner)"),
        ("p3", "Cor"),
        ("p4", "Dina"),
    ]
    assert saved.factors[first].participant_weights["p2"] == 3
    assert saved.factors[second].participant_weights == {"p1": 1, "p2": 2}


async def test_more_weights_than_participants_is_refused_not_a_new_person(
    bank, sessions_dir, saved_session
):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        field = app.screen.query_one("#participant-weights")
        field.focus()
        await pilot.press(*"2 3 1 2 3", "enter")
        await pilot.pause()
        error = str(field.parent.query_one(".field-error").render())
        assert "5 gewichten voor 4 deelnemers" in error
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = load_session(path)
    assert len(saved.scope.participants) == 4
    # The four weights typed before the fifth stay; the fifth made nobody up.
    assert saved.factors[bank.factors[0].id].participant_weights == {
        "p1": 2,
        "p2": 3,
        "p3": 1,
        "p4": 2,
    }


async def test_removing_a_participant_with_weights_is_refused(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#participant-weights").focus()
        await pilot.press(*"2 3", "enter")
        app.goto("scope")
        await pilot.pause()
        field = app.screen.query_one("#participants")
        field.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"Anna, Cor, Dina", "tab")
        await pilot.pause()
        error = str(field.parent.query_one(".field-error").render())
        assert "Bram gaf al gewichten" in error
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert [p.name for p in load_session(path).scope.participants] == [
        "Anna",
        "Bram",
        "Cor",
        "Dina",
    ]


async def test_participants_typed_then_quit_from_the_field_are_kept(
    bank, sessions_dir, saved_session
):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.goto("scope")
        await pilot.pause()
        app.screen.query_one("#participants").focus()
        await pilot.press("end", *", Eva", "ctrl+q")
        await pilot.pause()
    names = [(p.id, p.name) for p in load_session(path).scope.participants]
    assert names[-1] == ("p5", "Eva")
