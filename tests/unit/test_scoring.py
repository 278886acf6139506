"""Factor state, ranking and preselection: the rules the grid, reports and priorities share."""

from __future__ import annotations

from vbwizard.scoring import factor_state, preselect, rank_factors
from vbwizard.session.create import new_session
from vbwizard.session.models import FactorAnswer


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
