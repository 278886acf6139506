"""Step 5: choose the 3 to 5 priority factors, give reasons and set their order.

The ranking (weight, then confidence, then disagreement) only advises; the group
decides. Outside the method's 3–5 the wizard does not forbid, but asks for a
reason, which is saved with the session so a reader of the report sees why.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Static

from vbwizard.labels import STATE_LABELS, confidence_label, factor_title
from vbwizard.scoring import (
    MAX_PRIORITIES,
    MIN_PRIORITIES,
    RankedFactor,
    priority_count_ok,
    rank_factors,
    starting_priorities,
    unvisited_factors,
)
from vbwizard.session.models import Priority, Session, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen, quiet
from vbwizard.tui.widgets.fields import BoundInput
from vbwizard.tui.widgets.forms import FieldSpec, build_fields

ORDER_HINT = (
    "Volgorde van aanpak: wat is voorwaarde voor wat? Urgente problemen en zichtbare "
    "actie eerst; collectieve kracht opbouwen (sociale kwaliteit, invloed van bewoners) "
    "later. Verplaatsen: Ctrl+↑/Ctrl+↓ (of + en −) op een gekozen factor."
)

REASON = (FieldSpec(Priority, "reason", "Waarom deze factor?"),)
OVERRIDE = (
    FieldSpec(
        Session, "priority_override", "Reden om af te wijken van 3 tot 5", id="override-reason"
    ),
)


class PriorityCard(Vertical):
    """A chosen factor: its place in the order and the reason it was chosen."""

    def __init__(self, priority: Priority, title: str) -> None:
        super().__init__(classes="priority-card")
        self.priority = priority
        self.title = title
        # Held here so that it can be numbered before the card has mounted.
        self.heading = Static(title, classes="priority-title", markup=False)

    def compose(self) -> Iterable[Widget]:
        """The numbered title and the reason field."""
        yield self.heading
        yield from build_fields(REASON, self.priority)

    def number(self, place: int) -> None:
        """Show the factor's place in the order of treatment."""
        self.heading.update(f"{place}e prioriteit · {self.title}")


