"""Fixtures for reports, compare, merge and CSV: realistic sessions and a CLI runner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from vbwizard.bank import Bank
from vbwizard.cli import main
from vbwizard.demo import demo_session
from vbwizard.session.create import new_session
from vbwizard.session.models import Participant, Session
from vbwizard.session.naming import slugify

SESSIONS = Path(__file__).parents[1] / "data" / "sessions"
BASELINE = SESSIONS / "nulmeting-de-horst-2025.toml"
FOLLOWUP = SESSIONS / "vervolg-de-horst-2026.toml"
EVIL = "<script>alert(1)</script> \"]]' & <b>vet</b>"
"""User text that must be escaped in HTML and reproduced exactly elsewhere."""


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run the CLI in-process and capture what a user would see."""

    def _run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def demo(bank: Bank) -> Session:
    return demo_session(bank)


@pytest.fixture
def evil(bank: Bank) -> Session:
    """The demo session with hostile text in a note, a participant, an action and the title."""
    session = demo_session(bank)
    session.scope.title = f"Titel {EVIL}"
    session.scope.participants.append(
        Participant(id=f"p{len(session.scope.participants) + 1}", name=EVIL)
    )
    session.factors["verloedering"].notes = EVIL
    session.actions[0].owner = EVIL
    session.priorities[0].reason = EVIL
    return session


def self_assessment(
    bank: Bank, name: str, weights: dict[str, int | str], note: str = ""
) -> Session:
    """A self-assessment by ``name`` with the given weights (other factors unanswered)."""
    session = new_session(
        bank,
        title="Zelfanalyse De Horst",
        mode="self",
        now=dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC),
        session_id="zelf-" + slugify(name),
    )
    session.scope.facilitator = name
    for factor_id, weight in weights.items():
        answer = session.answer(factor_id)
        answer.visited = True
        answer.weight = weight  # type: ignore[assignment]
        answer.notes = note or None
    return session
