"""Step 9 (Evaluatie), only in a follow-up: did the baseline's actions work?

Per action of the baseline's plan the group records whether it was carried out
as intended, what was done differently, the indicator's measured value (with
its date, its source and whether that source is independent), the observed
effect, side effects and the decision: continue, adjust or stop. Then the SMART
goal measured against its target, how the cooperation went, and the overall
conclusion. The plan was copied into the follow-up when it was made, so this
page works even when the baseline file is gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from textual import on
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.followup import sync_evaluation, unevaluated
from vbwizard.labels import factor_title
from vbwizard.session.models import (
    Conclusion,
    Decision,
    Done,
    EvaluatedAction,
    Evaluation,
    GoalMeasurement,
    Step,
)
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

T = TypeVar("T")

DONE: list[Choice[Done]] = [
    Choice("done", "Uitgevoerd", "u"),
    Choice("partly", "Deels", "d"),
    Choice("not", "Niet", "n"),
    Choice("unknown", "Weet niet", "w"),
]
INDEPENDENT: list[Choice[bool]] = [Choice(True, "Ja", "j"), Choice(False, "Nee", "n")]
DECISION: list[Choice[Decision]] = [
    Choice("continue", "Voortzetten", "v"),
    Choice("adjust", "Aanpassen", "a"),
    Choice("stop", "Stoppen", "s"),
]
CONCLUSION: list[Choice[Conclusion]] = [
    Choice("consolidate", "Bestendigen", "b"),
    Choice("adjust", "Bijsturen", "a"),
]

OUTCOME = (
    FieldSpec(
        EvaluatedAction,
        "differently",
        "Wat is anders gedaan dan gepland?",
        id="differently",
        multiline=True,
    ),
    FieldSpec(EvaluatedAction, "measured", "Indicator: gemeten waarde", id="measured"),
    FieldSpec(
        EvaluatedAction, "measured_on", "Gemeten op (datum, bijv. 1-3-2027)", id="measured-on"
    ),
    FieldSpec(EvaluatedAction, "source", "Bron van de meting", id="source"),
)
"""Per baseline action, before "is the source independent?"; ids after ``eval-N-``."""
EFFECTS = (
    FieldSpec(EvaluatedAction, "effect", "Waargenomen effect", id="effect", multiline=True),
    FieldSpec(
        EvaluatedAction,
        "side_effects",
        "Bijeffecten (bedoeld of onbedoeld)",
        id="side-effects",
        multiline=True,
    ),
)
GOAL_MEASURED = (
    FieldSpec(GoalMeasurement, "measured", "Gemeten waarde nu", id="eval-goal-measured"),
    FieldSpec(GoalMeasurement, "measured_on", "Gemeten op (datum)", id="eval-goal-measured-on"),
    FieldSpec(GoalMeasurement, "source", "Bron van de meting", id="eval-goal-source"),
)
PROCESS = (
    FieldSpec(
        Evaluation,
        "process_notes",
        "Hoe ging de samenwerking? (procesnotities)",
        id="eval-process",
        multiline=True,
    ),
)


class EvaluationScreen(StepScreen):
    """The baseline's actions, its SMART goal, the process and the conclusion."""

    STEP: ClassVar[Step] = "evaluation"

    def compose_body(self) -> Iterable[Widget]:
        """An intro, a block per baseline action, the goal, process and conclusion."""
        baseline = self.wizard.baseline
        # A follow-up made before this step existed gets the baseline's plan now.
        self._synced = baseline is not None and sync_evaluation(self.session, baseline)
        evaluation = self._evaluation()
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(self._intro(), id="evaluation-intro", classes="step-intro")
        for index, entry in enumerate(evaluation.actions, start=1):
            yield from self._action_block(index, entry)
        yield from self._goal_block(evaluation.goal)
        yield Static("Het proces en de conclusie", classes="section-title")
        yield from build_fields(
            PROCESS, evaluation, target=self._evaluation, applied=self._attach_evaluation
        )
        yield ChoiceRow(
            "Conclusie: de aanpak bestendigen of bijsturen?",
            CONCLUSION,
            evaluation.conclusion,
            id="eval-conclusion",
        )
        yield Static(
            "De conclusie voedt de nieuwe prioriteiten (stap 5) en het nieuwe actieplan.",
            classes="hint",
        )

    def on_mount(self) -> None:
        """Save a freshly copied plan."""
        super().on_mount()
        if self._synced:
            self.commit()

    def _intro(self) -> str:
        ref = self.session.links.followup_of
        entries = self.session.evaluation.actions if self.session.evaluation else []
        if not entries:
            if self.wizard.baseline is None:
                return (
                    f"De nulmeting ‘{ref}’ is niet gevonden of onleesbaar, en er zijn nog geen "
                    "acties uit de nulmeting overgenomen. Het doel, het proces en de conclusie "
                    "kun je hier wel vastleggen."
                )
            return "De nulmeting had geen acties. Leg het doel, het proces en de conclusie vast."
        open_count = len(unevaluated(self.session))
        done = len(entries) - open_count
        return (
            f"Hoe pakten de acties uit de nulmeting uit? {done} van {len(entries)} "
            "geëvalueerd. Kies met een letter; laat leeg wat je niet weet."
        )

    def _update_intro(self) -> None:
        text = self._intro()
        intro = self.query_one("#evaluation-intro", Static)
        if text != intro.content:  # Called on every keystroke; an unchanged line needs no layout.
            intro.update(text)

    # -- the blocks ------------------------------------------------------------------

    def _action_block(self, index: int, entry: EvaluatedAction) -> Iterable[Widget]:
        factor = factor_title(self.bank, entry.factor) if entry.factor else ""
        yield Static(
            f"Actie {index}: {entry.title or entry.action}", classes="section-title", markup=False
        )
        planned = [f"Factor: {factor}"] if factor else []
        planned.append(f"Verwacht effect: {entry.expected_effect or '–'}")
        planned.append(f"Indicator: {entry.indicator or '–'}")
        yield Static("\n".join(planned), classes="why", markup=False)
        prefix = f"eval-{index}-"
        yield ChoiceRow(
            "Uitgevoerd zoals bedoeld?", DONE, entry.done, id=f"{prefix}done", classes="eval-done"
        )
        yield from self._entry_fields(OUTCOME, index, entry)
        yield ChoiceRow(
            "Is die bron onafhankelijk van wie de actie uitvoerde?",
            INDEPENDENT,
            entry.independent,
            id=f"{prefix}independent",
            classes="eval-independent",
        )
        yield from self._entry_fields(EFFECTS, index, entry)
        yield ChoiceRow(
            "Besluit", DECISION, entry.decision, id=f"{prefix}decision", classes="eval-decision"
        )

    def _entry_fields(
        self, specs: tuple[FieldSpec[EvaluatedAction], ...], index: int, entry: EvaluatedAction
    ) -> list[Field]:
        return build_fields(
            specs,
            entry,
            target=lambda: self._entry(index),
            applied=lambda _: self._update_intro(),
            prefix=f"eval-{index}-",
        )

    def _goal_block(self, goal: GoalMeasurement | None) -> Iterable[Widget]:
        goal = goal or GoalMeasurement()
        yield Static("Het doel (SMART)", classes="section-title")
        smart = self.session.goal.smart
        indicator = goal.indicator or (smart.indicator if smart else None)
        yield Static(
            f"Indicator: {indicator or '–'}\n"
            f"Nulmeting: {goal.baseline or '–'} · streefwaarde: {goal.target or '–'}",
            classes="why",
            markup=False,
        )
        yield from build_fields(GOAL_MEASURED, goal, target=self._goal, applied=self._attach_goal)

    # -- applying answers ------------------------------------------------------------
    # The evaluation and its goal part are attached on the first answer: the session
    # model makes an empty part absent, so an untouched one is never saved.

    def _evaluation(self) -> Evaluation:
        return self.session.evaluation or Evaluation()

    def _attach_evaluation(self, evaluation: Evaluation) -> None:
        self.session.evaluation = evaluation

    def _goal(self) -> GoalMeasurement:
        return self._evaluation().goal or GoalMeasurement()

    def _attach_goal(self, goal: GoalMeasurement) -> None:
        evaluation = self._evaluation()
        evaluation.goal = goal
        self._attach_evaluation(evaluation)

    def _entry(self, index: int) -> EvaluatedAction:
        # Blocks exist only for entries, so the evaluation holding them exists too.
        return self._evaluation().actions[index - 1]

    def _entry_of(self, row: ChoiceRow[T]) -> EvaluatedAction:
        _, number, _ = (row.id or "").split("-", 2)  # eval-N-…
        return self._entry(int(number))

    def _answered(self, event: ChoiceRow.Changed[T]) -> None:
        event.stop()
        self._update_intro()
        self.commit()

    @on(ChoiceRow.Changed, ".eval-done")
    def _done(self, event: ChoiceRow.Changed[Done]) -> None:
        self._entry_of(event.row).done = event.value
        self._answered(event)

    @on(ChoiceRow.Changed, ".eval-independent")
    def _independent(self, event: ChoiceRow.Changed[bool]) -> None:
        self._entry_of(event.row).independent = event.value
        self._answered(event)

    @on(ChoiceRow.Changed, ".eval-decision")
    def _decision(self, event: ChoiceRow.Changed[Decision]) -> None:
        self._entry_of(event.row).decision = event.value
        self._answered(event)

    @on(ChoiceRow.Changed, "#eval-conclusion")
    def _conclusion(self, event: ChoiceRow.Changed[Conclusion]) -> None:
        evaluation = self._evaluation()
        evaluation.conclusion = event.value
        self._attach_evaluation(evaluation)
        self._answered(event)
