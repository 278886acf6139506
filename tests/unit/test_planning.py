"""The action plan: proposals paired with planned actions, new ids, what an action lacks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from vbwizard.bank import Bank
from vbwizard.planning import (
    action_gaps,
    action_plan,
    next_action_id,
    planned_from_proposal,
)
from vbwizard.proposals import MUNICIPAL, municipal_proposals, propose
from vbwizard.session.create import new_session
from vbwizard.session.models import FactorAnswer, PlannedAction, Priority, Session


def _session(
    bank: Bank, priorities: list[str], actions: list[tuple[str, str, str | None]]
) -> Session:
    """Alfa weighs 3 with agreements not kept (proposes licht, zwaar); beta weighs 1 (a, b)."""
    session = new_session(bank, title="Plan")
    session.factors["alfa"] = FactorAnswer.model_validate(
        {"visited": True, "weight": 3, "sub_answers": {"afspraken": "no"}}
    )
    session.factors["beta"] = FactorAnswer(visited=True, weight=1)
    session.priorities = [Priority(factor=f) for f in priorities]
    session.actions = [
        PlannedAction(id=aid, factor=factor, bank_action=bank_action)
        for aid, factor, bank_action in actions
    ]
    return session


# (name, priorities, planned actions (id, factor, bank action),
#  expected per section: [(proposal, matched planned id or None)...] + others, then rest)
PLAN_CASES: list[tuple[str, list[str], list[tuple[str, str, str | None]], Any, list[str]]] = [
    (
        "nothing decided: every proposal open",
        ["alfa"],
        [],
        {"alfa": ([("licht", None), ("zwaar", None)], [])},
        [],
    ),
    (
        "a decided proposal is paired, an own action follows the proposals",
        ["alfa"],
        [("actie-1", "alfa", None), ("actie-2", "alfa", "zwaar")],
        {"alfa": ([("licht", None), ("zwaar", "actie-2")], ["actie-1"])},
        [],
    ),
    (
        "the first record of a proposal is paired, a second one is listed as other",
        ["alfa"],
        [("actie-1", "alfa", "licht"), ("actie-2", "alfa", "licht")],
        {"alfa": ([("licht", "actie-1"), ("zwaar", None)], ["actie-2"])},
        [],
    ),
    (
        "a record of a proposal no longer proposed stays in its factor's section",
        ["beta"],
        [("actie-1", "beta", "verdwenen")],
        {"beta": ([("a", None), ("b", None)], ["actie-1"])},
        [],
    ),
    (
        "actions of a factor that is no longer a priority come last",
        ["beta"],
        [("actie-1", "alfa", "licht"), ("actie-2", "beta", "b")],
        {"beta": ([("a", None), ("b", "actie-2")], [])},
        ["actie-1"],
    ),
    (
        "the same bank action id in another factor is not paired",
        ["alfa", "beta"],
        [("actie-1", "beta", "licht")],
        {
            "alfa": ([("licht", None), ("zwaar", None)], []),
            "beta": ([("a", None), ("b", None)], ["actie-1"]),
        },
        [],
    ),
    (
        "a factor the bank lacks proposes nothing but keeps its actions",
        ["gamma"],
        [("actie-1", "gamma", None)],
        {"gamma": ([], ["actie-1"])},
        [],
    ),
    (
        "without priorities everything is rest",
        [],
        [("actie-1", "alfa", "licht"), ("actie-2", MUNICIPAL, "x")],
        {},
        ["actie-1", "actie-2"],
    ),
]


@pytest.mark.parametrize(
    ("priorities", "actions", "sections", "rest"),
    [pytest.param(*case[1:], id=case[0]) for case in PLAN_CASES],
)
def test_action_plan_pairs_proposals_with_the_plan(
    mini_bank: Bank,
    priorities: list[str],
    actions: list[tuple[str, str, str | None]],
    sections: dict[str, tuple[list[tuple[str, str | None]], list[str]]],
    rest: list[str],
) -> None:
    plan = action_plan(mini_bank, _session(mini_bank, priorities, actions))
    got = {
        s.factor_id: (
            [(r.proposal.action.id, r.planned.id if r.planned else None) for r in s.proposals],
            [a.id for a in s.others],
        )
        for s in plan.priorities
    }
    assert got == sections
    assert [a.id for a in plan.rest] == rest
    assert plan.municipal is None  # the mini bank has no municipal-level actions


def test_every_planned_action_is_shown_exactly_once(bank: Bank) -> None:
    session = new_session(bank, title="Gemeente")
    session.priorities = [Priority(factor="verloedering"), Priority(factor="communicatie")]
    ivp = municipal_proposals(bank, session)[0]
    session.actions = [
        PlannedAction(id="actie-1", factor=MUNICIPAL, bank_action=ivp.action.id),
        PlannedAction(id="actie-2", factor=MUNICIPAL),
        PlannedAction(id="actie-3", factor="verloedering"),
        PlannedAction(id="actie-4", factor="het-gesprek"),
    ]
    plan = action_plan(bank, session)
    assert plan.municipal is not None
    assert plan.municipal.proposals[0].planned is session.actions[0]
    assert [a.id for a in plan.municipal.others] == ["actie-2"]
    shown = [r.planned.id for s in plan.priorities for r in s.proposals if r.planned]
    shown += [a.id for s in plan.priorities for a in s.others]
    shown += [r.planned.id for r in plan.municipal.proposals if r.planned]
    shown += [a.id for a in plan.municipal.others] + [a.id for a in plan.rest]
    assert sorted(shown) == ["actie-1", "actie-2", "actie-3", "actie-4"]
    assert [a.id for a in plan.rest] == ["actie-4"]


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([], "actie-1"),
        (["actie-1", "actie-2"], "actie-3"),
        (["actie-2"], "actie-3"),  # one above the highest, never filling a gap
        (["actie-9", "actie-10"], "actie-11"),  # by number, not by text
        (["eigen", "actie-x"], "actie-1"),  # other ids do not count
        (["actie-07"], "actie-8"),  # "actie-07" counts as 7 but is not "actie-7"
        (["actie-07", "actie-8"], "actie-9"),
    ],
)
def test_next_action_id(mini_bank: Bank, ids: list[str], expected: str) -> None:
    session = _session(mini_bank, [], [(i, "alfa", None) for i in ids])
    assert next_action_id(session) == expected


def test_next_action_id_skips_a_taken_id(mini_bank: Bank) -> None:
    # "actie-01" counts as 1, so the next number is 2; "actie-2" is taken too.
    session = _session(mini_bank, [], [("actie-01", "alfa", None), ("actie-2", "alfa", None)])
    assert next_action_id(session) == "actie-3"


def test_a_record_of_a_proposal_carries_its_origin(mini_bank: Bank, bank: Bank) -> None:
    session = _session(mini_bank, ["alfa"], [("actie-4", "beta", None)])
    proposal = propose(mini_bank, session, "alfa")[1]
    planned = planned_from_proposal(session, proposal, "rejected")
    assert (planned.id, planned.factor, planned.bank_action) == ("actie-5", "alfa", "zwaar")
    assert (planned.title, planned.description, planned.status) == (
        "Zware actie",
        "Iets zwaars.",
        "rejected",
    )
    group = new_session(bank, title="G")
    group.priorities = [Priority(factor="verloedering")]
    municipal = municipal_proposals(bank, group)[0]
    planned = planned_from_proposal(group, municipal, "accepted")
    assert (planned.factor, planned.bank_action) == (MUNICIPAL, municipal.action.id)


_FULL = {
    "owner": "Gemeente",
    "start": dt.date(2026, 1, 1),
    "end": dt.date(2026, 6, 1),
    "expected_effect": "Minder overlast",
    "indicator": "Meldingen per maand",
}


@pytest.mark.parametrize(
    ("status", "blank", "gaps"),
    [
        ("accepted", [], []),
        ("accepted", ["owner"], ["eigenaar"]),
        ("accepted", ["end"], ["einddatum"]),
        ("accepted", ["start", "end"], ["startdatum", "einddatum"]),
        ("accepted", ["expected_effect"], ["verwacht effect"]),
        ("accepted", ["owner", "indicator"], ["eigenaar", "indicator"]),
        (
            "accepted",
            list(_FULL),
            ["eigenaar", "startdatum", "einddatum", "verwacht effect", "indicator"],
        ),
        ("rejected", list(_FULL), []),  # not in the plan: nothing to fill in
        ("proposed", list(_FULL), []),
    ],
)
def test_action_gaps(status: str, blank: list[str], gaps: list[str]) -> None:
    fields = {k: v for k, v in _FULL.items() if k not in blank}
    action = PlannedAction.model_validate(
        {"id": "actie-1", "factor": "x", "status": status, **fields}
    )
    assert action_gaps(action) == gaps
