"""Helpers to run the wizard under Textual's Pilot on a temporary sessions folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.create import new_session
from vbwizard.session.models import Participant, Progress, Session
from vbwizard.session.storage import save_session
from vbwizard.tui.app import VbWizardApp

SIZE = (80, 24)


def make_app(bank: Bank, sessions_dir: Path, session_path: Path | None = None) -> VbWizardApp:
    return VbWizardApp(
        bank=bank, sessions_dir=sessions_dir, session_path=session_path, handle_signals=False
    )


@pytest.fixture
def saved_session(bank: Bank, sessions_dir: Path) -> tuple[Session, Path]:
    """A fresh group session with title and area, saved, at the Tafel van 12 overview."""
    session = new_session(bank, title="Wijk Oost", area="Oost")
    session.scope.participants = [
        Participant(id=f"p{i}", name=name)
        for i, name in enumerate(["Anna", "Bram", "Cor", "Dina"], start=1)
    ]
    session.progress = Progress(step="factors")
    return session, save_session(session, sessions_dir)


@pytest.fixture
def demo_path(bank: Bank, sessions_dir: Path) -> Path:
    session = demo_session(bank)
    session.status = "in_progress"
    return save_session(session, sessions_dir)


def last_notification(app: VbWizardApp) -> str:
    """The text of the newest notification shown."""
    notes = list(app._notifications)
    return str(notes[-1].message) if notes else ""
