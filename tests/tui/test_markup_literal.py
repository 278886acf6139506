"""Text from users, files and banks is shown literally on every screen, never as markup.

Every free-text field of a session holds Rich/Textual markup; visiting every step
(and every factor page) and the review list must neither raise a MarkupError nor
obey the markup: the brackets are on screen as typed.
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.app import App
from textual.widgets import DataTable, Input, Static, TextArea

from tests.conftest import MINI_BANK
from tests.tui.conftest import MakeApp
from tests.tui.factory import wizard
from tests.tui.helpers import open_review
from vbwizard.bank import Bank, load_bank
from vbwizard.session.create import new_session
from vbwizard.session.lock import lock_path
from vbwizard.session.models import FactorAnswer, Priority, Progress, Session
from vbwizard.session.storage import save_session
from vbwizard.steps import STEP_NAMES
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.grid import GridScreen
from vbwizard.tui.screens.summary import SummaryScreen

PAYLOAD = "[/b] [@click=app.quit]x[/] [link=file:///etc/passwd]p[/link] [b]vet[/b]"


def _hostile(session: Session) -> Session:
    """Put markup in every text a user can type (names, titles, notes…)."""
    counter = iter(range(1000))

    def text() -> str:
        return f"T{next(counter)} {PAYLOAD}"

    scope = session.scope
    scope.title, scope.area, scope.trigger, scope.facilitator = text(), text(), text(), text()
    scope.target_groups = [text()]
    for person in scope.participants:  # weights keep pointing at the ids
        person.name = f"{person.name} [/b][@click=app.quit]"
    for source in session.sources:
        source.name, source.finding = text(), text()
    picture = session.problem
    for field in ("who", "where", "when", "thinking", "feeling", "doing"):
        setattr(picture, field, text())
    for answer in session.factors.values():
        answer.citizen_view, answer.professional_view = text(), text()
        answer.evidence, answer.notes = text(), text()
    for priority in session.priorities:
        priority.reason = text()
    session.goal.text = text()
    for action in session.actions:
        action.title, action.description, action.owner = text(), text(), text()
        action.expected_effect, action.indicator, action.frame = text(), text(), text()
    return session


def _shown(app: App[None]) -> str:
    """All text on the current screen, as the user reads it."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts += [str(cell) for cell in widget.get_row_at(row)]
        elif isinstance(widget, Input):
            parts.append(widget.value)
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
    return "\n".join(parts)


async def test_every_step_shows_markup_literally(
    make_app: MakeApp, demo: Session, bank: Bank, sessions_dir: Path
) -> None:
    session = _hostile(demo)
    session.mode = "group"
    app, _ = make_app(session, "scope")
    factor_ids = [factor.id for factor in bank.factors]
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        seen_steps = []
        names_so_far: list[str] = []
        for _ in range(len(STEP_NAMES) + len(factor_ids) + 2):
            screen = app.screen
            seen_steps.append((type(screen).__name__, getattr(screen, "factor_id", None)))
            shown = _shown(app)
            if not isinstance(screen, GridScreen):  # the grid shows only the bank's words
                assert "[/b]" in shown, type(screen).__name__
                assert "[@click=app.quit]" in shown, (type(screen).__name__, shown[:500])
            # From the grid, Enter opens the first factor; PgDn then walks all twelve.
            first_visit = isinstance(screen, GridScreen) and "GridScreen" not in names_so_far
            names_so_far.append(type(screen).__name__)
            await pilot.press("enter" if first_visit else "pagedown")
            await pilot.pause()
            if isinstance(app.screen, SummaryScreen) and seen_steps[-1][0] == "SummaryScreen":
                break
        assert app.is_running  # no markup click quit it
        names = [name for name, _ in seen_steps]
        assert names.count("FactorScreen") == len(factor_ids)
        for step in (
            "Scope",
            "Sources",
            "Problem",
            "Grid",
            "Priorities",
            "Goal",
            "Actions",
            "Summary",
        ):
            assert f"{step}Screen" in names, names

    # The review list, from the start screen, shows the title as typed.
    start = wizard(bank, sessions_dir)
    async with start.run_test(size=(120, 30)) as pilot:
        review = await open_review(pilot)
        shown = _shown(start)
        assert f"T0 {PAYLOAD}"[:40] in shown, shown[:300]
        assert review.table.row_count == 1
        assert start.is_running


MARK = " [/b][@click=app.quit]x[/]"


def _markup_bank(tmp_path: Path) -> Bank:
    """The mini bank with markup in every text the wizard shows from it."""
    text = MINI_BANK.read_text(encoding="utf-8")
    for shown in (
        "Mini-bank",
        "Testbron",
        "Cluster een",
        "Alfa",
        "Speelt alfa?",
        "Uitleg alfa.",
        "Worden afspraken nagekomen?",
        "Lichte actie",
        "Zware actie",
    ):
        text = text.replace(f'"{shown}"', f'"{shown}{MARK}"')
    path = tmp_path / "markup-bank.toml"
    path.write_text(text, encoding="utf-8")
    return load_bank(path)


async def test_a_banks_texts_are_shown_literally(tmp_path: Path, sessions_dir: Path) -> None:
    bank = _markup_bank(tmp_path)
    session = new_session(bank, title="Plein", area="Oost")
    session.factors["alfa"] = FactorAnswer(visited=True, weight=3)
    session.priorities = [Priority(factor="alfa", reason="Reden")]
    session.progress = Progress(step="factors", factor="alfa")
    path = save_session(session, sessions_dir)
    app = wizard(bank, sessions_dir, path=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        await pilot.press("f1")  # the help panel: explanation and actions
        await pilot.pause()
        shown = _shown(app)
        for text in ("Alfa", "Speelt alfa?", "Uitleg alfa.", "Worden afspraken nagekomen?"):
            assert text + MARK in shown, text
        assert "Lichte actie" + MARK in shown
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        assert "Cluster een" + MARK in _shown(app)
        app.goto("actions")
        await pilot.pause()
        assert "Alfa" + MARK in _shown(app)
        assert app.is_running

    start = wizard(bank, sessions_dir)
    async with start.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Mini-bank" + MARK in _shown(start)


async def test_a_lock_files_text_is_shown_literally(mini_bank: Bank, sessions_dir: Path) -> None:
    session = new_session(mini_bank, title="Plein", area="Oost")
    path = save_session(session, sessions_dir)
    host = "[/b][@click=app.quit]x[/] [link=file:///etc/passwd]p[/link]"
    # A lock left by a process that no longer runs: the wizard asks about it.
    lock_path(path).write_text(
        json.dumps({"pid": 2**22 + 12345, "host": host, "since": "2026-01-01T10:00:00"}),
        encoding="utf-8",
    )
    app = wizard(mini_bank, sessions_dir, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert host in _shown(app)
        assert app.is_running
