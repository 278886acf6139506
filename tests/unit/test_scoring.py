"""Factor state, ranking and preselection: the rules the grid, reports and priorities share."""

from __future__ import annotations

import pytest

from vbwizard.scoring import factor_state, preselect, rank_factors, starting_priorities
from vbwizard.session.create import new_session
from vbwizard.session.models import FactorAnswer, Priority


def test_factor_state():
    assert factor_state(None) == "unvisited"
    assert factor_state(FactorAnswer()) == "unvisited"
    assert factor_state(FactorAnswer(visited=True)) == "no_weight"
    assert factor_state(FactorAnswer(visited=True, weight="unknown")) == "unknown"
    assert factor_state(FactorAnswer(weight=2)) == "weighted"  # merged in, never opened


def test_ranking_by_weight_then_confidence_then_disagreement(bank):
    session = new_session(bank, title="t", area="a")
    ids = [f.id for f in bank.factors]
    session.factors[ids[0]] = FactorAnswer(visited=True, weight=2, confidence="low")
    session.factors[ids[1]] = FactorAnswer(visited=True, weight=2, confidence="high")
    session.factors[ids[2]] = FactorAnswer(
        visited=True, weight=2, confidence="high", participant_weights={"p1": 0, "p2": 3}
    )
    session.factors[ids[3]] = FactorAnswer(visited=True, weight=3)
    session.factors[ids[4]] = FactorAnswer(visited=True, weight="unknown")
    order = [r.factor.id for r in rank_factors(bank, session)][:4]
    assert order == [ids[3], ids[2], ids[1], ids[0]]
    assert preselect(bank, session) == [ids[3], ids[2], ids[1], ids[0]]


# (name, weights by factor number, chosen before, reason to deviate, expected by factor number)
STARTING_CASES = [
    ("nothing weighed: nothing to preselect", {}, [], None, []),
    (
        "the heaviest first, at most five",
        {1: 2, 2: 3, 3: 2, 4: 2, 5: 2, 6: 2},
        [],
        None,
        [2, 1, 3, 4, 5],
    ),
    (
        "fewer than three weigh 2: filled up with weight 1",
        {1: 1, 2: 3, 3: 0, 4: 1},
        [],
        None,
        [2, 1, 4],
    ),
    ("unknown and 0 never fill up", {1: "unknown", 2: 0, 3: 1}, [], None, [3]),
    ("already chosen: kept as chosen", {1: 3, 2: 3, 3: 3}, [7], None, []),
    ("no priorities but a reason to deviate: a choice too", {1: 3}, [], "Eerst meten", []),
]


@pytest.mark.parametrize(
    ("weights", "before", "override", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in STARTING_CASES],
)
def test_starting_priorities(bank, weights, before, override, expected):
    session = new_session(bank, title="t")
    by_number = {f.number: f.id for f in bank.factors}
    for number, weight in weights.items():
        session.factors[by_number[number]] = FactorAnswer(visited=True, weight=weight)
    session.priorities = [Priority(factor=by_number[n]) for n in before]
    session.priority_override = override
    starting = starting_priorities(bank, session)
    assert [p.factor for p in starting] == [by_number[n] for n in expected]
    assert all(p.reason is None for p in starting)
