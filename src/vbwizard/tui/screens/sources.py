"""Step 2 (Informatie): which sources exist, are missing or are planned.

The table gives the overview the group needs ("what do we know, what not
yet?"); the form below it edits the source under the table's cursor. Every
change is committed at once, like every other answer in the wizard.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Label, OptionList, Static
from textual.widgets.option_list import Option

from vbwizard.session.models import SourceEntry, SourceKind, SourceStatus, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.dialogs import ConfirmDialog, InputDialog
from vbwizard.tui.screens.step import StepScreen
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.choice_row import Choice, ChoiceRow
from vbwizard.tui.widgets.fields import Field
from vbwizard.tui.widgets.footer import KeyFooter
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

PRESETS: list[tuple[str, str]] = [
    ("Veiligheidsmonitor", "quantitative"),
    ("Politiecijfers", "quantitative"),
    ("Meldingen", "quantitative"),
    ("Bewonersenquête", "quantitative"),
    ("Gesprekken met sleutelfiguren", "qualitative"),
    ("Straatgesprekken", "qualitative"),
    ("Schouw", "qualitative"),
    ("Sociale media", "qualitative"),
    ("Raadsdebat en media", "qualitative"),
    ("Eigen waarneming", "qualitative"),
]
"""Quick-add names with their usual kind (the user can change both)."""

OWN_SOURCE = "__own__"

STATUSES: list[Choice[SourceStatus]] = [
    Choice("available", "Beschikbaar", "b"),
    Choice("missing", "Ontbreekt", "o"),
    Choice("planned", "Gepland", "g"),
]
KINDS: list[Choice[SourceKind]] = [
    Choice("quantitative", "Kwantitatief", "k"),
    Choice("qualitative", "Kwalitatief", "l"),
]
STATUS_LABELS = {c.value: c.label.lower() for c in STATUSES}
KIND_LABELS: dict[str, str] = {c.value: c.label.lower() for c in KINDS}

SOURCE_FIELDS = (
    FieldSpec(
        SourceEntry, "name", "Naam", required="Een bron heeft een naam nodig.", refuse_blank=True
    ),
)
FINDING_FIELDS = (FieldSpec(SourceEntry, "finding", "Bevinding (kort: wat zegt deze bron?)"),)

T = TypeVar("T")


class SourceChoice(ChoiceRow[T]):
    """A choice row of one source (the form may be rebuilt for another one meanwhile)."""

    def __init__(
        self,
        prompt: str,
        choices: list[Choice[T]],
        value: T | None,
        source: SourceEntry,
        *,
        classes: str,
    ) -> None:
        super().__init__(prompt, choices, value, classes=classes)
        self.source = source


class SourcePicker(ModalScreen[str | None]):
    """Pick a common source, or choose to type one's own name."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, present: set[str]) -> None:
        super().__init__()
        self.present = present

    def compose(self) -> ComposeResult:
        """The presets (those already listed are marked) and "own name"."""
        options = [
            Option(name + ("  (staat er al)" if name.lower() in self.present else ""), id=name)
            for name, _ in PRESETS
        ]
        options.append(Option("Eigen bron: zelf een naam typen…", id=OWN_SOURCE))
        with Vertical(classes="dialog"):
            yield Label("Welke bron wil je toevoegen?", classes="dialog-question")
            yield OptionList(*options, id="source-presets", markup=False)
            yield Label("Enter: kiezen · Esc: annuleren", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen preset's name, or ask for an own name."""
        if event.option.id != OWN_SOURCE:
            self.dismiss(event.option.id)
            return

        def typed(name: str | None) -> None:
            if name and name.strip():
                self.dismiss(name.strip())

        self.app.push_screen(InputDialog("Naam van de bron:"), typed)

    def action_cancel(self) -> None:
        """Add nothing."""
        self.dismiss(None)


class SourcesScreen(StepScreen):
    """A table of sources and a form for the one under the cursor."""

    STEP: ClassVar[Step] = "sources"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "Nieuw", tooltip="Bron toevoegen (keuzelijst of eigen naam)"),
        # Not in the footer (it must fit 80 columns); the button names the key.
        Binding("x,delete", "delete", "Verwijderen", key_display="x", show=False),
        # From a source's text field back to the list, where n adds the next source.
        Binding("escape", "to_table", "Naar de lijst", show=False),
    ]

    def compose_body(self) -> Iterable[Widget]:
        """Intro, the table, buttons and the form of the selected source."""
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(
            "Welke bronnen zijn er, welke ontbreken of zijn gepland? Noteer per bron "
            "kort wat eruit komt.",
            classes="step-intro",
        )
        # Buttons first: from the table, Tab goes straight on to the form below it.
        with Horizontal(classes="button-row top"):
            yield Button("Bron toevoegen (n)", id="source-add", compact=True)
            yield Button("Verwijderen (x)", id="source-delete", compact=True)
        table: DataTable[str | Text] = DataTable(
            id="sources-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns("Bron", "Status", "Soort", "Bevinding")
        yield table
        yield Static(
            "Nog geen bronnen. Druk op n (of de knop) om er een toe te voegen.",
            id="sources-empty",
            classes="hint",
        )
        yield Vertical(id="source-form")

    def on_mount(self) -> None:
        """Fill the table and show the first source's form."""
        super().on_mount()
        self._fill_table()
        self._show_form()

    # -- the table -------------------------------------------------------------------

    @property
    def table(self) -> DataTable[str | Text]:
        """The sources table."""
        return self.query_one("#sources-table", DataTable)

    def _cells(self, source: SourceEntry) -> tuple[str, str, str, str]:
        return (
            source.name or "(zonder naam)",
            STATUS_LABELS[source.status],
            KIND_LABELS.get(source.kind or "", "—"),
            source.finding or "",
        )

    def _fill_table(self, cursor: int | None = None) -> None:
        table = self.table
        table.clear()
        for source in self.session.sources:
            table.add_row(*map(Text, self._cells(source)))  # as typed, never markup
        has_rows = bool(self.session.sources)
        table.display = has_rows
        self.query_one("#sources-empty").display = not has_rows
        self.query_one("#source-delete").disabled = not has_rows or self.read_only
        if cursor is not None and has_rows:
            table.move_cursor(row=max(0, min(cursor, len(self.session.sources) - 1)))

    def _update_row(self, index: int) -> None:
        # Only the cells change; rebuilding the table would move the cursor and focus.
        for column, value in enumerate(self._cells(self.session.sources[index])):
            self.table.update_cell_at(Coordinate(index, column), Text(value), update_width=True)

    def _selected(self) -> int | None:
        if not self.session.sources:
            return None
        return max(0, min(self.table.cursor_row, len(self.session.sources) - 1))

    @on(DataTable.RowHighlighted, "#sources-table")
    def _row_highlighted(self) -> None:
        self._show_form()

    @on(DataTable.RowSelected, "#sources-table")
    def _row_selected(self) -> None:
        # Enter on a row: go and edit its finding, the usual next thing to type.
        target = self._finding_input()
        if target is not None:
            target.focus()

    # -- the form --------------------------------------------------------------------

    def _show_form(self) -> None:
        # The form has no ids: an old form may still be on its way out while the
        # new one mounts, and duplicate ids would fail.
        form = self.query_one("#source-form", Vertical)
        index = self._selected()
        form.remove_children()
        if index is None:
            return
        source = self.session.sources[index]
        form.mount_all(
            [
                Static(f"Bron {index + 1} bewerken", classes="section-title"),
                *build_fields(SOURCE_FIELDS, source, applied=self._update_source),
                SourceChoice("Status", STATUSES, source.status, source, classes="source-status"),
                SourceChoice("Soort", KINDS, source.kind, source, classes="source-kind"),
                *build_fields(FINDING_FIELDS, source, applied=self._update_source),
            ]
        )
        # Widgets mounted after the step opened are not covered by its read-only pass.
        form.disabled = self.read_only

    def _update_source(self, source: SourceEntry) -> None:
        for index, entry in enumerate(self.session.sources):
            if entry is source:
                self._update_row(index)

    @on(ChoiceRow.Changed, ".source-status")
    def _status(self, event: ChoiceRow.Changed[SourceStatus]) -> None:
        row = event.row
        if isinstance(row, SourceChoice):
            if event.value is None:
                row.value = row.source.status  # A status is required; Delete keeps the old one.
                return
            row.source.status = event.value
            self._choice_applied(row.source)

    @on(ChoiceRow.Changed, ".source-kind")
    def _kind(self, event: ChoiceRow.Changed[SourceKind]) -> None:
        row = event.row
        if isinstance(row, SourceChoice):
            row.source.kind = event.value
            self._choice_applied(row.source)

    def _choice_applied(self, source: SourceEntry) -> None:
        self._update_source(source)
        self.commit()

    def _finding_input(self) -> Widget | None:
        fields = list(self.query("#source-form Field").results(Field))
        return fields[-1].children[1] if len(fields) == 2 else None

    # -- adding and deleting ---------------------------------------------------------

    @on(Button.Pressed, "#source-add")
    def action_add(self) -> None:
        """Add a source from the presets or by name."""
        if self._refuse_read_only():
            return
        present = {s.name.lower() for s in self.session.sources}
        self.app.push_screen(SourcePicker(present), self._add)

    def _add(self, name: str | None) -> None:
        if not name:
            return
        kind = dict(PRESETS).get(name)
        self.session.sources.append(SourceEntry(name=name, kind=kind))
        self.commit()
        self._fill_table(cursor=len(self.session.sources) - 1)
        self._show_form()
        self.table.focus()
        self.notify(f"‘{name}’ toegevoegd. Kies status en soort en noteer de bevinding.", timeout=3)

    @on(Button.Pressed, "#source-delete")
    def action_delete(self) -> None:
        """Delete the selected source, after a confirmation."""
        if self._refuse_read_only():
            return
        index = self._selected()
        if index is None:
            return
        name = self.session.sources[index].name or "(zonder naam)"

        def confirmed(yes: bool | None) -> None:
            if yes and index < len(self.session.sources):
                del self.session.sources[index]
                self.commit()
                self._fill_table(cursor=index)
                self._show_form()
                self.table.focus()
                self.notify(f"‘{name}’ verwijderd.", timeout=3)

        self.app.push_screen(
            ConfirmDialog(f"Bron ‘{name}’ verwijderen?", yes="Verwijderen", no="Annuleren"),
            confirmed,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing, n and x are letters: show them dimmed in the footer."""
        if action in ("add", "delete") and self.is_typing():
            return None
        return super().check_action(action, parameters)

    def action_to_table(self) -> None:
        """Esc in the form: back to the list of sources (or to the add button)."""
        target = self.first_field()
        if target is not None:
            target.focus()

    def _refuse_read_only(self) -> bool:
        if self.read_only:
            self.notify("Deze sessie is alleen te bekijken.", severity="warning")
        return self.read_only

    def first_field(self) -> Widget | None:
        """Start in the table when there are sources, else on the add button."""
        if self.session.sources:
            return self.table
        return self.query_one("#source-add")
