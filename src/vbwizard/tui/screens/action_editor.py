"""A modal editor for one planned action: who, when, what effect, how to communicate.

The editor works on a copy; Ctrl+S (or the button) returns it, Escape returns
``None`` and leaves the plan as it was. Dates accept 2026-03-01 and 1-3-2026;
a wrong date is shown beside its field and only blocks saving, never typing.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from vbwizard.dates import format_date, parse_date
from vbwizard.session.models import Buikpijn, PlannedAction, date_order_problem
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field
from vbwizard.tui.widgets.footer import KeyFooter
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

FIELDS = (
    FieldSpec(
        PlannedAction,
        "title",
        "Titel *",
        id="action-title",
        required="Een actie heeft een titel nodig.",
    ),
    FieldSpec(
        PlannedAction, "description", "Beschrijving", id="action-description", multiline=True
    ),
    FieldSpec(PlannedAction, "owner", "Eigenaar (wie trekt het?)", id="action-owner"),
    FieldSpec(PlannedAction, "start", "Startdatum (bijv. 1-3-2026)", id="action-start"),
    FieldSpec(PlannedAction, "end", "Einddatum", id="action-end"),
    FieldSpec(PlannedAction, "expected_effect", "Verwacht effect", id="action-effect"),
    FieldSpec(
        PlannedAction, "indicator", "Indicator (waaraan zie je het effect?)", id="action-indicator"
    ),
)
"""The action's fields above the communication check."""
FRAME = (
    FieldSpec(
        PlannedAction, "frame", "Frame: welk beeld draagt de communicatie?", id="action-frame"
    ),
)

BUIKPIJN: list[Choice[Buikpijn]] = [
    Choice("yes", "Ja", "j"),
    Choice("no", "Nee", "n"),
    Choice("unsure", "Weet niet", "w"),
]

BUIKPIJN_ADVICE = {
    "yes": "Mensen hebben er buikpijn over: communiceer expliciet en gericht, bijvoorbeeld "
    "met pinpointcommunicatie naar wie het raakt (bewoners van die straat, die flat).",
    "no": "Geen buikpijn: communiceer terughoudend. Veel aandacht voor veiligheid kan "
    "juist onrust wekken waar die er niet was.",
    "unsure": "Weet niet: ga eerst na of mensen zich zorgen maken (sleutelfiguren, "
    "wijkagent, straatgesprekken) voordat je breed communiceert.",
}
"""Advice per answer to "do people have buikpijn about it?"."""


class ActionEditor(ModalScreen[PlannedAction | None]):
    """Edit a planned action's title, owner, dates, effect and communication."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Opslaan", priority=True),
        Binding("escape", "cancel", "Annuleren"),
    ]

    def __init__(self, action: PlannedAction, *, factor_title: str, why: str = "") -> None:
        super().__init__()
        self.draft = action.model_copy(deep=True)
        self.factor_title = factor_title
        self.why = why
        self.start, self.end = action.start, action.end
        """The dates as typed last; the draft takes them only in the right order."""
        self.order_problem: str | None = None
        """Why the typed dates are not in the draft yet (end before start), if so."""

    def compose(self) -> ComposeResult:
        """The fields in a scrolling column, buttons below."""
        action = self.draft
        with Vertical(id="action-editor"):
            heading = "Eigen actie" if action.bank_action is None else "Actie"
            yield Static(f"{heading} bij: {self.factor_title}", classes="step-title", markup=False)
            with VerticalScroll(id="action-editor-fields"):
                # The reason scrolls with the fields: at 80×24 the fields need the room.
                if self.why:
                    yield Static(self.why, classes="why", markup=False)
                yield from build_fields(
                    FIELDS,
                    action,
                    target=lambda: self.draft,
                    setters={"start": self._set_start, "end": self._set_end},
                )
                yield ChoiceRow(
                    "Hebben mensen er buikpijn over?",
                    BUIKPIJN,
                    action.buikpijn,
                    id="action-buikpijn",
                )
                yield Static("", id="buikpijn-advice", classes="advice")
                yield from build_fields(FRAME, action, target=lambda: self.draft)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opslaan (Ctrl+S)", id="action-save", variant="primary", compact=True)
                yield Button("Annuleren (Esc)", id="action-cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the title and show the saved communication advice."""
        self.query_one("#action-title").focus()
        self._show_advice()

    # -- setters ---------------------------------------------------------------------

    def _set_start(self, text: str) -> str | None:
        self.start = parse_date(text)  # The field's validator let only a date through.
        self._apply_dates()
        self._show_order_on_end()
        return None

    def _set_end(self, text: str) -> str | None:
        self.end = parse_date(text)
        return self._apply_dates()

    def _apply_dates(self) -> str | None:
        """Put both dates in the draft when they are in order; else say why not."""
        self.order_problem = date_order_problem(self.start, self.end)
        if self.order_problem is None:
            # Both at once: the model refuses an end before the start, and setting one
            # date at a time could pass through that order on the way.
            self.draft = self.draft.model_copy(update={"start": self.start, "end": self.end})
        return self.order_problem

    def _show_order_on_end(self) -> None:
        # A changed start date can make the end date wrong: say so beside the end field.
        end_input = self.query_one("#action-end", Input)
        if not end_input.is_valid:
            return  # The end field already shows why its own text is wrong.
        end_input.set_class(self.order_problem is not None, "-invalid")
        if isinstance(end_input.parent, Field):
            end_input.parent.show_error(self.order_problem)

    @on(ChoiceRow.Changed, "#action-buikpijn")
    def _buikpijn(self, event: ChoiceRow.Changed[Buikpijn]) -> None:
        self.draft.buikpijn = event.value
        self._show_advice()

    def _show_advice(self) -> None:
        advice = self.query_one("#buikpijn-advice", Static)
        text = BUIKPIJN_ADVICE.get(self.draft.buikpijn or "")
        advice.update(text or "")
        advice.display = text is not None

    # -- leaving ---------------------------------------------------------------------

    @on(Button.Pressed, "#action-save")
    def action_save(self) -> None:
        """Return the edited action, unless a field still needs fixing."""
        problems = []
        if not self.draft.title:
            problems.append(("action-title", "Geef de actie een titel."))
        for field_id, label in (("action-start", "startdatum"), ("action-end", "einddatum")):
            if not self.query_one(f"#{field_id}", Input).is_valid:
                problems.append((field_id, f"De {label} is geen geldige datum."))
        if self.order_problem is not None:
            problems.append(("action-end", self.order_problem))
        if problems:
            self.notify(
                "\n".join(text for _, text in problems),
                title="Nog niet opgeslagen",
                severity="warning",
            )
            self.query_one(f"#{problems[0][0]}").focus()
            return
        self.dismiss(self.draft)

    @on(Button.Pressed, "#action-cancel")
    def action_cancel(self) -> None:
        """Leave without changing the plan."""
        self.dismiss(None)


def dates_text(start: dt.date | None, end: dt.date | None) -> str:
    """``"1-3-2026 – 30-6-2026"``, or what is known of it."""
    if start is None and end is None:
        return ""
    return f"{format_date(start) or '?'} – {format_date(end) or '?'}"
