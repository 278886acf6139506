"""Pydantic models of a question bank: manifest, clusters, factors and actions.

A bank is data, never code: every model forbids unknown keys, and the rule that
decides when an action is proposed is declarative (a minimum weight and answers
to named sub-questions), so loading a bank can never make the app run anything.
Cross-references (a factor's cluster, a rule's sub-question) are checked by the
loader, which knows the file each part came from.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from vbwizard.printable import CONTROL

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
"""A stable identifier: lower-case letters, digits and single hyphens."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]

AnswerValue = Literal["yes", "partly", "no", "unknown"]
"""How a sub-question is answered."""

Intensity = Literal["light", "medium", "heavy"]
"""How heavy an action is; a factor's actions run from light to heavy."""

INTENSITY_ORDER: dict[str, int] = {"light": 0, "medium": 1, "heavy": 2}

ProblemAnswer = Literal["yes", "no", "none"]
"""The answer to a sub-question that signals a problem (``partly`` signals part of one);
``none`` for a neutral question, such as whether plans or chances exist."""


def _no_control(value: Any) -> Any:
    texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    for text in texts:
        found = CONTROL.search(text) if isinstance(text, str) else None
        if found:
            code = f"U+{ord(found.group()):04X}"
            raise ValueError(f"bevat een stuurteken ({code}); haal het weg in een teksteditor")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _printable(cls, value: Any) -> Any:
        """A bank's texts are shown as they are: an escape code would steer the terminal."""
        return _no_control(value)


class Source(_Strict):
    """Where the method comes from, shown in the app and every report."""

    name: NonEmpty
    url: str | None = None
    note: NonEmpty
    """How the bank relates to the source (our own wording, what was reconstructed)."""


class ScaleOption(_Strict):
    """One labelled value of an answer scale."""

    value: str
    label: NonEmpty
    short: str | None = None
    """A compact label for narrow screens (e.g. "klein" for "speelt een kleine rol")."""
    description: str | None = None


class Scales(_Strict):
    """Labels for the fixed answer scales the app works with.

    The values are fixed by the app (its logic depends on them); a bank only
    words them, so a bank in another language or framework relabels them.
    """

    answer: list[ScaleOption]
    """Sub-question answers: yes, partly, no, unknown."""
    weight: list[ScaleOption]
    """Factor weight here: 0, 1, 2, 3 and unknown."""
    confidence: list[ScaleOption]
    """Confidence in the weight: low, medium, high."""


class Step(_Strict):
    """A step of the method (Informatie, Analyse, Actie, Evaluatie) with its text."""

    id: Slug
    title: NonEmpty
    text: NonEmpty


class Cluster(_Strict):
    """A main group (hoofdgroep) of factors."""

    id: Slug
    number: int = Field(ge=1, le=99)
    title: NonEmpty
    description: str | None = None


class MunicipalAction(_Strict):
    """An action at the level of the municipality, beside the per-factor ranges.

    These follow from the method's municipal step plan (anchor the priorities in
    the integral safety plan, work on staff's attitude …); the actions step
    proposes them once priorities are chosen, each with its own reason.
    """

    id: Slug
    title: NonEmpty
    description: NonEmpty
    why: NonEmpty
    """Why the wizard proposes it, shown as the reason (one or two sentences)."""
    owners: list[NonEmpty] = Field(default_factory=list)


class Guidance(_Strict):
    """The method's pitfalls, shown on the steps where they bite."""

    smart_caveat: str | None = None
    """Why a SMART goal is a choice, shown beside that choice on the goal step."""
    goal: list[NonEmpty] = Field(default_factory=list)
    """Shown on the goal step."""
    actions: list[NonEmpty] = Field(default_factory=list)
    """Shown on the actions step."""


class Manifest(_Strict):
    """The bank's manifest (``bank.toml``)."""

    schema_version: Literal[1] = 1
    id: Slug
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    title: NonEmpty
    description: str | None = None
    source: Source
    scales: Scales
    steps: list[Step] = Field(min_length=1)
    clusters: list[Cluster] = Field(min_length=1)
    municipal_actions: list[MunicipalAction] = Field(default_factory=list)
    guidance: Guidance = Field(default_factory=Guidance)


