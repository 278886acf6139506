"""The wizard by keys: new session, factor answers, navigation, resume, lock, failed saves."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from tests.tui.helpers import last_notification
from tests.tui.terminal import run_in_pty_then_signal
from vbwizard.session import storage
from vbwizard.session.lock import lock_path
from vbwizard.session.storage import SaveError, load_session, session_files
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.grid import GridScreen
from vbwizard.tui.screens.scope import ScopeScreen


async def test_new_session_is_saved_once_it_has_a_title(bank, sessions_dir):
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # "Nieuwe groepssessie"
        assert isinstance(app.screen, ScopeScreen)
        assert session_files(sessions_dir) == []
        await pilot.press(*"Wijk Oost", "tab")
        await pilot.press(*"Oost, Lindendaal", "tab")
        await pilot.pause()
        [path] = session_files(sessions_dir)
        assert "wijk-oost" in path.name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        saved = load_session(path)
        assert (saved.scope.title, saved.scope.area) == ("Wijk Oost", "Oost, Lindendaal")
        assert saved.mode == "group"


async def test_scope_requires_title_and_area_but_never_traps(bank, sessions_dir):
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Alleen titel", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ScopeScreen)  # area missing: stays
        assert app.focused is not None and app.focused.id == "area"
        assert "gebied" in last_notification(app).lower()
        await pilot.press("pageup")  # going back is always possible
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"


async def test_wrong_date_gets_a_message_not_a_crash(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.goto("scope")
        await pilot.pause()
        app.screen.query_one("#date").focus()
        await pilot.press("ctrl+a", "ctrl+k", *"31-2-2026")
        await pilot.pause()
        error = app.screen.query_one("#date").parent.query_one(".field-error")
        assert "geen geldige datum" in str(error.render())
        await pilot.press("ctrl+a", "ctrl+k", *"1-3-2026", "tab")
        await pilot.pause()
        assert load_session(path).scope.date.isoformat() == "2026-03-01"


async def test_factor_answers_by_keys_are_saved(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, GridScreen)
        await pilot.press("enter")  # factor 1
        assert isinstance(app.screen, FactorScreen)
        first = bank.factors[0]
        # j = ja on the first sub-question, tab, n = nee on the second; 3 anywhere = weight.
        await pilot.press("j", "tab", "n", "3")
        await pilot.pause()
        saved = load_session(path).factors[first.id]
        assert saved.visited
        assert saved.weight == 3
        assert saved.sub_answers == {
            first.sub_questions[0].id: "yes",
            first.sub_questions[1].id: "no",
        }
        app.screen.query_one("#confidence").focus()
        await pilot.press("h", "question_mark")
        await pilot.pause()
        saved = load_session(path).factors[first.id]
        assert (saved.confidence, saved.weight) == ("high", "unknown")


async def test_group_weights_show_spread_and_flag_disagreement(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#participant-weights").focus()
        await pilot.press(*"2 3 1 2", "enter")
        await pilot.pause()
        spread = str(app.screen.query_one("#spread").render())
        assert "1–3" in spread and "Verschil van mening" in spread
        saved = load_session(path).factors[bank.factors[0].id]
        assert saved.participant_weights == {"p1": 2, "p2": 3, "p3": 1, "p4": 2}
        app.screen.query_one("#participant-weights").focus()
        await pilot.press("ctrl+a", "ctrl+k", *"2 7")
        await pilot.pause()
        error = app.screen.query_one("#participant-weights").parent.query_one(".field-error")
        assert "geen gewicht" in str(error.render())
        assert load_session(path).factors[bank.factors[0].id].participant_weights["p2"] == 3


async def test_text_is_saved_within_a_second_of_typing(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#notes").focus()
        await pilot.press(*"Bewoners mijden het plein")
        await pilot.pause(1.1)
        assert load_session(path).factors[bank.factors[0].id].notes == "Bewoners mijden het plein"


async def test_next_previous_and_jump_between_factors(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "down", "enter")  # row 2, column 3: factor 7
        assert app.screen.factor_id == bank.factors[6].id
        await pilot.press("pagedown")
        assert app.screen.factor_id == bank.factors[7].id
        await pilot.press("pageup", "pageup")
        assert app.screen.factor_id == bank.factors[5].id
        await pilot.press("escape")
        assert isinstance(app.screen, GridScreen)
        # Command palette: "ga naar factor 9".
        await pilot.press("ctrl+p")
        await pilot.press(*"factor 9")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        assert app.screen.factor_id == bank.factors[8].id


async def test_reopening_returns_to_the_same_step_and_factor(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "enter", "2")
        await pilot.press("ctrl+q")
    assert not lock_path(path).exists()
    again = wizard(bank, sessions_dir, path=path)
    async with again.run_test(size=SIZE):
        assert isinstance(again.screen, FactorScreen)
        assert again.screen.factor_id == bank.factors[2].id
        assert again.session.factors[bank.factors[2].id].weight == 2


async def test_unvisited_factors_are_named_before_prioritising(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "escape", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Nog niet bekeken: 2 " in app.screen.question
        assert f"1 {bank.factors[0].short_title}" not in app.screen.question
        await pilot.press("n")
        assert isinstance(app.screen, GridScreen)


async def test_second_instance_is_told_and_may_open_read_only(bank, sessions_dir, saved_session):
    _, path = saved_session
    first = wizard(bank, sessions_dir, path=path)
    async with first.run_test(size=SIZE):
        second = wizard(bank, sessions_dir, path=path)
        async with second.run_test(size=SIZE) as pilot:
            assert isinstance(second.screen, ConfirmDialog)
            assert "al geopend door proces" in second.screen.question
            await pilot.press("enter")  # "Alleen lezen"
            await pilot.pause()
            assert second.read_only and second.sub_title == "ALLEEN LEZEN"
            await pilot.press("enter", "3")  # open factor 1, try to set a weight
            await pilot.pause()
        assert first.controller.store is not None and first.controller.store.lock is not None
    assert load_session(path).factors.get(bank.factors[0].id) is None


async def test_stale_lock_of_a_killed_process_is_taken_over_after_a_question(
    bank, sessions_dir, saved_session
):
    _, path = saved_session
    code = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from vbwizard.session.lock import SessionLock
        SessionLock(Path({str(path)!r})).acquire()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    subprocess.run([sys.executable, "-c", code])
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ConfirmDialog)
        assert "niet meer draait" in app.screen.question
        await pilot.press("enter")  # "Overnemen"
        await pilot.pause()
        assert isinstance(app.screen, GridScreen) and not app.read_only
        await pilot.press("enter", "1")
        await pilot.pause()
    assert load_session(path).factors[bank.factors[0].id].weight == 1


async def test_failed_save_keeps_answers_and_saves_once_writable(
    bank, sessions_dir, saved_session, monkeypatch
):
    _, path = saved_session
    real_write = storage.atomic_write

    def disk_full(target: Path, data: bytes) -> None:
        raise SaveError(target, "de schijf is vol")

    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(storage, "atomic_write", disk_full)
        await pilot.press("enter", "3")
        await pilot.pause()
        assert app.sub_title == "NIET OPGESLAGEN"
        assert "de schijf is vol" in last_notification(app)
        assert app.session.factors[bank.factors[0].id].weight == 3  # kept in memory
        assert load_session(path).factors.get(bank.factors[0].id) is None  # file untouched
        monkeypatch.setattr(storage, "atomic_write", real_write)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_session(path).factors[bank.factors[0].id].weight == 3
        assert app.sub_title.startswith("Opgeslagen")


async def test_save_elsewhere_when_the_folder_refuses(
    bank, sessions_dir, saved_session, monkeypatch, tmp_path
):
    _, path = saved_session
    real_write = storage.atomic_write

    def read_only(target: Path, data: bytes) -> None:
        if target.parent == sessions_dir:
            raise SaveError(target, "the disk or folder is read-only")
        real_write(target, data)

    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(storage, "atomic_write", read_only)
        await pilot.press("enter", "2", "ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *str(tmp_path / "usb"), "enter")
        await pilot.pause()
    moved = tmp_path / "usb" / path.name
    assert load_session(moved).factors[bank.factors[0].id].weight == 2


def test_sigterm_and_sighup_save_unlock_and_restore_the_terminal(bank, sessions_dir, saved_session):
    """A real process in a pseudo-terminal, stopped by the system or by closing the terminal."""
    _, path = saved_session
    for sig in (signal.SIGTERM, signal.SIGHUP):
        status, output = run_in_pty_then_signal(path, sig)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, (sig, status)
        assert not lock_path(path).exists()
        assert b"\x1b[?1049l" in output  # left the alternate screen: terminal restored
        assert load_session(path).progress.step == "factors"  # the file is intact


async def test_ctrl_c_saves_and_quits_and_q_types_in_text_fields(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#notes").focus()
        await pilot.press(*"q is een letter")  # in a text field q types
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+c")  # quits from anywhere, saving first
        await pilot.pause()
    assert not app.is_running
    assert load_session(path).factors[bank.factors[0].id].notes == "q is een letter"
    assert not lock_path(path).exists()
    again = wizard(bank, sessions_dir, path=path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "q")  # on the grid q does nothing: it sits beside w
        await pilot.pause()
        assert again.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not again.is_running


async def test_mouse_opens_a_factor_and_picks_an_answer(bank, sessions_dir, saved_session):
    _, path = saved_session
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=SIZE) as pilot:
        factor = bank.factors[4]
        await pilot.click(f"#cell-{factor.id}")
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen) and app.screen.factor_id == factor.id
        row = f"#sq-{factor.sub_questions[0].id}"
        options = app.screen.query_one(row).query("ChoiceOption")
        await pilot.click(options[1])  # "Deels"
        await pilot.pause()
    assert load_session(path).factors[factor.id].sub_answers == {
        factor.sub_questions[0].id: "partly"
    }
