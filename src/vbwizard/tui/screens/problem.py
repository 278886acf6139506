"""Step 3 (Analyse): the problem picture, and whether the perception is a problem.

When the group says the perception is *not* problematic, the method's honest
answer is that action may not be needed: the wizard says so and gives
monitoring advice, but never stops the group from going on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from vbwizard.session.models import AnswerValue, ProblemPicture, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

PICTURE = (
    FieldSpec(ProblemPicture, "who", "Wie voelt zich onveilig?", id="problem-who"),
    FieldSpec(ProblemPicture, "where", "Waar?", id="problem-where"),
    FieldSpec(ProblemPicture, "when", "Wanneer?", id="problem-when"),
)
EFFECTS = (
    FieldSpec(
        ProblemPicture,
        "thinking",
        "Denken: wat denken mensen (bijv. ‘het wordt erger’)?",
        id="problem-thinking",
        multiline=True,
    ),
    FieldSpec(
        ProblemPicture,
        "feeling",
        "Voelen: angst, boosheid, onmacht?",
        id="problem-feeling",
        multiline=True,
    ),
    FieldSpec(
        ProblemPicture,
        "doing",
        "Doen: vermijden, boos reageren, verhuizen?",
        id="problem-doing",
        multiline=True,
    ),
)

PROBLEMATIC: list[Choice[AnswerValue]] = [
    Choice("yes", "Ja", "j"),
    Choice("partly", "Deels", "d"),
    Choice("no", "Nee", "n"),
    Choice("unknown", "Weet niet", "w"),
]

MONITORING_ADVICE = (
    "De beleving lijkt niet problematisch. Dan is extra actie misschien niet nodig: "
    "blijf de beleving wel volgen. Houd de Veiligheidsmonitor en de eigen cijfers bij "
    "(meldingen, politie), let op signalen van bewoners, wijkagent, boa's en "
    "sociale media, en kijk opnieuw als er iets verandert, zoals een ernstig incident "
    "of een plotselinge stijging van meldingen."
)
"""Shown on this step and in the summary when the answer is "nee"."""

UNKNOWN_ADVICE = (
    "Nog niet te zeggen? Verzamel dan eerst meer informatie (stap 2: bronnen), "
    "bijvoorbeeld met gesprekken of een schouw."
)


class ProblemScreen(StepScreen):
    """Who feels unsafe, where and when; what it does to people; is it a problem?"""

    STEP: ClassVar[Step] = "problem"

    def compose_body(self) -> Iterable[Widget]:
        """The problem picture form and the "is it problematic?" question."""
        problem = self.session.problem
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(
            "Wie voelt zich onveilig, waar en wanneer? En wat doet dat met mensen?",
            classes="step-intro",
        )
        yield from build_fields(PICTURE, problem)
        yield Static("Wat volgt eruit?", classes="section-title")
        yield from build_fields(EFFECTS, problem)
        yield ChoiceRow(
            "Is de beleving problematisch?", PROBLEMATIC, problem.problematic, id="problematic"
        )
        with Vertical(id="problem-advice", classes="advice"):
            yield Static("", id="problem-advice-text")
            yield Button("Afronden: naar de samenvatting", id="problem-to-summary")

    def on_mount(self) -> None:
        """Show the advice that fits the saved answer."""
        super().on_mount()
        self._show_advice(scroll=False)

    @on(ChoiceRow.Changed, "#problematic")
    def _problematic(self, event: ChoiceRow.Changed[AnswerValue]) -> None:
        self.session.problem.problematic = event.value
        self.commit()
        self._show_advice(scroll=True)

    def _show_advice(self, *, scroll: bool) -> None:
        value = self.session.problem.problematic
        box = self.query_one("#problem-advice")
        text = {"no": MONITORING_ADVICE, "unknown": UNKNOWN_ADVICE}.get(value or "")
        box.display = text is not None
        # Only "nee" can mean the analysis ends here; offer that way out, not more.
        self.query_one("#problem-to-summary").display = value == "no"
        if text is not None:
            if value == "no":
                text += "\nJe kunt ook gewoon verder naar de Tafel van 12 (PageDown)."
            self.query_one("#problem-advice-text", Static).update(text)
            if scroll:
                self.call_after_refresh(box.scroll_visible)

    @on(Button.Pressed, "#problem-to-summary")
    def _to_summary(self) -> None:
        self.wizard.goto("summary")
