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
from textual.widgets import Button, Footer, Static

from vbwizard.dates import format_date, parse_date
from vbwizard.session.models import PlannedAction, date_order_problem
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field, Setter, text_setter

BUIKPIJN = [
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
        self.errors: dict[str, str] = {}
        """Field → message for values that could not be applied (e.g. a wrong date)."""

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
                yield Field("Titel *", action.title, self._set_title, field_id="action-title")
                yield Field(
                    "Beschrijving",
                    action.description or "",
                    self._text("description"),
                    multiline=True,
                    field_id="action-description",
                )
                yield Field(
                    "Eigenaar (wie trekt het?)",
                    action.owner or "",
                    self._text("owner"),
                    field_id="action-owner",
                )
                yield Field(
                    "Startdatum (bijv. 1-3-2026)",
                    format_date(action.start),
                    self._date_setter("start"),
                    field_id="action-start",
                )
                yield Field(
                    "Einddatum",
                    format_date(action.end),
                    self._date_setter("end"),
                    field_id="action-end",
                )
                yield Field(
                    "Verwacht effect",
                    action.expected_effect or "",
                    self._text("expected_effect"),
                    field_id="action-effect",
                )
                yield Field(
                    "Indicator (waaraan zie je het effect?)",
                    action.indicator or "",
                    self._text("indicator"),
                    field_id="action-indicator",
                )
                yield ChoiceRow(
                    "Hebben mensen er buikpijn over?",
                    BUIKPIJN,
                    action.buikpijn,
                    id="action-buikpijn",
                )
                yield Static("", id="buikpijn-advice", classes="advice")
                yield Field(
                    "Frame: welk beeld draagt de communicatie?",
                    action.frame or "",
                    self._text("frame"),
                    field_id="action-frame",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opslaan (Ctrl+S)", id="action-save", variant="primary", compact=True)
                yield Button("Annuleren (Esc)", id="action-cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        """Focus the title and show the saved communication advice."""
        self.query_one("#action-title").focus()
        self._show_advice()

    # -- setters ---------------------------------------------------------------------

    def _set_title(self, value: str) -> str | None:
        self.draft.title = value.strip()
        return None if value.strip() else "Een actie heeft een titel nodig."

    def _text(self, attribute: str) -> Setter:
        return text_setter(lambda value: setattr(self.draft, attribute, value))

    def _date_setter(self, attribute: str) -> Setter:
        def setter(value: str) -> str | None:
            try:
                setattr(self.draft, attribute, parse_date(value))
            except ValueError as exc:
                self.errors[attribute] = str(exc)
                return str(exc)
            self.errors.pop(attribute, None)
            self._check_order()
            if attribute == "end":
                return self.errors.get("order")
            self._show_order_on_end()
            return None

        return setter

    def _check_order(self) -> None:
        problem = date_order_problem(self.draft.start, self.draft.end)
        if problem is not None:
            self.errors["order"] = problem
        else:
            self.errors.pop("order", None)

    def _show_order_on_end(self) -> None:
        # A changed start date can make the end date wrong: say so beside the end field.
        if "end" in self.errors:
            return  # The end field already shows why its own text is wrong.
        end_input = self.query_one("#action-end")
        end_input.set_class("order" in self.errors, "-invalid")
        if isinstance(end_input.parent, Field):
            end_input.parent.show_error(self.errors.get("order"))

    @on(ChoiceRow.Changed, "#action-buikpijn")
    def _buikpijn(self, event: ChoiceRow.Changed) -> None:
        self.draft.buikpijn = event.value  # type: ignore[assignment]
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
        for attribute, label in (("start", "startdatum"), ("end", "einddatum")):
            if attribute in self.errors:
                problems.append((f"action-{attribute}", f"De {label} is geen geldige datum."))
        if "order" in self.errors:
            problems.append(("action-end", self.errors["order"]))
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
