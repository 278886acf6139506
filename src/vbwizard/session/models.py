"""Pydantic models of a session: everything a facilitator records, by ids.

Sessions are written as TOML, which has no null: optional values are ``None``
in memory and simply absent on disk. Blank optional texts are normalised to
``None`` so that what is saved is exactly what loads back. Answers refer to the
bank by ids (factor, sub-question, action), never by position.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from vbwizard.session.schema import SCHEMA_VERSION as SCHEMA_VERSION

SessionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)]
"""A session id doubles as its file name, so it is restricted to ``[a-z0-9-]``."""


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


Text = Annotated[str | None, BeforeValidator(_blank_to_none)]
"""Optional free text; blank means absent."""


def _drop_blank_values(value: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in value.items() if v.strip()}


def _empty_to_none(value: BaseModel | None) -> BaseModel | None:
    """An optional part with nothing filled in is the same as no part at all."""
    if value is not None and not value.model_dump(exclude_none=True, exclude_defaults=True):
        return None
    return value


Weight = Annotated[int, Field(ge=0, le=3)] | Literal["unknown"]
"""A factor's weight here: 0 not relevant … 3 major driver, or unknown (needs information)."""

AnswerValue = Literal["yes", "partly", "no", "unknown"]
Confidence = Literal["low", "medium", "high"]
Mode = Literal["group", "self"]
Status = Literal["in_progress", "completed"]
Step = Literal["scope", "sources", "problem", "factors", "priorities", "goal", "actions", "summary"]
ScopeType = Literal[
    "municipality", "neighbourhood", "place", "hangplek", "target_group", "communication", "other"
]

STEPS: tuple[Step, ...] = (
    "scope", "sources", "problem", "factors", "priorities", "goal", "actions", "summary",
)  # fmt: skip


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class BankRef(_Model):
    """Which bank the session was answered with."""

    id: str
    version: str
    hash: str


class Scope(_Model):
    """Scope and context (step 1, Informatie)."""

    title: str = ""
    area: str = ""
    scope_type: ScopeType | None = None
    target_groups: list[str] = Field(default_factory=list)
    trigger: Text = None
    """What prompted the session."""
    facilitator: Text = None
    participants: list[str] = Field(default_factory=list)
    """Names or roles; pseudonyms are fine."""
    date: dt.date | None = None


class SourceEntry(_Model):
    """An information source (step 2): which exist, are missing or planned."""

    name: str = ""
    kind: Literal["quantitative", "qualitative"] | None = None
    status: Literal["available", "missing", "planned"] = "available"
    finding: Text = None


class ProblemPicture(_Model):
    """The problem picture (step 3, Analyse): who, where, when, and the effects."""

    who: Text = None
    where: Text = None
    when: Text = None
    thinking: Text = None
    feeling: Text = None
    doing: Text = None
    problematic: AnswerValue | None = None
    """Is the perception problematic? ``no`` leads to monitoring advice."""


class FactorAnswer(_Model):
    """Everything recorded for one factor of the Tafel van 12."""

    visited: bool = False
    weight: Weight | None = None
    confidence: Confidence | None = None
    sub_answers: dict[str, AnswerValue] = Field(default_factory=dict)
    citizen_view: Text = None
    professional_view: Text = None
    evidence: Text = None
    notes: Text = None
    participant_weights: dict[str, Annotated[int, Field(ge=0, le=3)]] = Field(default_factory=dict)
    """Group mode or merge: each participant's weight, by name or pseudonym."""
    participant_notes: Annotated[dict[str, str], AfterValidator(_drop_blank_values)] = Field(
        default_factory=dict
    )
    """Merge: each participant's notes, by name or pseudonym."""

    @property
    def spread(self) -> int | None:
        """Max minus min of the participants' weights, or ``None`` without any."""
        values = list(self.participant_weights.values())
        return max(values) - min(values) if values else None

    @property
    def disputed(self) -> bool:
        """True when participants differ by two or more points."""
        return (self.spread or 0) >= 2


class Priority(_Model):
    """A chosen priority factor; the list order is the order of treatment."""

    factor: str
    reason: Text = None


class SmartGoal(_Model):
    """The optional SMART part of the goal."""

    specific: Text = None
    indicator: Text = None
    baseline: Text = None
    target: Text = None
    agreed_by: Text = None
    realistic: Text = None
    deadline: dt.date | None = None


class Goal(_Model):
    """What the group wants to achieve (step 6, Actie)."""

    text: Text = None
    smart: Annotated[SmartGoal | None, AfterValidator(_empty_to_none)] = None


class ActionEvaluation(_Model):
    """How an action turned out (step 9, Evaluatie)."""

    done: Literal["done", "partly", "not"] | None = None
    effect: Text = None
    notes: Text = None


class PlannedAction(_Model):
    """An action in the plan: proposed from the bank or the group's own."""

    id: SessionId
    factor: str
    bank_action: str | None = None
    """The id of the bank action it came from; ``None`` for the group's own."""
    title: str = ""
    description: Text = None
    status: Literal["proposed", "accepted", "rejected"] = "accepted"
    owner: Text = None
    start: dt.date | None = None
    end: dt.date | None = None
    expected_effect: Text = None
    indicator: Text = None
    buikpijn: Literal["yes", "no", "unsure"] | None = None
    """Do people worry about it? yes: communicate explicitly; no: with restraint."""
    frame: Text = None
    evaluation: Annotated[ActionEvaluation | None, AfterValidator(_empty_to_none)] = None


class Evaluation(_Model):
    """Session-level evaluation of a follow-up."""

    process_notes: Text = None
    conclusion: Literal["consolidate", "adjust"] | None = None


class Links(_Model):
    """How this session relates to others."""

    followup_of: str | None = None
    merged_from: list[str] = Field(default_factory=list)


class Progress(_Model):
    """Where the user was, so reopening returns there."""

    step: Step = "scope"
    factor: str | None = None


class Session(_Model):
    """One analysis session, saved as one TOML file."""

    schema_version: int = SCHEMA_VERSION
    id: SessionId
    created: dt.datetime
    updated: dt.datetime
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
    evaluation: Annotated[Evaluation | None, AfterValidator(_empty_to_none)] = None
    links: Links = Field(default_factory=Links)
    progress: Progress = Field(default_factory=Progress)

    def answer(self, factor_id: str) -> FactorAnswer:
        """Return the answer record of a factor, creating an empty one if needed."""
        return self.factors.setdefault(factor_id, FactorAnswer())

    @property
    def priority_ids(self) -> list[str]:
        """The chosen priority factor ids, in order of treatment."""
        return [p.factor for p in self.priorities]
