"""Step 4, one factor: the questions, the weight here, views, notes and help."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from pydantic import TypeAdapter
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.bank.models import Factor, SubQuestion
from vbwizard.participants import format_weights, parse_weights, spread_text
from vbwizard.session.models import AnswerValue, Confidence, FactorAnswer, Step, Weight
from vbwizard.tui.screens.step import StepScreen, quiet
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

ANSWER_KEYS = {"yes": "j", "partly": "d", "no": "n", "unknown": "w"}
WEIGHT_KEYS = {"0": "0", "1": "1", "2": "2", "3": "3", "unknown": "?"}
CONFIDENCE_KEYS = {"low": "l", "medium": "m", "high": "h"}
ANSWER: TypeAdapter[AnswerValue] = TypeAdapter(AnswerValue)
WEIGHT: TypeAdapter[Weight] = TypeAdapter(Weight)
CONFIDENCE: TypeAdapter[Confidence] = TypeAdapter(Confidence)
"""The session model's types of the bank's scale values (the bank holds them as text)."""
T = TypeVar("T")
FACTORS_GROUP = Binding.Group("Factor")
"""On a factor page PgUp and PgDn leaf through the factors."""

VIEWS = (
    FieldSpec(
        FactorAnswer, "citizen_view", "Zo zien bewoners het", id="citizen-view", multiline=True
    ),
    FieldSpec(
        FactorAnswer,
        "professional_view",
        "Zo zien professionals het",
        id="professional-view",
        multiline=True,
    ),
)
NOTES = (
    FieldSpec(
        FactorAnswer,
        "evidence",
        "Onderbouwing (bronnen, cijfers, waarnemingen)",
        id="evidence",
        multiline=True,
    ),
    FieldSpec(FactorAnswer, "notes", "Notities", id="notes", multiline=True),
)


class FactorScreen(StepScreen):
    """One factor page of the Tafel van 12."""

    STEP: ClassVar[Step] = "factors"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "pageup",
            "previous_factor",
            "Vorige",
            priority=True,
            group=FACTORS_GROUP,
            tooltip="Vorige factor",
        ),
        Binding(
            "pagedown",
            "next_factor",
            "Volgende",
            priority=True,
            group=FACTORS_GROUP,
            tooltip="Volgende factor",
        ),
        Binding("ctrl+n", "next_factor", "Volgende", show=False, priority=True),
        *quiet("ctrl+o"),  # room for F1 and ^q in 80 columns; Ctrl+O still works
        Binding("escape", "grid", "Overzicht", tooltip="Terug naar de Tafel van 12"),
        Binding(
            "f1",
            "toggle_help",
            "Uitleg",
            priority=True,
            tooltip="Uitleg, aandachtspunten, voorbeelden",
        ),
        Binding("0", "weight('0')", "Gewicht 0", show=False),
        Binding("1", "weight('1')", "Gewicht 1", show=False),
        Binding("2", "weight('2')", "Gewicht 2", show=False),
        Binding("3", "weight('3')", "Gewicht 3", show=False),
        Binding("question_mark", "weight('unknown')", "Gewicht onbekend", show=False),
    ]

    def __init__(self, factor_id: str) -> None:
        super().__init__()
        self.factor_id = factor_id
        self._focus_before_help: Widget | None = None

    @property
    def factor(self) -> Factor:
        """The factor on this page."""
        return self.bank.factor(self.factor_id)

    @property
    def answer(self) -> FactorAnswer:
        """The session's record for this factor."""
        return self.session.answer(self.factor_id)

    def compose_body(self) -> Iterable[Widget]:
        """Questions on the left; the help panel (F1) on the right."""
        factor, answer = self.factor, self.answer
        cluster = next(c for c in self.bank.manifest.clusters if c.id == factor.cluster)
        count = len(self.bank.factors)
        with Horizontal(id="factor-page"):
            with Vertical(id="factor-main"):
                marker = "  (eigen reconstructie)" if factor.reconstructed else ""
                yield Static(
                    f"Factor {factor.number} van {count} · {cluster.title}{marker}",
                    classes="step-intro",
                    markup=False,
                )
                yield Static(factor.title, classes="step-title factor-title", markup=False)
                yield Static(factor.main_question, classes="main-question", markup=False)
                for question in factor.sub_questions:
                    yield ChoiceRow(
                        question.text,
                        self._choices("answer", ANSWER_KEYS, ANSWER),
                        answer.sub_answers.get(question.id),
                        id=f"sq-{question.id}",
                        classes="sub-question",
                        note=self._polarity_note(question),
                    )
                yield ChoiceRow(
                    "Gewicht hier: hoe zwaar weegt deze factor? (toetsen 0–3, ? = onbekend)",
                    self._choices("weight", WEIGHT_KEYS, WEIGHT, short=True),
                    answer.weight,
                    id="weight",
                )
                if self.session.links.followup_of:
                    yield Static(
                        Text(self._baseline_text()), id="baseline-weight", classes="baseline"
                    )
                if self.session.mode == "group":
                    yield Field(
                        "Gewicht per deelnemer, in volgorde (bijv. 2 3 1 2)",
                        format_weights(answer.participant_weights, self.session.scope.participants),
                        self._set_participant_weights,
                        field_id="participant-weights",
                    )
                    yield Static(
                        Text(spread_text(answer.participant_weights, self.session)),
                        id="spread",
                        classes="spread",
                    )
                yield ChoiceRow(
                    "Hoe zeker is dit gewicht?",
                    self._choices("confidence", CONFIDENCE_KEYS, CONFIDENCE),
                    answer.confidence,
                    id="confidence",
                )
                with Horizontal(classes="views"):
                    yield from build_fields(VIEWS, answer, target=lambda: self.answer)
                yield from build_fields(NOTES, answer, target=lambda: self.answer)
            with VerticalScroll(id="factor-help", can_focus=False):
                yield Static(self._help_text(), id="help-text")

    def _polarity_note(self, question: SubQuestion) -> str | None:
        """Which answer points to a problem; questions flip direction within a factor."""
        if question.problem_answer is None:
            return None
        if question.problem_answer == "none":
            return "Neutrale vraag: geen antwoord wijst op een probleem."
        return f"‘{self.bank.label('answer', question.problem_answer)}’ wijst op een probleem."

    def _choices(
        self, scale: str, keys: dict[str, str], kind: TypeAdapter[T], *, short: bool = False
    ) -> list[Choice[T]]:
        """The bank's wording of a scale, each value as the session model stores it."""
        choices = []
        for option in getattr(self.bank.manifest.scales, scale):
            label = option.short if short and option.short else option.label
            value = kind.validate_python(option.value)  # "2" is the weight 2
            choices.append(Choice(value, label, keys.get(option.value, "")))
        return choices

    def _help_text(self) -> str:
        factor = self.factor
        # Bank texts may hold brackets (a --bank from anyone): escaped, never markup.
        parts = ["[b]Uitleg[/b]", escape(factor.explanation)]
        if factor.cautions:
            parts += ["", "[b]Let op[/b]", *[f"• {escape(c)}" for c in factor.cautions]]
        if factor.examples:
            parts += ["", "[b]Voorbeelden[/b]", *[f"• {escape(e)}" for e in factor.examples]]
        parts += [
            "",
            "[b]Mogelijke acties (licht → zwaar)[/b]",
            *[f"• {escape(a.title)}" for a in factor.actions],
        ]
        hints = [q for q in factor.sub_questions if q.hint]
        if hints:
            parts += ["", "[b]Bij de vragen[/b]", *[f"• {escape(q.hint or '')}" for q in hints]]
        parts += ["", "F1: uitleg verbergen"]
        return "\n".join(parts)

    # -- follow-up: the baseline's weight beside the new one ---------------------------

    def _baseline_text(self) -> str:
        """The baseline's weight of this factor (the group weighs afresh, then compares)."""
        baseline = self.wizard.baseline
        if baseline is None:
            return f"Nulmeting ‘{self.session.links.followup_of}’ niet gevonden of onleesbaar."
        answer = baseline.factors.get(self.factor_id)
        weight = answer.weight if answer is not None else None
        shown = "niet ingevuld" if weight is None else str(weight)
        shown = "onbekend" if weight == "unknown" else shown
        date = baseline.scope.date or baseline.created.date()
        return f"Nulmeting ({date.isoformat()}): gewicht {shown}"

    def on_mount(self) -> None:
        """Mark the factor as considered; show help on wide screens."""
        super().on_mount()
        if not self.read_only and not self.answer.visited:
            self.answer.visited = True
            self.commit()
        self.query_one("#factor-help").display = self.app.size.width >= 120

    # -- answers -------------------------------------------------------------------

    @on(ChoiceRow.Changed, ".sub-question")
    def _sub_answer(self, event: ChoiceRow.Changed[AnswerValue]) -> None:
        question_id = (event.row.id or "").removeprefix("sq-")
        if event.value is None:
            self.answer.sub_answers.pop(question_id, None)
        else:
            self.answer.sub_answers[question_id] = event.value
        self.commit()

    @on(ChoiceRow.Changed, "#weight")
    def _weight(self, event: ChoiceRow.Changed[Weight]) -> None:
        self.answer.weight = event.value
        self.commit()

    @on(ChoiceRow.Changed, "#confidence")
    def _confidence(self, event: ChoiceRow.Changed[Confidence]) -> None:
        self.answer.confidence = event.value
        self.commit()

    def _set_participant_weights(self, text: str) -> str | None:
        try:
            weights = parse_weights(text, self.session.scope.participants)
        except ValueError as exc:
            return str(exc)
        self.answer.participant_weights = weights
        spread = self.query("#spread")
        if spread:
            spread.first(Static).update(Text(spread_text(weights, self.session)))
        return None

    def action_weight(self, value: str) -> None:
        """Set the weight from anywhere on the page (not while typing)."""
        if self.read_only:
            return
        row: ChoiceRow[Weight] = self.query_one("#weight", ChoiceRow)
        row.pick(WEIGHT.validate_python(value))

    # -- navigation ----------------------------------------------------------------

    def _move(self, offset: int) -> None:
        ids = [f.id for f in self.bank.factors]
        index = ids.index(self.factor_id) + offset
        if 0 <= index < len(ids):
            self.wizard.goto("factors", ids[index])
        else:
            self.wizard.goto("factors")

    def action_next_factor(self) -> None:
        """The next factor (after the last one: the overview)."""
        self._move(1)

    def action_previous_factor(self) -> None:
        """The previous factor (before the first one: the overview)."""
        self._move(-1)

    def action_toggle_help(self) -> None:
        """Show or hide the explanation, cautions and examples.

        On a narrow screen the help takes the whole width instead of squeezing the
        questions; F1 again brings the questions back.
        """
        panel = self.query_one("#factor-help")
        main = self.query_one("#factor-main")
        if not panel.display:
            # Hiding the questions takes the focus away; remember it for when help closes.
            self._focus_before_help = self.focused
        panel.display = not panel.display
        narrow = self.app.size.width < 120
        main.display = not (narrow and panel.display)
        panel.set_class(narrow, "-full")
        self.query_one("#body").scroll_home(animate=False)
        if not panel.display and self.focused is None:
            # The questions were hidden and took the focus with them; the next
            # answer key must work at once: focus where the user was.
            target = self._focus_before_help
            self._focus_before_help = None
            if target is None or not target.is_attached:
                target = self.first_field()
            if target is not None:
                self.call_after_refresh(target.focus)
