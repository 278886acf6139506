"""The action plan of step 7: proposals matched to planned actions, new ids, what is missing.

A proposal only enters the plan when the group accepts (or edits) it; the
plan's record of it names the bank action it came from. This module pairs each
proposal with that record, so the actions step, and any other front end, shows
one row per proposal and never the same planned action twice. It also decides
what an accepted action still lacks before it can be evaluated later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vbwizard.bank.models import Bank, Factor
from vbwizard.proposals import (
    MUNICIPAL,
    MunicipalProposal,
    Proposal,
    municipal_proposals,
    propose,
)
from vbwizard.session.models import PlannedAction, Session

_ACTION_NUMBER = re.compile(r"^actie-(\d+)$")


def next_action_id(session: Session) -> str:
    """A new action id, ``actie-N``, one above the highest N and unique within the session."""
    numbers = [int(m.group(1)) for a in session.actions if (m := _ACTION_NUMBER.match(a.id))]
    taken = {a.id for a in session.actions}
    number = max(numbers, default=0) + 1
    while f"actie-{number}" in taken:  # only with hand-made ids such as "actie-07"
        number += 1
    return f"actie-{number}"


def planned_from_proposal(
    session: Session, proposal: Proposal | MunicipalProposal, status: str
) -> PlannedAction:
    """The plan's record of a proposal the group accepted or rejected, with a new id."""
    return PlannedAction.model_validate(
        {
            "id": next_action_id(session),
            "factor": proposal.factor.id if isinstance(proposal, Proposal) else MUNICIPAL,
            "bank_action": proposal.action.id,
            "title": proposal.action.title,
            "description": proposal.action.description,
            "status": status,
        }
    )


@dataclass(frozen=True)
class ProposalRow:
    """A proposal and the plan's record of it (``None`` while the group has not decided)."""

    proposal: Proposal | MunicipalProposal
    planned: PlannedAction | None


@dataclass(frozen=True)
class SectionPlan:
    """One section of the actions step: a priority factor, or the municipal level."""

    factor_id: str
    factor: Factor | None
    """The bank's factor; ``None`` for the municipal level or a factor the bank lacks."""
    proposals: list[ProposalRow]
    others: list[PlannedAction]
    """Planned actions of this section no proposal matches: own ones, or former proposals."""


@dataclass(frozen=True)
class ActionPlan:
    """Everything the actions step shows, each planned action exactly once."""

    priorities: list[SectionPlan]
    """One section per priority, in the order of treatment."""
    municipal: SectionPlan | None
    """The municipal level; ``None`` when the bank proposes nothing there (yet)."""
    rest: list[PlannedAction]
    """Actions of factors that are no longer a priority: they stay in the plan."""


class _Matcher:
    """Hands out each planned action once, in plan order."""

    def __init__(self, session: Session) -> None:
        self.actions = session.actions
        self.shown: set[int] = set()

    def take(self, factor_id: str, bank_action: str | None = None) -> PlannedAction | None:
        """The first unshown action of ``factor_id`` (from ``bank_action`` if given)."""
        for action in self.actions:
            if id(action) in self.shown or action.factor != factor_id:
                continue
            if bank_action is None or action.bank_action == bank_action:
                self.shown.add(id(action))
                return action
        return None

    def section(
        self, factor_id: str, factor: Factor | None, proposals: list[Proposal | MunicipalProposal]
    ) -> SectionPlan:
        rows = [ProposalRow(p, self.take(factor_id, p.action.id)) for p in proposals]
        others = []
        while (action := self.take(factor_id)) is not None:
            others.append(action)
        return SectionPlan(factor_id, factor, rows, others)


def _bank_factor(bank: Bank, factor_id: str) -> Factor | None:
    try:
        return bank.factor(factor_id)
    except KeyError:
        return None


def action_plan(bank: Bank, session: Session) -> ActionPlan:
    """Pair the proposals per priority (and at municipal level) with the planned actions.

    A proposal is matched to the first planned action of the same factor that
    came from the same bank action; planned actions left over in a section are
    listed after its proposals, and those of factors that are no longer a
    priority come last, so nothing the group decided disappears from view.
    """
    matcher = _Matcher(session)
    sections = []
    for priority in session.priorities:
        factor = _bank_factor(bank, priority.factor)
        proposals: list[Proposal | MunicipalProposal] = []
        if factor is not None:
            proposals.extend(propose(bank, session, priority.factor))
        sections.append(matcher.section(priority.factor, factor, proposals))
    municipal = None
    at_municipal_level = municipal_proposals(bank, session)
    if at_municipal_level:
        municipal = matcher.section(MUNICIPAL, None, list(at_municipal_level))
    rest = [a for a in session.actions if id(a) not in matcher.shown]
    return ActionPlan(sections, municipal, rest)


def action_gaps(action: PlannedAction) -> list[str]:
    """What an accepted action still lacks, in Dutch, in the editor's order.

    The method asks for an owner, a start and an end date, and the expected
    effect with an observable indicator: without them the action cannot be
    carried out or evaluated later. Actions not (yet) accepted lack nothing.
    """
    if action.status != "accepted":
        return []
    return [
        label
        for label, value in (
            ("eigenaar", action.owner),
            ("startdatum", action.start),
            ("einddatum", action.end),
            ("verwacht effect", action.expected_effect),
            ("indicator", action.indicator),
        )
        if not value
    ]