class PrioritiesScreen(StepScreen):
    """The ranked factors to choose from, the chosen ones in order, the 3–5 rule."""

    STEP: ClassVar[Step] = "priorities"
    BINDINGS: ClassVar[list[BindingType]] = [
        *quiet("ctrl+r"),  # the ranking shows the spread; the footer needs room for space
        Binding("space", "choose", "Kiezen", tooltip="Factor kiezen of weghalen"),
        # Not in the footer, which must fit 80 columns; the hint above the list names them.
        Binding("ctrl+up", "move(-1)", "Eerder", show=False),
        Binding("ctrl+down", "move(1)", "Later", show=False),
        Binding("plus", "move(-1)", "Eerder", show=False),
        Binding("minus", "move(1)", "Later", show=False),
    ]

    _preselected = False

    def compose_body(self) -> Iterable[Widget]:
        """Unvisited warning, ranking table, chosen priorities, override."""
        session = self.session
        starting = [] if self.read_only else starting_priorities(self.bank, session)
        if starting:
            session.priorities = starting
            self._preselected = True
        yield Static(step_heading(self.STEP), classes="step-title")
        unvisited = unvisited_factors(self.bank, session)
        if unvisited:
            with Vertical(id="unvisited", classes="warning-box"):
                names = ", ".join(f.numbered_short_title for f in unvisited)
                yield Static(
                    f"Nog niet bekeken ({len(unvisited)} van {len(self.bank.factors)}): "
                    f"{names}. De methode vraagt alle factoren te bekijken voordat je kiest."
                )
                yield Button("Naar de Tafel van 12 (Ctrl+G)", id="to-grid", classes="nav")
        yield Static(
            f"Gerangschikt op gewicht, dan zekerheid, dan verschil tussen deelnemers (≠: twee "
            f"of meer punten). Kies {MIN_PRIORITIES} tot {MAX_PRIORITIES} factoren met spatie "
            "of Enter.",
            classes="step-intro",
        )
        table: DataTable[str | Text] = DataTable(
            id="ranking", cursor_type="row", zebra_stripes=True
        )
        # Short headers and cells: the five columns must fit in 80 columns.
        table.add_column("", key="choice")
        table.add_columns("Factor", "Gewicht", "Zekerheid", "Verschil")
        for ranked in rank_factors(self.bank, session):
            table.add_row("", *map(Text, self._cells(ranked)), key=ranked.factor.id)
        yield table
        yield Static("Gekozen, in volgorde van aanpak", classes="section-title")
        yield Static(ORDER_HINT, classes="hint")
        with Vertical(id="chosen"):
            for priority in session.priorities:
                yield PriorityCard(priority, factor_title(self.bank, priority.factor))
        yield Static("Nog geen factoren gekozen.", id="none-chosen", classes="hint")
        with Vertical(id="override", classes="warning-box"):
            yield Static("", id="override-text")
            yield from build_fields(OVERRIDE, session)

    def _cells(self, ranked: RankedFactor) -> tuple[str, str, str, str]:
        answer = self.session.factors.get(ranked.factor.id)
        if ranked.weight is not None:
            weight = str(ranked.weight)
        elif answer is not None and answer.weight == "unknown":
            weight = STATE_LABELS["unknown"].short  # the grid's and the reports' word
        else:
            weight = "—"
        spread = "—" if ranked.spread is None else str(ranked.spread)
        if answer is not None and answer.disputed:
            spread += " ≠"  # as in the grid: participants differ by two or more
        return (
            ranked.factor.numbered_title,
            weight,
            confidence_label(self.bank, ranked.confidence).lower() or "—",
            spread,
        )

    def on_mount(self) -> None:
        """Number the chosen ones and save a preselection."""
        super().on_mount()
        self._renumber()
        self._check_count()
        if self._preselected:
            self.commit()
            self.notify(
                "De zwaarst wegende factoren zijn alvast gekozen. Pas de keuze gerust aan.",
                title="Voorselectie",
                timeout=6,
            )

    @property
    def ranking(self) -> DataTable[str | Text]:
        """The ranking table."""
        return self.query_one("#ranking", DataTable)

    def _renumber(self) -> None:
        order = self.session.priority_ids
        places = {id(p): place for place, p in enumerate(self.session.priorities, start=1)}
        for card in self.query(PriorityCard).results(PriorityCard):
            if id(card.priority) in places:  # A removed card may linger until pruned.
                card.number(places[id(card.priority)])
        for row_key in self.ranking.rows:
            factor_id = row_key.value or ""
            mark = f"✓ {order.index(factor_id) + 1}" if factor_id in order else ""
            self.ranking.update_cell(row_key, "choice", mark, update_width=True)
        self.query_one("#none-chosen").display = not order

    def _check_count(self) -> None:
        count = len(self.session.priorities)
        box = self.query_one("#override")
        if priority_count_ok(count):
            box.display = False
            if self.session.priority_override is not None and not self.read_only:
                # Back inside the range: the exception no longer applies.
                self.session.priority_override = None
                self.query_one("#override-reason", Input).value = ""
            return
        box.display = True
        self.query_one("#override-text", Static).update(
            f"Je hebt {count} factor(en) gekozen; de methode vraagt er {MIN_PRIORITIES} tot "
            f"{MAX_PRIORITIES}. Minder maakt het beeld smal, meer versnippert de aanpak. "
            "Wil je toch afwijken, schrijf dan op waarom."
        )

    # -- choosing --------------------------------------------------------------------

    @on(DataTable.RowSelected, "#ranking")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._toggle(event.row_key.value or "")

    def action_choose(self) -> None:
        """Choose or drop the factor under the table's cursor."""
        if self.focused is not self.ranking:
            return
        row_key, _ = self.ranking.coordinate_to_cell_key(self.ranking.cursor_coordinate)
        self._toggle(row_key.value or "")

    def _toggle(self, factor_id: str) -> None:
        if not factor_id:
            return
        if self.read_only:
            self.notify("Deze sessie is alleen te bekijken.", severity="warning")
            return
        chosen = self.query_one("#chosen", Vertical)
        for priority in self.session.priorities:
            if priority.factor == factor_id:
                self.session.priorities.remove(priority)
                for card in self.query(PriorityCard).results(PriorityCard):
                    if card.priority is priority:
                        card.remove()
                break
        else:
            priority = Priority(factor=factor_id)
            self.session.priorities.append(priority)
            chosen.mount(PriorityCard(priority, factor_title(self.bank, factor_id)))
        self._renumber()
        self._check_count()
        self.commit()

    # -- ordering --------------------------------------------------------------------

    def _current(self) -> Priority | None:
        focused = self.focused
        if focused is self.ranking:
            row_key, _ = self.ranking.coordinate_to_cell_key(self.ranking.cursor_coordinate)
            for priority in self.session.priorities:
                if priority.factor == row_key.value:
                    return priority
            return None
        for node in focused.ancestors_with_self if focused is not None else []:
            if isinstance(node, PriorityCard):
                return node.priority
        return None

    def action_move(self, offset: int) -> None:
        """Move the current priority earlier (-1) or later (+1) in the order."""
        if self.read_only:
            return
        priority = self._current()
        if priority is None:
            self.notify(
                "Ga eerst naar een gekozen factor (in de tabel of bij de reden).", timeout=3
            )
            return
        order = self.session.priorities
        index = order.index(priority)
        target = index + offset
        if not 0 <= target < len(order):
            # Say why nothing moved: it looked as if moving worked only on some cards.
            where = "bovenaan" if offset < 0 else "onderaan"
            self.notify(f"Deze prioriteit staat al {where}.", timeout=3)
            return
        order[index], order[target] = order[target], order[index]
        cards = list(self.query(PriorityCard).results(PriorityCard))
        card = next(c for c in cards if c.priority is priority)
        other = next(c for c in cards if c.priority is order[index])
        chosen = self.query_one("#chosen", Vertical)
        if offset < 0:
            chosen.move_child(card, before=other)
        else:
            chosen.move_child(card, after=other)
        self._renumber()
        self.commit()
        if self.focused is not self.ranking:
            card.scroll_visible()  # Keep the moved reason in view; the table keeps its own.

    # -- leaving ---------------------------------------------------------------------

    @on(Button.Pressed, "#to-grid")
    def _to_grid(self) -> None:
        self.action_grid()

    def action_next_step(self) -> None:
        """Go on only within 3–5, or with a reason to deviate."""
        count = len(self.session.priorities)
        if not priority_count_ok(count) and not self.session.priority_override:
            self.notify(
                f"{count} factor(en) gekozen; de methode vraagt er {MIN_PRIORITIES} tot "
                f"{MAX_PRIORITIES}. Pas de keuze aan of geef een reden om af te wijken.",
                title="Nog niet verder",
                severity="warning",
            )
            field = self.query_one("#override-reason", BoundInput)
            field.focus()
            return
        super().action_next_step()
