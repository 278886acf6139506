"""Hypothesis strategies for sessions with awkward but valid content."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from vbwizard.session.models import (
    BankRef,
    FactorAnswer,
    Goal,
    Participant,
    PlannedAction,
    Priority,
    ProblemPicture,
    Scope,
    Session,
    SmartGoal,
    SourceEntry,
)

# Any text a person can type, including quotes, ']]', newlines and emoji; no lone
# surrogates (not encodable) and no NUL (no editor produces it).
typed_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
) | st.sampled_from(["\"]]'", "a\nb\n", "[[x]]", '"""', "'''", "\\", "\t", " ", "\r\n"])
optional_text = st.none() | typed_text
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1))
times = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)
weights = st.none() | st.integers(0, 3) | st.just("unknown")
answers = st.sampled_from(["yes", "partly", "no", "unknown"])

participant_ids = st.sampled_from(["p1", "p2", "p3", "p4"])
"""Weights refer to the four participants every generated session has."""
participants = st.lists(typed_text.filter(str.strip), min_size=4, max_size=4).map(
    lambda names: [Participant(id=f"p{i}", name=n) for i, n in enumerate(names, start=1)]
)

factor_answers = st.builds(
    FactorAnswer,
    visited=st.booleans(),
    weight=weights,
    confidence=st.none() | st.sampled_from(["low", "medium", "high"]),
    sub_answers=st.dictionaries(slug, answers, max_size=4),
    citizen_view=optional_text,
    professional_view=optional_text,
    evidence=optional_text,
    notes=optional_text,
    participant_weights=st.dictionaries(participant_ids, st.integers(0, 3), max_size=4),
    participant_notes=st.dictionaries(participant_ids, typed_text, max_size=3),
)


def _action(dates: tuple[dt.date | None, dt.date | None], **fields: object) -> PlannedAction:
    """An action whose end never lies before its start (the model refuses that)."""
    start, end = dates
    if start is not None and end is not None and end < start:
        start, end = end, start
    return PlannedAction(start=start, end=end, **fields)  # type: ignore[arg-type]


sessions = st.builds(
    Session,
    id=slug,
    created=times,
    updated=times,
    status=st.sampled_from(["in_progress", "completed"]),
    mode=st.sampled_from(["group", "self"]),
    bank=st.builds(BankRef, id=slug, version=st.just("1.0.0"), hash=st.just("sha256:abc")),
    scope=st.builds(
        Scope,
        title=typed_text,
        area=typed_text,
        target_groups=st.lists(typed_text, max_size=3),
        trigger=optional_text,
        facilitator=optional_text,
        participants=participants,
        date=st.none() | dates,
    ),
    sources=st.lists(st.builds(SourceEntry, name=typed_text, finding=optional_text), max_size=3),
    problem=st.builds(ProblemPicture, who=optional_text, doing=optional_text),
    factors=st.dictionaries(slug, factor_answers, max_size=4),
    priorities=st.lists(st.builds(Priority, factor=slug, reason=optional_text), max_size=5),
    priority_override=optional_text,
    goal=st.builds(
        Goal,
        text=optional_text,
        smart=st.none() | st.builds(SmartGoal, indicator=optional_text, deadline=st.none() | dates),
    ),
    actions=st.lists(
        st.builds(
            _action,
            id=slug,
            factor=slug,
            title=typed_text,
            description=optional_text,
            owner=optional_text,
            dates=st.tuples(st.none() | dates, st.none() | dates),
            indicator=optional_text,
            buikpijn=st.none() | st.sampled_from(["yes", "no", "unsure"]),
        ),
        max_size=3,
    ),
)
