"""Step 4 overview: the Tafel van 12 grid with each factor's state and weight."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.scoring import unvisited_factors
from vbwizard.session.models import Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.step import StepScreen, quiet
from vbwizard.tui.widgets.factor_grid import FactorCell, FactorGrid


class GridScreen(StepScreen):
    """All twelve factors at a glance; Enter opens a factor page."""

    STEP: ClassVar[Step] = "factors"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "previous_step", "Vorige", show=False),
        *quiet("ctrl+g"),  # this is the Tafel
    ]

    def compose_body(self) -> Iterable[Widget]:
        """Title, progress line and the grid."""
        unvisited = unvisited_factors(self.bank, self.session)
        considered = len(self.bank.factors) - len(unvisited)
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(
            f"{considered} van {len(self.bank.factors)} factoren bekeken. "
            "Pijltjes: kiezen · Enter: openen · ≠: verschil van mening (Ctrl+R: waar?).",
            classes="step-intro",
        )
        yield FactorGrid(self.bank, self.session, interactive=True)

    def on_mount(self) -> None:
        """Focus the factor the user last worked on."""
        super().on_mount()
        last = self.session.progress.factor
        self.query_one(FactorGrid).focus_factor(last or self._first_unvisited())

    def _first_unvisited(self) -> str | None:
        unvisited = unvisited_factors(self.bank, self.session)
        return unvisited[0].id if unvisited else None

    @on(FactorCell.Chosen)
    def _open(self, event: FactorCell.Chosen) -> None:
        self.wizard.goto("factors", event.factor_id)

    def action_next_step(self) -> None:
        """Name the factors not yet considered before moving on to priorities."""
        unvisited = unvisited_factors(self.bank, self.session)
        if not unvisited:
            super().action_next_step()
            return
        from vbwizard.tui.screens.dialogs import ConfirmDialog

        names = ", ".join(f"{f.number} {f.short_title or f.title}" for f in unvisited)
        question = (
            f"Nog niet bekeken: {names}.\nDe methode vraagt alle twaalf factoren te bespreken "
            "voordat je prioriteiten kiest. Toch doorgaan naar de prioriteiten?"
        )

        def go_on(yes: bool | None) -> None:
            if yes:
                self.wizard.goto("priorities")
            else:
                self.query_one(FactorGrid).focus_factor(unvisited[0].id)

        self.app.push_screen(
            ConfirmDialog(question, yes="Toch doorgaan", no="Eerst bekijken"), go_on
        )
