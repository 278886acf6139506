"""Pilot fixtures: an app opened on a prepared session at a given step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.models import Progress, Session, Step
from vbwizard.session.storage import save_session
from vbwizard.tui.app import VbWizardApp

MakeApp = Callable[..., tuple[VbWizardApp, Path]]


@pytest.fixture
def demo(bank: Bank) -> Session:
    """The demo session, in progress, as a starting point to alter."""
    session = demo_session(bank)
    session.status = "in_progress"
    return session


@pytest.fixture
def make_app(bank: Bank, sessions_dir: Path) -> MakeApp:
    """Save ``session`` opened at ``step`` and build an app on it."""

    def make(session: Session, step: Step, *, read_only: bool = False) -> tuple[VbWizardApp, Path]:
        session.progress = Progress(step=step)
        path = save_session(session, sessions_dir)
        app = VbWizardApp(
            bank=bank,
            sessions_dir=sessions_dir,
            session_path=path,
            read_only=read_only,
            handle_signals=False,
        )
        return app, path

    return make
