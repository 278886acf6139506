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
from textual.message import Message
from textual.widgets import Static

from vbwizard.bank.models import Bank, Factor
from vbwizard.session.models import Session


def cell_state(session: Session, factor_id: str) -> tuple[str, str]:
    """The CSS class and the Dutch text for a factor's state."""
    answer = session.factors.get(factor_id)
    if answer is None or (not answer.visited and answer.weight is None):
        return "unvisited", "niet bekeken"
    if answer.weight is None:
        return "no-weight", "geen gewicht"
    if answer.weight == "unknown":
        return "w-unknown", "onbekend"
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
            f"[b]{factor.number}[/b] {title}\n{text}",
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

    def compose(self) -> ComposeResult:
        """A title and a row of cells per cluster."""
        for cluster in self.bank.manifest.clusters:
            yield Static(f"{cluster.number}. {cluster.title}", classes="cluster-title")
            with Horizontal(classes="cluster-row"):
                for factor in self.bank.factors_in(cluster.id):
                    yield FactorCell(factor, self.session, interactive=self.interactive)

    @property
    def cells(self) -> list[FactorCell]:
        """The cells in bank order."""
        return list(self.query(FactorCell))

    def focus_factor(self, factor_id: str | None) -> None:
        """Focus a factor's cell (or the first one)."""
        cells = self.cells
        target = next((c for c in cells if c.factor.id == factor_id), cells[0] if cells else None)
        if target is not None and self.interactive:
            target.focus()

    def action_move(self, offset: int) -> None:
        """Move the focus through the grid."""
        cells = self.cells
        focused = self.screen.focused
        if focused not in cells:
            self.focus_factor(None)
            return
        index = cells.index(focused)  # type: ignore[arg-type]
        target = index + offset
        if 0 <= target < len(cells):
            cells[target].focus()

    def action_open(self) -> None:
        """Open the focused factor."""
        focused = self.screen.focused
        if isinstance(focused, FactorCell):
            self.post_message(FactorCell.Chosen(focused.factor.id))
