"""Step 7 (Actie): per priority factor, proposed actions with why, and the group's own.

A proposal only enters the plan when the group accepts (or edits) it. A
rejection is saved too, so the proposal is not offered again as if new: it
stays visible, dimmed, and can still be accepted later.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from vbwizard.labels import factor_title
from vbwizard.planning import (
    SectionPlan,
    action_gaps,
    action_plan,
    next_action_id,
    planned_from_proposal,
)
from vbwizard.proposals import MunicipalProposal, Proposal
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import ActionStatus, PlannedAction, Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.action_editor import ActionEditor
from vbwizard.tui.screens.action_row import ActionRow
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.step import StepScreen, quiet


class AddButton(Button):
    """The "add an own action" button of one factor."""

    def __init__(self, factor_id: str) -> None:
        super().__init__("+ Eigen actie toevoegen (n)", classes="add-own", compact=True)
        self.factor_id = factor_id


class ActionsScreen(StepScreen):
    """The proposals per priority factor, and the plan being built from them."""

    STEP: ClassVar[Step] = "actions"
    BINDINGS: ClassVar[list[BindingType]] = [
        # The action keys need the footer's room; Ctrl+G and Ctrl+O still work.
        *quiet("ctrl+g", "ctrl+o", "ctrl+r"),
        Binding("n", "new", "Eigen", tooltip="Een eigen actie toevoegen"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        """A section per priority factor, in the order of treatment."""
        session = self.session
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static(
            "Per prioriteit de voorstellen uit de reeks van die factor, van licht naar zwaar, "
            "met de reden. a: aanvaarden · r: afwijzen · Enter: bewerken (eigenaar, data, "
            "indicator) · n: eigen actie.",
            classes="step-intro",
        )
        pitfalls = self.bank.manifest.guidance.actions
        if pitfalls:
            yield Static(
                "\n".join(f"• {tip}" for tip in pitfalls), classes="hint pitfalls", markup=False
            )
        if not session.priorities:
            yield Static(
                "Er zijn nog geen prioriteiten gekozen. Kies ze eerst in stap 5 (PageUp).",
                classes="warning-box",
            )
        plan = action_plan(self.bank, session)
        for place, section in enumerate(plan.priorities, start=1):
            yield self._section(place, section)
        if plan.municipal is not None:
            yield self._municipal_section(plan.municipal)
        if plan.rest:
            # Actions of factors that are no longer a priority stay in the plan: show them.
            with Vertical(classes="factor-section"):
                yield Static(
                    "Acties bij factoren die geen prioriteit (meer) zijn", classes="section-title"
                )
                for action in plan.rest:
                    yield ActionRow(action.factor, None, action)

    @staticmethod
    def _rows(section: SectionPlan) -> list[Widget]:
        """The proposals with the plan's record of each, then the section's other actions."""
        rows: list[Widget] = [
            ActionRow(section.factor_id, row.proposal, row.planned) for row in section.proposals
        ]
        rows += [ActionRow(section.factor_id, None, action) for action in section.others]
        return rows

    def _section(self, place: int, section: SectionPlan) -> Widget:
        factor_id = section.factor_id
        weight = numeric_weight(self.session.factors.get(factor_id))
        rows: list[Widget] = []
        weight_text = "gewicht onbekend" if weight is None else f"gewicht {weight}"
        rows.append(
            Static(
                f"{place}e prioriteit · {factor_title(self.bank, factor_id)} · {weight_text}",
                classes="section-title",
                markup=False,
            )
        )
        if section.factor is None:
            rows.append(
                Static(
                    "Deze factor staat niet in de vragenbank; voeg zelf acties toe.", classes="hint"
                )
            )
        elif weight is None:
            rows.append(
                Static(
                    "Het gewicht van deze factor is onbekend, dus de wizard stelt niets voor. "
                    "Verzamel eerst informatie, of voeg zelf een actie toe (n).",
                    classes="hint",
                )
            )
        elif not section.proposals:
            rows.append(
                Static(
                    f"Bij gewicht {weight} en deze antwoorden stelt de reeks niets voor. "
                    "Voeg zelf een actie toe (n).",
                    classes="hint",
                )
            )
        rows += self._rows(section)
        rows.append(AddButton(factor_id))
        return Vertical(*rows, classes="factor-section")

    def _municipal_section(self, section: SectionPlan) -> Widget:
        """Actions at the level of the municipality, beside those per factor."""
        rows: list[Widget] = [
            Static("Op gemeentelijk niveau", classes="section-title"),
            Static(
                "Deze acties dragen de aanpak als geheel; ze horen niet bij één factor.",
                classes="hint",
            ),
            *self._rows(section),
        ]
        return Vertical(*rows, classes="factor-section", id="municipal-section")

    def first_field(self) -> Widget | None:
        """Start on the first action (or the first add button)."""
        for widget in self.query("ActionRow, AddButton"):
            if widget.focusable:
                return widget
        return None

    # -- deciding and editing --------------------------------------------------------

    def _refuse_read_only(self) -> bool:
        if self.read_only:
            self.notify("Deze sessie is alleen te bekijken.", severity="warning")
        return self.read_only

    def decide(self, row: ActionRow, status: ActionStatus) -> None:
        """Accept or reject the action of ``row`` and save."""
        if self._refuse_read_only():
            return
        if row.planned is None:
            if row.proposal is None:
                return
            row.planned = planned_from_proposal(self.session, row.proposal, status)
            self.session.actions.append(row.planned)
        else:
            row.planned.status = status
        self.commit()
        row.show()
        gaps = action_gaps(row.planned)
        if gaps:
            self.notify(f"Aanvaard. Enter: {', '.join(gaps)} invullen.", timeout=3)

    def edit(self, row: ActionRow) -> None:
        """Open the editor for the action of ``row``."""
        if self._refuse_read_only():
            return
        action = row.planned
        if action is None:
            if row.proposal is None:
                return
            # Editing a proposal means taking it on; the new id is given only on save.
            action = planned_from_proposal(self.session, row.proposal, "accepted")
        why = self._why(row.proposal)

        def done(result: PlannedAction | None) -> None:
            if result is None:
                return
            if row.planned is None:
                self.session.actions.append(result)
            else:
                index = next(i for i, a in enumerate(self.session.actions) if a is row.planned)
                self.session.actions[index] = result
            row.planned = result
            self.commit()
            row.show()

        editor = ActionEditor(action, factor_title=factor_title(self.bank, row.factor_id), why=why)
        self.app.push_screen(editor, done)

    def _why(self, proposal: Proposal | MunicipalProposal | None) -> str:
        if proposal is None:
            return ""
        owners = ", ".join(proposal.action.owners)
        return proposal.why + (f"\nGebruikelijke trekkers: {owners}." if owners else "")

    @on(Button.Pressed, ".add-own")
    def _add_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, AddButton):
            self._new(event.button.factor_id)

    def action_new(self) -> None:
        """Add an own action to the factor in focus (else the first priority)."""
        if self._refuse_read_only():
            return
        focused = self.focused
        if isinstance(focused, ActionRow | AddButton):
            self._new(focused.factor_id)
        elif self.session.priorities:
            self._new(self.session.priorities[0].factor)
        else:
            self.notify("Kies eerst prioriteiten (stap 5).", severity="warning")

    def _new(self, factor_id: str) -> None:
        if self._refuse_read_only():
            return
        draft = PlannedAction(id=next_action_id(self.session), factor=factor_id, status="accepted")

        def done(result: PlannedAction | None) -> None:
            if result is None:
                return
            self.session.actions.append(result)
            self.commit()
            row = ActionRow(factor_id, None, result)
            button = next(
                (b for b in self.query(AddButton).results(AddButton) if b.factor_id == factor_id),
                None,
            )
            if button is not None and isinstance(button.parent, Widget):
                button.parent.mount(row, before=button)
            else:
                self.query_one("#body").mount(row)
            self.call_after_refresh(row.focus)

        self.app.push_screen(
            ActionEditor(draft, factor_title=factor_title(self.bank, factor_id)), done
        )

    def delete(self, row: ActionRow) -> None:
        """Delete an own action after a confirmation."""
        if self._refuse_read_only() or row.planned is None:
            return
        if row.planned.bank_action is not None:
            self.notify(
                "Een voorstel uit de reeks wijs je af met r; dan blijft zichtbaar "
                "dat het is overwogen.",
                timeout=5,
            )
            return
        planned = row.planned

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.session.actions[:] = [a for a in self.session.actions if a is not planned]
                self.commit()
                self.screen.focus_next()
                row.remove()

        question = f"Eigen actie ‘{planned.title or planned.id}’ verwijderen?"
        self.app.push_screen(ConfirmDialog(question, yes="Verwijderen", no="Annuleren"), confirmed)
