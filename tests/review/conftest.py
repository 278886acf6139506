"""Fixtures for the review, compare, merge and export screens: a folder of sessions."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.create import new_session
from vbwizard.session.models import Session, Weight
from vbwizard.session.storage import save_session
from vbwizard.tui.app import VbWizardApp

SIZE = (80, 24)
DATA = Path(__file__).parents[1] / "data" / "sessions"
BASELINE_ID = "nulmeting-de-horst-2025"
FOLLOWUP_ID = "vervolg-de-horst-2026"
BROKEN = "kapot.toml"


def self_assessment(bank: Bank, name: str, weights: dict[str, Weight]) -> Session:
    """A self-assessment by ``name`` with the given weights."""
    when = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    session = new_session(
        bank,
        title="Zelfanalyse Oost",
        area="Oost",
        mode="self",
        now=when,
        session_id=f"zelf-{name.lower()}",
    )
    session.scope.facilitator = name
    for factor_id, weight in weights.items():
        session.answer(factor_id).weight = weight
        session.answer(factor_id).visited = True
    return session


@pytest.fixture
def folder(bank: Bank, sessions_dir: Path) -> Path:
    """A sessions folder: demo, baseline + follow-up, three self-assessments, a broken file."""
    demo = demo_session(bank)
    save_session(demo, sessions_dir)
    for name in (BASELINE_ID, FOLLOWUP_ID):
        shutil.copy(DATA / f"{name}.toml", sessions_dir / f"{name}.toml")
    agree: dict[str, Weight] = {f.id: 2 for f in bank.factors}
    for name, disputed in (("anna", 0), ("bram", 3), ("cem", 1)):
        save_session(self_assessment(bank, name, {**agree, "verloedering": disputed}), sessions_dir)
    (sessions_dir / BROKEN).write_text('schema_version = 1\nid = "kapot"\ntitle = [\n')
    return sessions_dir


@pytest.fixture
def app(bank: Bank, folder: Path) -> VbWizardApp:
    """The app on the prepared folder, at the start screen."""
    return VbWizardApp(bank=bank, sessions_dir=folder, handle_signals=False)
