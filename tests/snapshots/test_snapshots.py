"""A few deliberate snapshots at 80x24 (the main size) and 60x20 (the smallest).

Regenerate only on purpose: ``pytest tests/snapshots --snapshot-update``, then
inspect the SVGs before committing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.tui.factory import wizard
from vbwizard.demo import demo_session
from vbwizard.session.models import Progress
from vbwizard.session.storage import save_session

SIZE = (80, 24)
# A folder that does not exist, so the start screen shows a fixed text.
NO_SESSIONS = Path("snapshot-sessions-that-do-not-exist")


@pytest.fixture
def demo_file(bank, sessions_dir):
    def make(step: str, factor: str | None = None) -> Path:
        session = demo_session(bank)
        session.status = "in_progress"
        session.progress = Progress(step=step, factor=factor)  # type: ignore[arg-type]
        session.updated = dt.datetime(2025, 11, 20, 15, 0, tzinfo=dt.UTC)
        return save_session(session, sessions_dir)

    return make


async def _settle(pilot) -> None:
    """Let background loading finish and stop cursors blinking before the picture."""
    await pilot.app.workers.wait_for_complete()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.wait_for_scheduled_animations()  # e.g. scrolling a focused card into view
    await pilot.pause()


def test_start_screen(snap_compare, bank):
    assert snap_compare(wizard(bank, NO_SESSIONS), terminal_size=SIZE, run_before=_settle)


def test_tafel_van_12_grid(snap_compare, bank, sessions_dir, demo_file):
    app = wizard(bank, sessions_dir, path=demo_file("factors"))
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle)


def test_factor_page(snap_compare, bank, sessions_dir, demo_file):
    app = wizard(bank, sessions_dir, path=demo_file("factors", "kwaliteit-van-de-aanpak"))
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle)


@pytest.mark.parametrize("step", ["priorities", "actions", "summary"])
def test_later_steps(snap_compare, bank, sessions_dir, demo_file, step):
    app = wizard(bank, sessions_dir, path=demo_file(step))
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle)


SMALLEST = (60, 20)
"""The smallest size the wizard is designed for (80×24 is the main one)."""


@pytest.mark.parametrize(
    ("step", "factor"),
    [
        ("factors", None),
        ("factors", "kwaliteit-van-de-aanpak"),
        ("actions", None),
        ("summary", None),
    ],
    ids=["grid", "factor", "actions", "summary"],
)
def test_smallest_size(snap_compare, bank, sessions_dir, demo_file, step, factor):
    app = wizard(bank, sessions_dir, path=demo_file(step, factor))
    assert snap_compare(app, terminal_size=SMALLEST, run_before=_settle)
