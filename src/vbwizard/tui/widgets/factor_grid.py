"""The Tafel van 12 as a 3 × 4 grid: one row per cluster, a cell per factor.

Each cell shows the factor's state (not yet considered, weight unknown, or its
weight) and is coloured by weight, so the grid doubles as a heat map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.message import Message
from textual.widgets import Static

from vbwizard.bank.models import Bank, Factor
from vbwizard.scoring import factor_state
from vbwizard.session.models import Session


def cell_state(session: Session, factor_id: str) -> tuple[str, str]:
    """The CSS class and the Dutch text for a factor's state."""
    answer = session.factors.get(factor_id)
    state = factor_state(answer)
    if state == "unvisited":
        return "unvisited", "niet bekeken"
    if state == "no_weight":
        return "no-weight", "geen gewicht"
    if state == "unknown":
        return "w-unknown", "onbekend"
    assert answer is not None
    text = f"gewicht {answer.weight}"
    if answer.disputed:
        text += " ≠"  # participants differ by two or more
    return f"w{answer.weight}", text


class FactorCell(Static, can_focus=True):
    """One factor in the grid."""

    @dataclass
    class Chosen(Message):
        """The user opened this factor (Enter or click)."""

        factor_id: str

    def __init__(self, factor: Factor, session: Session, *, interactive: bool) -> None:
        state, text = cell_state(session, factor.id)
        title = factor.short_title or factor.title
        super().__init__(
            f"[b]{factor.number}[/b] {escape(title)}\n{escape(text)}",
            classes=f"factor-cell {state}",
            id=f"cell-{factor.id}",
        )
        self.factor = factor
        self.can_focus = interactive
        self.tooltip = factor.title

    def on_click(self, event: events.Click) -> None:
        """Open the factor with the mouse."""
        if self.can_focus:
            self.post_message(self.Chosen(self.factor.id))

    def on_focus(self) -> None:
        """Keep the grid's cursor where the focus is (mouse, Tab)."""
        grid = self.parent.parent if self.parent else None
        if isinstance(grid, FactorGrid):
            grid.current = grid.index_of(self.factor.id)


class FactorGrid(Vertical):
    """The 12 factors, clusters as rows; arrows move, Enter opens a factor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open factor"),
        Binding("up", "move(-4)", "Omhoog", show=False),
        Binding("down", "move(4)", "Omlaag", show=False),
        Binding("left", "move(-1)", "Links", show=False),
        Binding("right", "move(1)", "Rechts", show=False),
    ]

    def __init__(self, bank: Bank, session: Session, *, interactive: bool = True) -> None:
        super().__init__(classes="factor-grid")
        self.bank = bank
        self.session = session
        self.interactive = interactive
        self.current = 0
        """The cursor, kept here because focus changes land a moment later than keys."""

    def compose(self) -> ComposeResult:
        """A title and a row of cells per cluster."""
        for cluster in self.bank.manifest.clusters:
            yield Static(
                f"{cluster.number}. {cluster.title}", classes="cluster-title", markup=False
            )
            with Horizontal(classes="cluster-row"):
                for factor in self.bank.factors_in(cluster.id):
                    yield FactorCell(factor, self.session, interactive=self.interactive)

    @property
    def cells(self) -> list[FactorCell]:
        """The cells in bank order."""
        return list(self.query(FactorCell))

    def index_of(self, factor_id: str | None) -> int:
        """The position of a factor in the grid (0 when unknown)."""
        ids = [f.id for f in self.bank.factors]
        return ids.index(factor_id) if factor_id in ids else 0

    def focus_factor(self, factor_id: str | None) -> None:
        """Put the cursor on a factor's cell (or the first one)."""
        self.current = self.index_of(factor_id)
        cells = self.cells
        if cells and self.interactive:
            cells[self.current].focus()

    def action_move(self, offset: int) -> None:
        """Move the cursor through the grid."""
        cells = self.cells
        target = self.current + offset
        if 0 <= target < len(cells):
            self.current = target
            cells[target].focus()

    def action_open(self) -> None:
        """Open the factor under the cursor."""
        cells = self.cells
        if cells:
            self.post_message(FactorCell.Chosen(cells[self.current].factor.id))
