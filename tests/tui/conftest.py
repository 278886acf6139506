"""Pilot fixtures, all built on `tests.tui.factory.wizard`: apps on prepared sessions, folders."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from tests.samples import SESSIONS, self_assessment
from tests.tui.factory import save_at, wizard
from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.create import new_session
from vbwizard.session.models import Participant, Progress, Session, Step
from vbwizard.session.storage import save_session
from vbwizard.tui.app import VbWizardApp

SIZE = (80, 24)
"""The terminal size of most Pilot tests: the smallest the wizard supports."""
BASELINE_ID = "nulmeting-de-horst-2025"
FOLLOWUP_ID = "vervolg-de-horst-2026"
BROKEN = "kapot.toml"

MakeApp = Callable[..., tuple[VbWizardApp, Path]]


@pytest.fixture
def demo(bank: Bank) -> Session:
    """The demo session, in progress, as a starting point to alter (overrides the completed one)."""
    session = demo_session(bank)
    session.status = "in_progress"
    return session


@pytest.fixture
def make_app(bank: Bank, sessions_dir: Path) -> MakeApp:
    """Save ``session`` opened at ``step`` and build an app on it; the app and the file."""

    def make(session: Session, step: Step, *, read_only: bool = False) -> tuple[VbWizardApp, Path]:
        path = save_at(session, sessions_dir, step)
        return wizard(bank, sessions_dir, path=path, read_only=read_only), path

    return make


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
    """The demo session, in progress, saved where it was left."""
    session = demo_session(bank)
    session.status = "in_progress"
    return save_session(session, sessions_dir)


@pytest.fixture
def folder(bank: Bank, sessions_dir: Path) -> Path:
    """A sessions folder: demo, baseline + follow-up, three self-assessments, a broken file."""
    save_session(demo_session(bank), sessions_dir)
    for name in (BASELINE_ID, FOLLOWUP_ID):
        shutil.copy(SESSIONS / f"{name}.toml", sessions_dir / f"{name}.toml")
    agree: dict[str, int | str] = {f.id: 2 for f in bank.factors}
    for name, disputed in (("anna", 0), ("bram", 3), ("cem", 1)):
        weights = {**agree, "verloedering": disputed}
        save_session(oost_self_assessment(bank, name, weights), sessions_dir)
    (sessions_dir / BROKEN).write_text('schema_version = 1\nid = "kapot"\ntitle = [\n')
    return sessions_dir


def oost_self_assessment(bank: Bank, name: str, weights: Mapping[str, int | str]) -> Session:
    """A self-assessment by ``name`` in Oost, made on 1 March 2026, as the review tests list it."""
    when = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    return self_assessment(bank, name, weights, title="Zelfanalyse Oost", area="Oost", when=when)


@pytest.fixture
def app(bank: Bank, folder: Path) -> VbWizardApp:
    """The app on the prepared folder, at the start screen."""
    return wizard(bank, folder)


@pytest.fixture
def demo_app(bank: Bank, demo_folder: Path) -> VbWizardApp:
    """The app on a folder holding only the demo session, at the start screen."""
    return wizard(bank, demo_folder)
