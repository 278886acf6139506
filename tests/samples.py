"""Realistic sessions for unit, report and CLI tests: fixture files, hostile text, self-analyses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from tests.conftest import DATA
from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.session.create import new_session
from vbwizard.session.models import Participant, Session, SourceEntry
from vbwizard.session.naming import slugify

SESSIONS = DATA / "sessions"
BASELINE = SESSIONS / "nulmeting-de-horst-2025.toml"
FOLLOWUP = SESSIONS / "vervolg-de-horst-2026.toml"
EVIL = "<script>alert(1)</script> \"]]' & <b>vet</b>"
"""User text that must be escaped in HTML and reproduced exactly elsewhere."""


def evil_session(bank: Bank) -> Session:
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
    bank: Bank,
    name: str,
    weights: Mapping[str, int | str],
    note: str = "",
    *,
    title: str = "Zelfanalyse De Horst",
    area: str = "",
    when: dt.datetime = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC),
) -> Session:
    """A self-assessment by ``name`` with the given weights (other factors unanswered).

    Its id is ``zelf-`` and the slug of ``name``; ``note`` goes with every weighed factor.
    """
    session = new_session(
        bank, title=title, area=area, mode="self", now=when, session_id="zelf-" + slugify(name)
    )
    session.scope.facilitator = name
    for factor_id, weight in weights.items():
        answer = session.answer(factor_id)
        answer.visited = True
        answer.weight = weight  # type: ignore[assignment]
        answer.notes = note or None
    return session


def named_self_assessments(bank: Bank) -> list[Session]:
    """Three self-assessments that carry their authors' names everywhere a name can go."""
    sessions = []
    for name, weight, note in (
        ("Els de Vries", 1, "Els vindt het plein 's avonds eng."),
        ("Karim Bouali", 3, ""),
        ("Anna Jansen", 0, "Overleg met Karim en Els nodig."),
    ):
        first = name.split()[0]
        session = self_assessment(bank, name, {"verloedering": weight, "communicatie": 2}, note)
        session.id = f"2026-11-02-zelfanalyse-{slugify(first)}-8575"
        session.scope.title = f"Zelfanalyse {first}"
        session.scope.area = f"De Horst (bij {first} om de hoek)"
        session.scope.participants = [
            Participant(id="p1", name=name),
            Participant(id="p2", name="wijkagent"),
        ]
        session.scope.target_groups = ["jongeren", f"buren van {first}"]
        session.sources = [SourceEntry(name=f"Gesprek met {first}", finding=f"{name} zegt: donker")]
        session.factors["communicatie"].evidence = f"Navraag door {first.upper()}"
        sessions.append(session)
    return sessions


NAMES = ("Els", "Vries", "Karim", "Bouali", "Anna", "Jansen", "8575", "zelfanalyse-els")


def name_leaks(text: str) -> list[str]:
    """The names (as words: "rels" is no "Els") and the inputs' id parts found in ``text``."""
    return [n for n in NAMES if re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", text, re.I)]
