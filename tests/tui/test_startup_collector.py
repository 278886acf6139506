"""Start-up runs without the cycle collector; the wizard turns it back on once drawn.

``vbwizard.entry`` switches the collector off on its first line (start-up builds
much and frees little). If nothing switched it back on, a long session would never
free the cycles it drops, so both ways back are checked here.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from vbwizard.bank import Bank
from vbwizard.entry import main


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()


async def test_the_wizard_turns_collection_back_on_once_its_first_screen_is_drawn(
    bank: Bank, sessions_dir: Path, collector_restored: None
) -> None:
    gc.disable()  # as vbwizard.entry leaves it for the wizard
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled()


def test_every_other_command_runs_with_collection_on(
    sessions_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    collector_restored: None,
) -> None:
    monkeypatch.setattr(sys, "argv", ["vbwizard", "list", "--sessions-dir", str(sessions_dir)])
    assert main() == 0
    assert gc.isenabled()
    assert str(sessions_dir) in capsys.readouterr().out  # the listing ran