class SubQuestion(_Strict):
    """A diagnostic sub-question of a factor, answered yes / partly / no / unknown.

    Questions flip direction within a factor ("is there trust?" against "do people
    feel left out?"), so each declares which answer signals a problem; the app shows
    it beside the question and uses it to explain a proposal.
    """

    id: Slug
    text: NonEmpty
    hint: str | None = None
    problem_answer: ProblemAnswer | None = None
    """``"no"``, ``"yes"`` or ``"none"`` (neutral): the answer that points to a problem.
    Optional so that older banks still load; ``vbwizard lint`` reports it missing."""
    context_only: bool = False
    """True for a question that informs the analysis but drives no action on purpose."""

    def signal(self, answer: str) -> Literal["problem", "partial", "none"]:
        """How far ``answer`` points to a problem: fully, partly or not at all."""
        if self.problem_answer in (None, "none") or answer == "unknown":
            return "none"
        if answer == "partly":
            return "partial"
        return "problem" if answer == self.problem_answer else "none"


class AnswerCondition(_Strict):
    """One condition of a rule: a sub-question's answer is one of ``values``."""

    question: Slug
    values: list[AnswerValue] = Field(alias="in", min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ProposalRule(_Strict):
    """When to propose an action: a declarative rule, never an expression.

    The action is proposed when the factor's weight is at least ``min_weight``
    (and at most ``max_weight`` if given) and the answer conditions hold:
    all of them when ``match`` is ``all``, at least one when it is ``any``.
    No conditions means the weight alone decides.
    """

    min_weight: int = Field(default=1, ge=0, le=3)
    max_weight: int = Field(default=3, ge=0, le=3)
    answers: list[AnswerCondition] = Field(default_factory=list)
    match: Literal["all", "any"] = "any"


class Action(_Strict):
    """An action from a factor's range."""

    id: Slug
    title: NonEmpty
    description: NonEmpty
    intensity: Intensity
    owners: list[NonEmpty] = Field(default_factory=list)
    """Who usually carries it out (roles, not names)."""
    propose_when: ProposalRule = Field(default_factory=ProposalRule)


class Factor(_Strict):
    """One factor of the analysis frame, with its questions and action range."""

    id: Slug
    number: int = Field(ge=1, le=99)
    cluster: Slug
    title: NonEmpty
    short_title: str | None = None
    main_question: NonEmpty
    sub_questions: list[SubQuestion] = Field(min_length=2, max_length=6)
    explanation: NonEmpty
    cautions: list[NonEmpty] = Field(default_factory=list)
    examples: list[NonEmpty] = Field(default_factory=list)
    reconstructed: bool = False
    """True when no source page existed and the wording is our own reconstruction."""
    actions: list[Action] = Field(min_length=2, max_length=6)

    @property
    def numbered_title(self) -> str:
        """``"9. Kwaliteit van de aanpak"``: how every list and report names the factor."""
        return f"{self.number}. {self.title}"

    @property
    def numbered_short_title(self) -> str:
        """``"9. Kwaliteit aanpak"``: the short title where room is scarce (grid, lists)."""
        return f"{self.number}. {self.short_title or self.title}"


class Bank(BaseModel):
    """A validated question bank: the manifest and its factors in number order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    manifest: Manifest
    factors: list[Factor]
    content_hash: str
    """SHA-256 of the bank's canonical JSON; sessions record it."""

    @property
    def id(self) -> str:
        """The bank's stable id."""
        return self.manifest.id

    @property
    def version(self) -> str:
        """The bank's version string."""
        return self.manifest.version

    def factor(self, factor_id: str) -> Factor:
        """Return the factor with ``factor_id``.

        Raises:
            KeyError: if the bank has no such factor.
        """
        for factor in self.factors:
            if factor.id == factor_id:
                return factor
        raise KeyError(factor_id)

    def factors_in(self, cluster_id: str) -> list[Factor]:
        """Return the factors of one cluster, in number order."""
        return [f for f in self.factors if f.cluster == cluster_id]

    def label(self, scale: Literal["answer", "weight", "confidence"], value: object) -> str:
        """Return the bank's label for a scale value, or the value itself."""
        for option in getattr(self.manifest.scales, scale):
            if option.value == str(value):
                return str(option.label)
        return str(value)

    @property
    def question_count(self) -> int:
        """Main questions plus sub-questions over all factors."""
        return sum(1 + len(f.sub_questions) for f in self.factors)

    @property
    def action_count(self) -> int:
        """Actions over all factors."""
        return sum(len(f.actions) for f in self.factors)
