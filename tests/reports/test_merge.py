"""Merging self-assessments: statistics, order, anonymity and incompatible banks."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbwizard.bank import Bank
from vbwizard.merge import (
    check_compatible,
    disputed_order,
    factor_stats,
    merge_sessions,
    weight_stats,
)
from vbwizard.participants import named
from vbwizard.problems import ProblemsError
from vbwizard.session.storage import load_session, save_session, session_to_toml

from .conftest import Result, self_assessment

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


def test_anonymous_merge_keeps_no_names(bank: Bank) -> None:
    sessions = [
        self_assessment(bank, "Anna Jansen", {"verloedering": 1}, "notitie"),
        self_assessment(bank, "Bram de Boer", {"verloedering": 3}),
    ]
    sessions[0].scope.title = "Zelfanalyse Anna Jansen"
    merged = merge_sessions(bank, sessions, anonymous=True)
    answer = merged.factors["verloedering"]
    assert named(answer.participant_weights, merged) == {"P1": 1, "P2": 3}
    assert named(answer.participant_notes, merged) == {"P1": "notitie"}
    text = session_to_toml(merged)
    assert "Anna" not in text and "Bram" not in text


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


def test_cli_merge_saves_a_group_session(
    bank: Bank, sessions_dir: Path, run: Callable[..., Result]
) -> None:
    for name, w in (("Anna", 0), ("Bram", 3), ("Cem", 2)):
        save_session(
            self_assessment(bank, name, {"communicatie": w, "verloedering": 1}), sessions_dir
        )
    result = run("merge", "zelf-anna", "zelf-bram", "zelf-cem", "--sessions-dir", str(sessions_dir))
    assert result.code == 0, result.err
    path = Path(result.out.splitlines()[0])
    assert path.parent == sessions_dir
    merged = load_session(path)
    assert merged.progress.factor == "communicatie"
    assert "Begint bij 12. Communicatie: gewichten 0–3, mediaan 2" in result.out


def test_cli_merge_with_incompatible_bank_names_the_file(
    bank: Bank, mini_bank: Bank, sessions_dir: Path, run: Callable[..., Result]
) -> None:
    save_session(self_assessment(bank, "Anna", {"verloedering": 1}), sessions_dir)
    save_session(self_assessment(mini_bank, "Bram", {"alfa": 1}), sessions_dir)
    before = sorted(sessions_dir.iterdir())
    result = run("merge", "zelf-anna", "zelf-bram", "--sessions-dir", str(sessions_dir))
    assert result.code == 2
    assert "zelf-bram.toml" in result.err and "'mini'" in result.err
    assert "Traceback" not in result.err
    assert sorted(sessions_dir.iterdir()) == before


def test_cli_merge_to_a_file_uses_its_name_as_id(
    bank: Bank, sessions_dir: Path, tmp_path: Path, run: Callable[..., Result]
) -> None:
    for name in ("Anna", "Bram"):
        save_session(self_assessment(bank, name, {"verloedering": 1}), sessions_dir)
    target = tmp_path / "groep-de-horst.toml"
    args = ("merge", "zelf-anna", "zelf-bram", "--sessions-dir", str(sessions_dir))
    assert run(*args, "-o", str(target), "--anonymous").code == 0
    assert load_session(target).id == "groep-de-horst"
    again = run(*args, "-o", str(target))
    assert again.code == 2 and "bestaat al" in again.err
    assert run(*args, "-o", str(tmp_path / "Groep.toml")).code == 2
    assert run("merge", "zelf-anna", "--sessions-dir", str(sessions_dir)).code == 2
