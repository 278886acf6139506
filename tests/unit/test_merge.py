"""Merging self-assessments: statistics, order, anonymity and incompatible banks."""

from __future__ import annotations

import io
import random
import statistics
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.samples import name_leaks, named_self_assessments, self_assessment
from vbwizard.bank import Bank
from vbwizard.merge import answered_label, check_compatible, disputed_order, merge_sessions
from vbwizard.participants import named
from vbwizard.problems import ProblemsError
from vbwizard.reports import render_report
from vbwizard.session.models import FactorAnswer, Session
from vbwizard.session.naming import slugify
from vbwizard.session.storage import load_session, save_session, session_to_toml
from vbwizard.spread import factor_stats, weight_stats

weights = st.lists(st.integers(0, 3), min_size=1, max_size=12)


@given(weights)
def test_median_lies_between_min_and_max(values: list[int]) -> None:
    stats = weight_stats(values)
    assert stats is not None
    assert stats.low <= stats.median <= stats.high
    assert (stats.low, stats.high) == (min(values), max(values))
    assert stats.disputed == (max(values) - min(values) >= 2)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=2, max_size=6),
    st.randoms(use_true_random=False),
)
def test_order_of_inputs_does_not_change_the_statistics(
    mini_bank: Bank, per_person: list[tuple[int, int]], rnd: object
) -> None:
    sessions = [
        self_assessment(mini_bank, f"Persoon{i}", {"alfa": a, "beta": b})
        for i, (a, b) in enumerate(per_person)
    ]
    shuffled = list(sessions)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    one = merge_sessions(mini_bank, sessions)
    other = merge_sessions(mini_bank, shuffled)
    for factor in ("alfa", "beta"):
        a, b = factor_stats(one.factors[factor]), factor_stats(other.factors[factor])
        assert a == b
        assert a is not None
        assert a.median == statistics.median(p[0 if factor == "alfa" else 1] for p in per_person)
        assert named(one.factors[factor].participant_weights, one) == named(
            other.factors[factor].participant_weights, other
        )
    assert disputed_order(mini_bank, one) == disputed_order(mini_bank, other)


def test_merged_session_opens_with_the_most_disputed_factor(bank: Bank) -> None:
    agree = {f.id: 2 for f in bank.factors}
    sessions = [
        self_assessment(bank, "Anna", {**agree, "verloedering": 0, "communicatie": 1}),
        self_assessment(
            bank, "Bram", {**agree, "verloedering": 3, "communicatie": 3}, "Zwerfvuil!"
        ),
        self_assessment(bank, "Cem", {**agree, "verloedering": 1, "het-gesprek": "unknown"}),
    ]
    merged = merge_sessions(bank, sessions)
    assert merged.mode == "group"
    assert merged.links.merged_from == ["zelf-anna", "zelf-bram", "zelf-cem"]
    assert merged.progress.step == "factors"
    assert merged.progress.factor == "verloedering"
    assert disputed_order(bank, merged)[:2] == ["verloedering", "communicatie"]
    answer = merged.factors["verloedering"]
    assert named(answer.participant_weights, merged) == {"Anna": 0, "Bram": 3, "Cem": 1}
    assert answer.disputed and answer.weight is None and answer.confidence is None
    assert named(answer.participant_notes, merged) == {"Bram": "Zwerfvuil!"}
    # An "unknown" weight is not a number, but it is not lost either.
    talk = merged.factors["het-gesprek"]
    assert named(talk.participant_weights, merged) == {"Anna": 2, "Bram": 2}
    assert "onbekend" in named(talk.participant_notes, merged)["Cem"]
    assert [p.name for p in merged.scope.participants] == ["Anna", "Bram", "Cem"]


def test_anonymous_merge_and_its_reports_hold_no_names(bank: Bank) -> None:
    merged = merge_sessions(bank, named_self_assessments(bank), anonymous=True)
    assert [p.name for p in merged.scope.participants] == ["P1", "P2", "P3"]
    assert sorted(merged.factors["verloedering"].participant_weights.values()) == [0, 1, 3]
    assert merged.links.merged_from == []  # the inputs' ids carry the names
    assert merged.scope.title == "Groepsbeeld uit 3 zelfanalyses"  # the shared part named Els
    toml = session_to_toml(merged)
    assert name_leaks(toml) == []
    # What was written stays, with the names taken out.
    notes = merged.factors["verloedering"].participant_notes
    assert "[naam] vindt het plein 's avonds eng." in notes.values()
    assert "Overleg met [naam] en [naam] nodig." in notes.values()
    assert "jongeren" in merged.scope.target_groups
    for fmt in ("md", "html", "docx"):
        data = render_report(bank, merged, fmt)
        if fmt == "docx":  # every part of the package: text, tables, headers and properties
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                parts = [package.read(n).decode("utf-8", "replace") for n in package.namelist()]
            text = " ".join(parts)
        else:
            text = data.decode("utf-8")
        assert name_leaks(text) == [], fmt


