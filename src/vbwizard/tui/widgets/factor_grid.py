"""The Tafel van 12 as a 3 × 4 grid: one row per cluster, a cell per factor.

Each cell shows the factor's state (not yet considered, weight unknown, or its
weight) and is coloured by weight, so the grid doubles as a heat map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.bank.models import Bank, Factor
from vbwizard.disagreement import needs_discussion
from vbwizard.labels import STATE_LABELS
from vbwizard.scoring import factor_state
from vbwizard.session.models import Session


def cell_state(session: Session, factor_id: str) -> tuple[str, str, str]:
    """The CSS class and the Dutch text, in full and short, for a factor's state."""
    answer = session.factors.get(factor_id)
    state = factor_state(answer)
    # Participants disagree (or some said "?"), whatever the group weight is yet.
    mark = " ≠" if needs_discussion(answer) else ""
    css = {"unvisited": "unvisited", "no_weight": "no-weight", "unknown": "w-unknown"}.get(state)
    if css is not None:
        # In cells narrower than the short text (60 columns) the narrow one.
        label = STATE_LABELS[state]
        return css, label.short + mark, label.narrow + mark
    assert answer is not None
    return f"w{answer.weight}", f"gewicht {answer.weight}{mark}", f"gew. {answer.weight}{mark}"


class FactorCell(Widget, can_focus=True):
    """One factor in the grid: its number and short title, then its state.

    The text is fitted to the cell when drawn: titles wrap at spaces (the short
    titles have no word longer than a cell at 60 columns) and the state is
    shortened rather than cut, so the weight always shows.
    """

    @dataclass
    class Chosen(Message):
        """The user opened this factor (Enter or click)."""

        factor_id: str

    def __init__(self, factor: Factor, session: Session, *, interactive: bool) -> None:
        state, self.state_text, self.state_short = cell_state(session, factor.id)
        super().__init__(classes=f"factor-cell {state}", id=f"cell-{factor.id}")
        self.factor = factor
        self.title = factor.short_title or factor.title
        self.can_focus = interactive
        self.tooltip = factor.title

    def render(self) -> Text:
        """Number and title, then the state; plain text, never markup."""
        width = self.content_region.width
        state = self.state_text if not width or len(self.state_text) <= width else self.state_short
        text = Text(str(self.factor.number), style="bold")
        text.append(f" {self.title}\n{state}")
        return text

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
        Binding("enter", "open", "Factor openen"),
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
