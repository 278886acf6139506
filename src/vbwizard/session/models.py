"""Pydantic models of a session: everything a facilitator records, by ids.

Sessions are written as TOML, which has no null: optional values are ``None``
in memory and simply absent on disk. Blank optional texts are normalised to
``None`` so that what is saved is exactly what loads back. Answers refer to the
bank by ids (factor, sub-question, action), never by position.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    model_validator,
)

from vbwizard.session.base import (
    FOLLOWUP_STEPS as FOLLOWUP_STEPS,
)
from vbwizard.session.base import (
    STEPS as STEPS,
)
from vbwizard.session.base import (
    AnswerValue as AnswerValue,
)
from vbwizard.session.base import (
    Confidence as Confidence,
)
from vbwizard.session.base import (
    Mode as Mode,
)
from vbwizard.session.base import (
    Moment as Moment,
)
from vbwizard.session.base import (
    Ref as Ref,
)
from vbwizard.session.base import (
    ScopeType as ScopeType,
)
from vbwizard.session.base import (
    SessionId as SessionId,
)
from vbwizard.session.base import (
    SessionModel as SessionModel,
)
from vbwizard.session.base import (
    Status as Status,
)
from vbwizard.session.base import (
    Step as Step,
)
from vbwizard.session.base import (
    Text as Text,
)
from vbwizard.session.base import (
    Weight as Weight,
)
from vbwizard.session.base import (
    drop_blank_values as drop_blank_values,
)
from vbwizard.session.base import (
    empty_to_none as empty_to_none,
)
from vbwizard.session.evaluation_models import (
    ActionEvaluation as ActionEvaluation,
)
from vbwizard.session.evaluation_models import (
    Conclusion as Conclusion,
)
from vbwizard.session.evaluation_models import (
    Decision as Decision,
)
from vbwizard.session.evaluation_models import (
    Done as Done,
)
from vbwizard.session.evaluation_models import (
    EvaluatedAction as EvaluatedAction,
)
from vbwizard.session.evaluation_models import (
    Evaluation as Evaluation,
)
from vbwizard.session.evaluation_models import (
    GoalMeasurement as GoalMeasurement,
)
from vbwizard.session.schema import SCHEMA_VERSION as SCHEMA_VERSION

ParticipantId = Annotated[str, StringConstraints(pattern=r"^p[1-9][0-9]{0,5}$")]
"""A participant's stable id (``p1``, ``p2``…): weights refer to it, never to the name."""


class Participant(SessionModel):
    """Someone taking part; the name may change, the id never does."""

    id: ParticipantId
    name: Annotated[str, StringConstraints(pattern=r"\S")]
    """A name, a role or a pseudonym, as the group wants it shown (not blank)."""


class BankRef(SessionModel):
    """Which bank the session was answered with."""

    id: Ref
    version: Ref
    hash: Ref


class Scope(SessionModel):
    """Scope and context (step 1, Informatie)."""

    title: str = ""
    area: str = ""
    scope_type: ScopeType | None = None
    target_groups: list[str] = Field(default_factory=list)
    trigger: Text = None
    """What prompted the session."""
    facilitator: Text = None
    participants: list[Participant] = Field(default_factory=list)
    """Names or roles; pseudonyms are fine. Weights refer to their ids."""
    date: dt.date | None = None


SourceKind = Literal["quantitative", "qualitative"]
SourceStatus = Literal["available", "missing", "planned"]


class SourceEntry(SessionModel):
    """An information source (step 2): which exist, are missing or planned."""

    name: str = ""
    kind: SourceKind | None = None
    status: SourceStatus = "available"
    finding: Text = None


class ProblemPicture(SessionModel):
    """The problem picture (step 3, Analyse): who, where, when, and the effects."""

    who: Text = None
    where: Text = None
    when: Text = None
    thinking: Text = None
    feeling: Text = None
    doing: Text = None
    problematic: AnswerValue | None = None
    """Is the perception problematic? ``no`` leads to monitoring advice."""


DISAGREEMENT = 2
"""Participants disagree on a factor when their weights lie this many points apart or more.

The one definition: the grid's ≠, the disagreement list, merges and reports use it.
"""


class FactorAnswer(SessionModel):
    """Everything recorded for one factor of the Tafel van 12."""

    visited: bool = False
    weight: Weight | None = None
    confidence: Confidence | None = None
    sub_answers: dict[str, AnswerValue] = Field(default_factory=dict)
    citizen_view: Text = None
    professional_view: Text = None
    evidence: Text = None
    notes: Text = None
    participant_weights: dict[ParticipantId, Annotated[int, Field(ge=0, le=3)]] = Field(
        default_factory=dict
    )
    """Group mode or merge: each participant's weight, by participant id."""
    participant_notes: Annotated[dict[str, str], AfterValidator(drop_blank_values)] = Field(
        default_factory=dict
    )
    """Merge: each participant's notes, by participant id."""

    @property
    def spread(self) -> int | None:
        """Max minus min of the participants' weights, or ``None`` without any."""
        values = list(self.participant_weights.values())
        return max(values) - min(values) if values else None

    @property
    def disputed(self) -> bool:
        """True when participants differ by :data:`DISAGREEMENT` points or more."""
        return (self.spread or 0) >= DISAGREEMENT


