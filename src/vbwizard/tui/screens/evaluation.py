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

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import on
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.dates import format_date, parse_date
from vbwizard.followup import sync_evaluation, unevaluated
from vbwizard.labels import factor_title
from vbwizard.session.models import EvaluatedAction, Evaluation, GoalMeasurement, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field, Setter, text_setter

DONE = [
    Choice("done", "Uitgevoerd", "u"),
    Choice("partly", "Deels", "d"),
    Choice("not", "Niet", "n"),
    Choice("unknown", "Weet niet", "w"),
]
INDEPENDENT = [Choice("yes", "Ja", "j"), Choice("no", "Nee", "n")]
DECISION = [
    Choice("continue", "Voortzetten", "v"),
    Choice("adjust", "Aanpassen", "a"),
    Choice("stop", "Stoppen", "s"),
]
CONCLUSION = [Choice("consolidate", "Bestendigen", "b"), Choice("adjust", "Bijsturen", "a")]

_TEXT_FIELDS = (
    ("differently", "Wat is anders gedaan dan gepland?", True),
    ("measured", "Indicator: gemeten waarde", False),
)
_EFFECT_FIELDS = (
    ("effect", "Waargenomen effect", True),
    ("side_effects", "Bijeffecten (bedoeld of onbedoeld)", True),
)


def _flag(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


class EvaluationScreen(StepScreen):
    """The baseline's actions, its SMART goal, the process and the conclusion."""

    STEP: ClassVar[Step] = "evaluation"

    @property
    def evaluation(self) -> Evaluation:
        """The follow-up's evaluation, created on the first answer."""
        if self.session.evaluation is None:
            self.session.evaluation = Evaluation()
        return self.session.evaluation

    def compose_body(self) -> Iterable[Widget]:
        """An intro, a block per baseline action, the goal, process and conclusion."""
        baseline = self.wizard.baseline
        # A follow-up made before this step existed gets the baseline's plan now.
        self._synced = baseline is not None and sync_evaluation(self.session, baseline)
        evaluation = self.session.evaluation or Evaluation()
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(self._intro(), id="evaluation-intro", classes="step-intro")
        for index, entry in enumerate(evaluation.actions, start=1):
            yield from self._action_block(index, entry)
        yield from self._goal_block(evaluation.goal)
        yield Static("Het proces en de conclusie", classes="section-title")
        yield Field(
            "Hoe ging de samenwerking? (procesnotities)",
            evaluation.process_notes or "",
            text_setter(lambda value: setattr(self.evaluation, "process_notes", value)),
            multiline=True,
            field_id="eval-process",
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
        """Save a freshly copied plan; show the page from its top."""
        super().on_mount()
        if self._synced:
            self.commit()
        self.call_after_refresh(self.query_one("#body").scroll_home, animate=False)

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
        self.query_one("#evaluation-intro", Static).update(self._intro())

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
        prefix = f"eval-{index}"
        yield ChoiceRow(
            "Uitgevoerd zoals bedoeld?", DONE, entry.done, id=f"{prefix}-done", classes="eval-done"
        )
        for attribute, label, multiline in _TEXT_FIELDS:
            yield Field(
                label,
                getattr(entry, attribute) or "",
                self._text(index, attribute),
                multiline=multiline,
                field_id=f"{prefix}-{attribute.replace('_', '-')}",
            )
        yield Field(
            "Gemeten op (datum, bijv. 1-3-2027)",
            format_date(entry.measured_on),
            self._date(lambda: self._entry(index), "measured_on"),
            field_id=f"{prefix}-measured-on",
        )
        yield Field(
            "Bron van de meting",
            entry.source or "",
            self._text(index, "source"),
            field_id=f"{prefix}-source",
        )
        yield ChoiceRow(
            "Is die bron onafhankelijk van wie de actie uitvoerde?",
            INDEPENDENT,
            _flag(entry.independent),
            id=f"{prefix}-independent",
        )
        for attribute, label, multiline in _EFFECT_FIELDS:
            yield Field(
                label,
                getattr(entry, attribute) or "",
                self._text(index, attribute),
                multiline=multiline,
                field_id=f"{prefix}-{attribute.replace('_', '-')}",
            )
        yield ChoiceRow("Besluit", DECISION, entry.decision, id=f"{prefix}-decision")

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
        yield Field(
            "Gemeten waarde nu",
            goal.measured or "",
            text_setter(lambda value: setattr(self._goal(), "measured", value)),
            field_id="eval-goal-measured",
        )
        yield Field(
            "Gemeten op (datum)",
            format_date(goal.measured_on),
            self._date(self._goal, "measured_on"),
            field_id="eval-goal-measured-on",
        )
        yield Field(
            "Bron van de meting",
            goal.source or "",
            text_setter(lambda value: setattr(self._goal(), "source", value)),
            field_id="eval-goal-source",
        )

    # -- applying answers ------------------------------------------------------------

    def _entry(self, index: int) -> EvaluatedAction:
        return self.evaluation.actions[index - 1]

    def _goal(self) -> GoalMeasurement:
        evaluation = self.evaluation
        if evaluation.goal is None:
            evaluation.goal = GoalMeasurement()
        return evaluation.goal

    def _text(self, index: int, attribute: str) -> Setter:
        def apply(value: str | None) -> None:
            setattr(self._entry(index), attribute, value)
            self._update_intro()

        return text_setter(apply)

    @staticmethod
    def _date(target: Callable[[], object], attribute: str) -> Setter:
        def setter(value: str) -> str | None:
            try:
                parsed = parse_date(value)
            except ValueError as exc:
                return str(exc)
            setattr(target(), attribute, parsed)
            return None

        return setter

    @on(ChoiceRow.Changed)
    def _choice(self, event: ChoiceRow.Changed) -> None:
        row_id = event.row.id or ""
        if row_id == "eval-conclusion":
            self.evaluation.conclusion = event.value  # type: ignore[assignment]
        elif row_id.startswith("eval-"):
            _, number, attribute = row_id.split("-", 2)
            entry = self._entry(int(number))
            if attribute == "independent":
                entry.independent = None if event.value is None else event.value == "yes"
            else:
                setattr(entry, attribute, event.value)
            self._update_intro()
        else:
            return
        event.stop()
        self.commit()
