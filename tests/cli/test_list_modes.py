"""``vbwizard list`` names the mode and status as the app and the reports do."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbwizard.bank.models import Bank
from vbwizard.cli import main
from vbwizard.session.create import new_session
from vbwizard.session.storage import save_session


def test_list_says_groepssessie_and_zelfanalyse(
    bank: Bank, sessions_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_session(new_session(bank, title="Samen", mode="group"), sessions_dir)
    save_session(new_session(bank, title="Alleen", mode="self"), sessions_dir)
    assert main(["list", "--sessions-dir", str(sessions_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    together = next(line for line in lines if "Samen" in line)
    alone = next(line for line in lines if "Alleen" in line)
    assert "| groepssessie | bezig |" in together
    assert "| zelfanalyse | bezig |" in alone