class Priority(SessionModel):
    """A chosen priority factor; the list order is the order of treatment."""

    factor: Ref
    reason: Text = None


class SmartGoal(SessionModel):
    """The optional SMART part of the goal."""

    specific: Text = None
    indicator: Text = None
    baseline: Text = None
    target: Text = None
    agreed_by: Text = None
    realistic: Text = None
    deadline: dt.date | None = None


class Goal(SessionModel):
    """What the group wants to achieve (step 6, Actie)."""

    text: Text = None
    agreed_by: Text = None
    """Who agreed the goal (the method settles it between municipality, professionals
    and residents); older sessions kept this in ``smart.agreed_by``."""
    smart_chosen: bool | None = None
    """Whether the group chose to make the goal SMART; ``None`` when not yet decided."""
    smart: Annotated[SmartGoal | None, AfterValidator(empty_to_none)] = None

    @property
    def agreed(self) -> str | None:
        """Who agreed the goal, wherever it was recorded (older sessions: the SMART part)."""
        return self.agreed_by or (self.smart.agreed_by if self.smart else None)


def date_order_problem(start: dt.date | None, end: dt.date | None) -> str | None:
    """The Dutch message when an end date lies before its start date, else ``None``."""
    if start is not None and end is not None and end < start:
        return "De einddatum ligt vóór de startdatum."
    return None


ActionStatus = Literal["proposed", "accepted", "rejected"]
Buikpijn = Literal["yes", "no", "unsure"]
"""Do people worry about an action ("buikpijn")? Yes, no, or not sure."""


class PlannedAction(SessionModel):
    """An action in the plan: proposed from the bank or the group's own."""

    id: SessionId
    factor: Ref
    bank_action: Ref | None = None
    """The id of the bank action it came from; ``None`` for the group's own."""
    title: str = ""
    description: Text = None
    status: ActionStatus = "accepted"
    owner: Text = None
    start: dt.date | None = None
    end: dt.date | None = None
    expected_effect: Text = None
    indicator: Text = None
    buikpijn: Buikpijn | None = None
    """Do people worry about it? yes: communicate explicitly; no: with restraint."""
    frame: Text = None
    evaluation: Annotated[ActionEvaluation | None, AfterValidator(empty_to_none)] = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> PlannedAction:
        """A merge or a hand edit may not put the end before the start (the editor says so too)."""
        problem = date_order_problem(self.start, self.end)
        if problem is not None:
            raise ValueError(f"actie {self.id}: {problem}")
        return self


class Links(SessionModel):
    """How this session relates to others."""

    followup_of: Ref | None = None
    merged_from: list[Ref] = Field(default_factory=list)


class MergeInfo(SessionModel):
    """How a merged session came about: counts only, never who.

    Kept apart from the participants' weights because a factor can rest on
    fewer people than took part, and a reader must be able to see that.
    """

    inputs: Annotated[int, Field(ge=1)]
    """How many sessions were merged."""
    in_progress: Annotated[int, Field(ge=0)] = 0
    """How many of them were still in progress (not marked completed) when merged."""
    answered: dict[str, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)
    """Per factor id: how many inputs gave it a weight (0–3 or unknown)."""


class Progress(SessionModel):
    """Where the user was, so reopening returns there."""

    step: Step = "scope"
    factor: Ref | None = None


class Session(SessionModel):
    """One analysis session, saved as one TOML file."""

    schema_version: int = SCHEMA_VERSION
    id: SessionId
    created: Moment
    updated: Moment
    status: Status = "in_progress"
    language: str = "nl"
    mode: Mode = "group"
    bank: BankRef
    scope: Scope = Field(default_factory=Scope)
    sources: list[SourceEntry] = Field(default_factory=list)
    problem: ProblemPicture = Field(default_factory=ProblemPicture)
    factors: dict[str, FactorAnswer] = Field(default_factory=dict)
    priorities: list[Priority] = Field(default_factory=list)
    priority_override: Text = None
    """Why the group chose fewer than 3 or more than 5 priorities."""
    goal: Goal = Field(default_factory=Goal)
    actions: list[PlannedAction] = Field(default_factory=list)
    evaluation: Annotated[Evaluation | None, AfterValidator(empty_to_none)] = None
    links: Links = Field(default_factory=Links)
    merge: MergeInfo | None = None
    """Only in a session made by merging self-assessments."""
    progress: Progress = Field(default_factory=Progress)

    @model_validator(mode="after")
    def _participants_are_known(self) -> Session:
        """Ids are unique and every weight or note names a participant of the session."""
        ids = [p.id for p in self.scope.participants]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"scope.participants: id {doubles[0]} komt twee keer voor")
        known = set(ids)
        for factor_id, answer in self.factors.items():
            for part in ("participant_weights", "participant_notes"):
                for key in getattr(answer, part):
                    if key not in known:
                        raise ValueError(
                            f"factors.{factor_id}.{part}.{key}: geen deelnemer met dit id "
                            "in scope.participants"
                        )
        return self

    def answer(self, factor_id: str) -> FactorAnswer:
        """Return the answer record of a factor, creating an empty one if needed."""
        return self.factors.setdefault(factor_id, FactorAnswer())

    @property
    def priority_ids(self) -> list[str]:
        """The chosen priority factor ids, in order of treatment."""
        return [p.factor for p in self.priorities]