def test_anonymous_pseudonyms_do_not_follow_the_order_of_the_files(bank: Bank) -> None:
    sessions = [
        self_assessment(bank, "Anna", {"verloedering": 1}, "van Anna"),
        self_assessment(bank, "Bram", {"verloedering": 3}, "van Bram"),
    ]
    seen = set()
    for seed in range(20):
        merged = merge_sessions(bank, sessions, anonymous=True, rng=random.Random(seed))
        answer = merged.factors["verloedering"]
        # Weight and note of one person stay together under one pseudonym.
        notes = named(answer.participant_notes, merged)
        weights = named(answer.participant_weights, merged)
        who = {note: pseudonym for pseudonym, note in notes.items()}
        assert weights[who["van [naam]"]] in (1, 3)
        seen.add(tuple(weights.items()))
    assert seen == {(("P1", 1), ("P2", 3)), (("P1", 3), ("P2", 1))}


def test_each_factor_records_how_many_inputs_weighed_it(bank: Bank, tmp_path: Path) -> None:
    sessions = [
        self_assessment(bank, "Anna", {"verloedering": 1, "communicatie": "unknown"}),
        self_assessment(bank, "Bram", {"verloedering": 3, "communicatie": 2}),
        self_assessment(bank, "Cem", {"verloedering": 2}),
    ]
    sessions[2].factors["het-gesprek"] = FactorAnswer(visited=True)  # opened, no weight
    sessions[0].status = "completed"
    merged = merge_sessions(bank, sessions)
    loaded = load_session(save_session(merged, tmp_path))
    assert loaded.merge is not None
    assert (loaded.merge.inputs, loaded.merge.in_progress) == (3, 2)
    assert answered_label(loaded, "verloedering") == "3 van 3"
    assert answered_label(loaded, "communicatie") == "2 van 3"  # "unknown" is an answer
    assert answered_label(loaded, "het-gesprek") == "0 van 3"
    assert set(loaded.merge.answered) == {f.id for f in bank.factors}
    assert answered_label(sessions[0], "verloedering") == ""  # not a merge


def test_same_names_stay_apart(bank: Bank) -> None:
    sessions = [self_assessment(bank, "Els", {"verloedering": w}) for w in (0, 3)]
    sessions[1].id = "zelf-els-2"
    merged = merge_sessions(bank, sessions)
    weights = merged.factors["verloedering"].participant_weights
    assert named(weights, merged) == {"Els": 0, "Els (2)": 3}


def test_sessions_from_another_bank_are_named(bank: Bank, mini_bank: Bank) -> None:
    ours = self_assessment(bank, "Anna", {"verloedering": 1})
    theirs = self_assessment(mini_bank, "Bram", {"alfa": 2})
    with pytest.raises(ProblemsError) as info:
        check_compatible(bank, [ours, theirs], [Path("anna.toml"), Path("bram.toml")])
    [problem] = info.value.problems
    assert problem.file == Path("bram.toml") and "'mini'" in problem.message


def test_anonymous_merge_of_sessions_known_only_by_their_titles(bank: Bank) -> None:
    def nameless(title: str, area: str, note: str) -> Session:
        session = self_assessment(bank, "x", {"verloedering": 2}, note)
        session.id = slugify(title)
        session.scope.facilitator = None
        session.scope.title, session.scope.area = title, area
        return session

    # Named in the title only: the name goes, the words every title shares stay.
    merged = merge_sessions(
        bank,
        [
            nameless("Zelfanalyse Els", "De Horst", "Els: plein in de Horst is donker"),
            nameless("Zelfanalyse Karim", "De Horst", "Zelfanalyse gedaan"),
        ],
        anonymous=True,
    )
    notes = set(merged.factors["verloedering"].participant_notes.values())
    assert notes == {"[naam]: plein in de Horst is donker", "Zelfanalyse gedaan"}
    assert merged.scope.area == "De Horst"
    assert name_leaks(session_to_toml(merged)) == []
    # No names anywhere: nothing to take out, the place name stays.
    same = merge_sessions(
        bank,
        [nameless("Zelfanalyse De Horst", "De Horst", "Horst donker") for _ in range(2)],
        anonymous=True,
    )
    assert same.scope.title == "Groepsbeeld uit 2 zelfanalyses: Zelfanalyse De Horst"
    assert set(same.factors["verloedering"].participant_notes.values()) == {"Horst donker"}
