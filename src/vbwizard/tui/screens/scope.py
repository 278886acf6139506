"""Step 1 (Informatie): scope and context of the session."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.widget import Widget
from textual.widgets import Label, Select, Static

from vbwizard.session.models import Mode, Scope, ScopeType, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

SCOPE_TYPES: list[tuple[str, ScopeType]] = [
    ("Hele gemeente", "municipality"),
    ("Wijk of buurt", "neighbourhood"),
    ("Specifieke plek", "place"),
    ("Hang- en handelplek", "hangplek"),
    ("Doelgroep", "target_group"),
    ("Communicatie", "communication"),
    ("Anders", "other"),
]

MODES: list[Choice[Mode]] = [
    Choice("group", "Groepssessie", "g"),
    Choice("self", "Zelfanalyse", "z"),
]

NAMING = (
    FieldSpec(Scope, "title", "Titel *", id="title", required="Een titel is verplicht."),
    FieldSpec(
        Scope,
        "area",
        "Gebied * (gemeente, wijk, buurt of plek)",
        id="area",
        required="Een gebied is verplicht.",
    ),
)
CONTEXT = (
    FieldSpec(Scope, "target_groups", "Doelgroepen (met komma's)"),
    FieldSpec(Scope, "trigger", "Aanleiding: wat was de reden voor deze sessie?", multiline=True),
)
FACILITATOR = (FieldSpec(Scope, "facilitator", "Facilitator"),)
DATE = (FieldSpec(Scope, "date", "Datum (bijv. 1-3-2026)", id="date"),)


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
        yield from build_fields(NAMING, scope)
        yield Label("Soort vraagstuk", classes="field-label")
        yield Select(
            SCOPE_TYPES, value=scope.scope_type or Select.NULL, id="scope-type", prompt="Kies…"
        )
        yield from build_fields(CONTEXT, scope)
        yield ChoiceRow("Vorm", MODES, self.session.mode, id="mode")
        yield from build_fields(FACILITATOR, scope)
        yield Field(
            "Deelnemers (namen of rollen, met komma's; schuilnamen mogen)",
            ", ".join(p.name for p in scope.participants),
            self._set_participants,
            field_id="participants",
            apply_on_leave=True,
        )
        yield from build_fields(DATE, scope)

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

    @on(Select.Changed, "#scope-type")
    def _scope_type(self, event: Select.Changed) -> None:
        # Select.Changed is not generic: find the typed value among our own options.
        chosen = (kind for _, kind in SCOPE_TYPES if kind == event.value)
        self.session.scope.scope_type = next(chosen, None)
        self.commit()

    @on(ChoiceRow.Changed, "#mode")
    def _mode(self, event: ChoiceRow.Changed[Mode]) -> None:
        if event.value is not None:  # A session always has a mode; Delete keeps it.
            self.session.mode = event.value
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
