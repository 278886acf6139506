"""One row of the actions step: a proposal with its reason, or an action in the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Static

from vbwizard.labels import INTENSITY_LABELS
from vbwizard.planning import action_gaps
from vbwizard.proposals import MunicipalProposal, Proposal
from vbwizard.session.models import ActionStatus, PlannedAction
from vbwizard.tui.screens.action_editor import dates_text

if TYPE_CHECKING:
    from vbwizard.tui.screens.actions import ActionsScreen

STATUS = {"proposed": "voorstel", "accepted": "✓ aanvaard", "rejected": "✗ afgewezen"}


class ActionRow(Static, can_focus=True):
    """One action: a proposal (with why), an accepted or rejected one, or one's own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Short words: these, n and ^q must fit in the footer at 80 columns.
        Binding("a", "decide('accepted')", "Aanvaard", tooltip="Actie aanvaarden"),
        Binding("r", "decide('rejected')", "Wijs af", tooltip="Voorstel afwijzen"),
        Binding("enter", "edit", "Bewerk", tooltip="Eigenaar, data en indicator invullen"),
        Binding("x,delete", "delete", "Verwijderen", show=False),
        Binding("down", "step(1)", "Volgende actie", show=False),
        Binding("up", "step(-1)", "Vorige actie", show=False),
    ]

    def __init__(
        self,
        factor_id: str,
        proposal: Proposal | MunicipalProposal | None,
        planned: PlannedAction | None,
    ) -> None:
        super().__init__(classes="action-row")
        self.factor_id = factor_id
        self.proposal = proposal
        self.planned = planned

    @property
    def actions_screen(self) -> ActionsScreen:
        """The screen that owns the plan."""
        return cast("ActionsScreen", self.screen)

    def on_mount(self) -> None:
        """Show the action."""
        self.show()

    def show(self) -> None:
        """Render status, title, the reason it was proposed and the agreed details."""
        planned, proposal = self.planned, self.proposal
        status = planned.status if planned else "proposed"
        title = planned.title if planned else proposal.action.title if proposal else ""
        text = Text()
        text.append(f"[{STATUS[status]}] ", style="bold")
        text.append(title or "(zonder titel)", style="bold")
        if isinstance(proposal, Proposal):
            text.append(f" · {INTENSITY_LABELS[proposal.action.intensity]}")
        elif planned is not None and planned.bank_action is None:
            text.append(" · eigen actie")
        if proposal is not None:
            text.append(f"\n{proposal.why}", style="italic")
        if planned is not None and status == "accepted":
            details = [
                f"Eigenaar: {planned.owner}" if planned.owner else "",
                dates_text(planned.start, planned.end),
                f"Indicator: {planned.indicator}" if planned.indicator else "",
            ]
            missing = action_gaps(planned)
            shown = " · ".join(d for d in details if d)
            if shown:
                text.append(f"\n{shown}")
            if missing:
                text.append(f"\nNog invullen (Enter): {', '.join(missing)}", style="bold")
        self.update(text)
        self.set_class(status == "rejected", "-rejected")
        self.set_class(status == "accepted", "-accepted")

    def on_click(self, event: events.Click) -> None:
        """Select with the mouse; a double click opens the editor."""
        self.focus()
        if event.chain >= 2:
            self.action_edit()

    def action_decide(self, status: ActionStatus) -> None:
        """Accept or reject this action."""
        self.actions_screen.decide(self, status)

    def action_edit(self) -> None:
        """Open the editor."""
        self.actions_screen.edit(self)

    def action_delete(self) -> None:
        """Delete an own action (proposals are rejected instead)."""
        self.actions_screen.delete(self)

    def action_step(self, offset: int) -> None:
        """Move the focus to the next or previous action.

        Only actions: the "+ Eigen actie" buttons, where the action keys would do
        nothing, are reached with Tab or added to with n from any action.
        """
        rows = list(self.screen.query(ActionRow).results(ActionRow))
        target = rows.index(self) + offset
        if 0 <= target < len(rows):  # the first and last stay put: no jump round
            rows[target].focus()
