"""Step 1 (Informatie): scope and context of the session."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.widget import Widget
from textual.widgets import Label, Select, Static

from vbwizard.dates import format_date, parse_date
from vbwizard.session.models import ScopeType, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field, list_setter, text_setter

SCOPE_TYPES: list[tuple[str, ScopeType]] = [
    ("Hele gemeente", "municipality"),
    ("Wijk of buurt", "neighbourhood"),
    ("Specifieke plek", "place"),
    ("Hang- en handelplek", "hangplek"),
    ("Doelgroep", "target_group"),
    ("Communicatie", "communication"),
    ("Anders", "other"),
]

MODES = [Choice("group", "Groepssessie", "g"), Choice("self", "Zelfanalyse", "z")]


class ScopeScreen(StepScreen):
    """Title, area, kind of scope, target groups, trigger, mode, people and date."""

    STEP: ClassVar[Step] = "scope"

    def compose_body(self) -> Iterable[Widget]:
        """The scope form; only title and area are required."""
        scope = self.session.scope
        self._participants_before = list(scope.participants)
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(
            "Waar gaat deze analyse over? Alleen titel en gebied zijn verplicht.",
            classes="step-intro",
        )
        yield Field("Titel *", scope.title, self._set_title, field_id="title")
        yield Field(
            "Gebied * (gemeente, wijk, buurt of plek)", scope.area, self._set_area, field_id="area"
        )
        yield Label("Soort vraagstuk", classes="field-label")
        yield Select(
            SCOPE_TYPES, value=scope.scope_type or Select.NULL, id="scope-type", prompt="Kies…"
        )
        yield Field(
            "Doelgroepen (met komma's)",
            ", ".join(scope.target_groups),
            list_setter(lambda v: setattr(scope, "target_groups", v)),
        )
        yield Field(
            "Aanleiding: wat was de reden voor deze sessie?",
            scope.trigger or "",
            text_setter(lambda v: setattr(scope, "trigger", v)),
            multiline=True,
        )
        yield ChoiceRow("Vorm", MODES, self.session.mode, id="mode")
        yield Field(
            "Facilitator",
            scope.facilitator or "",
            text_setter(lambda v: setattr(scope, "facilitator", v)),
        )
        yield Field(
            "Deelnemers (namen of rollen, met komma's; schuilnamen mogen)",
            ", ".join(p.name for p in scope.participants),
            self._set_participants,
            field_id="participants",
            apply_on_leave=True,
        )
        yield Field(
            "Datum (bijv. 1-3-2026)", format_date(scope.date), self._set_date, field_id="date"
        )

    def _set_title(self, value: str) -> str | None:
        self.session.scope.title = value.strip()
        return None if value.strip() else "Een titel is verplicht."

    def _set_area(self, value: str) -> str | None:
        self.session.scope.area = value.strip()
        return None if value.strip() else "Een gebied is verplicht."

    def _set_participants(self, value: str) -> str | None:
        """Rename, add or remove participants; their ids (and weights) stay theirs."""
        from vbwizard.participants import ids_in_use, rename_participants

        names = [part.strip() for part in value.split(",") if part.strip()]
        scope = self.session.scope
        # Always from the list as this page found it, never from a half-typed state:
        # "Anna, Cor, D…" must not hand Bram's id to the "D" that becomes Dina.
        try:
            scope.participants = rename_participants(
                self._participants_before, names, ids_in_use(self.session)
            )
        except ValueError as exc:
            return str(exc)
        return None

    def _set_date(self, value: str) -> str | None:
        try:
            self.session.scope.date = parse_date(value)
        except ValueError as exc:
            return str(exc)
        return None

    @on(Select.Changed, "#scope-type")
    def _scope_type(self, event: Select.Changed) -> None:
        value = event.value
        self.session.scope.scope_type = None if value is Select.NULL else value  # type: ignore[assignment]
        self.commit()

    @on(ChoiceRow.Changed, "#mode")
    def _mode(self, event: ChoiceRow.Changed) -> None:
        if event.value in ("group", "self"):
            self.session.mode = event.value  # type: ignore[assignment]
            self.commit()

    def action_next_step(self) -> None:
        """Continue only with a title and an area; say which is missing."""
        missing = [
            (field_id, label)
            for field_id, label, value in (
                ("title", "titel", self.session.scope.title),
                ("area", "gebied", self.session.scope.area),
            )
            if not value.strip()
        ]
        if missing:
            self.notify(
                "Vul eerst " + " en ".join(label for _, label in missing) + " in.",
                title="Nog niet compleet",
                severity="warning",
            )
            self.query_one(f"#{missing[0][0]}").focus()
            return
        super().action_next_step()

    def action_previous_step(self) -> None:
        """The first step: back to the start screen."""
        self.wizard.go_home()
