"""Step 7 (Actie): per priority factor, proposed actions with why, and the group's own.

A proposal only enters the plan when the group accepts (or edits) it. A
rejection is saved too, so the proposal is not offered again as if new: it
stays visible, dimmed, and can still be accepted later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from vbwizard.bank.models import Factor
from vbwizard.proposals import Proposal, propose
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import PlannedAction, Session, Step
from vbwizard.tui.screens.action_editor import ActionEditor, dates_text
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.step import StepScreen

INTENSITY = {"light": "licht", "medium": "middel", "heavy": "zwaar"}
STATUS = {"proposed": "voorstel", "accepted": "✓ aanvaard", "rejected": "✗ afgewezen"}
_ACTION_NUMBER = re.compile(r"^actie-(\d+)$")


def next_action_id(session: Session) -> str:
    """A new action id, ``actie-N``, unique within the session."""
    numbers = [int(m.group(1)) for a in session.actions if (m := _ACTION_NUMBER.match(a.id))]
    taken = {a.id for a in session.actions}
    number = max(numbers, default=0) + 1
    while f"actie-{number}" in taken:  # pragma: no cover - only with odd hand-made ids
        number += 1
    return f"actie-{number}"


class ActionRow(Static, can_focus=True):
    """One action: a proposal (with why), an accepted or rejected one, or one's own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accepted')", "Aanvaarden"),
        Binding("enter", "edit", "Bewerken"),
        # Shown in the intro instead: the footer must fit 80 columns.
        Binding("r", "decide('rejected')", "Afwijzen", show=False),
        Binding("x,delete", "delete", "Verwijderen", show=False),
        Binding("down", "step(1)", "Volgende actie", show=False),
        Binding("up", "step(-1)", "Vorige actie", show=False),
    ]

    def __init__(
        self, factor_id: str, proposal: Proposal | None, planned: PlannedAction | None
    ) -> None:
        super().__init__(classes="action-row")
        self.factor_id = factor_id
        self.proposal = proposal
        self.planned = planned

    @property
    def actions_screen(self) -> ActionsScreen:
        """The screen that owns the plan."""
        return cast(ActionsScreen, self.screen)

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
        if proposal is not None:
            text.append(f" · {INTENSITY[proposal.action.intensity]}")
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
            missing = [
                label
                for label, value in (
                    ("eigenaar", planned.owner),
                    ("data", planned.start and planned.end),
                    ("indicator", planned.indicator),
                )
                if not value
            ]
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

    def action_decide(self, status: str) -> None:
        """Accept or reject this action."""
        self.actions_screen.decide(self, status)

    def action_edit(self) -> None:
        """Open the editor."""
        self.actions_screen.edit(self)

    def action_delete(self) -> None:
        """Delete an own action (proposals are rejected instead)."""
        self.actions_screen.delete(self)

    def action_step(self, offset: int) -> None:
        """Move the focus to the next or previous action."""
        if offset > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()


class AddButton(Button):
    """The "add an own action" button of one factor."""

    def __init__(self, factor_id: str) -> None:
        super().__init__("+ Eigen actie toevoegen (n)", classes="add-own", compact=True)
        self.factor_id = factor_id


class ActionsScreen(StepScreen):
    """The proposals per priority factor, and the plan being built from them."""

    STEP: ClassVar[Step] = "actions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Eigen actie", show=False, tooltip="Een eigen actie toevoegen"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        """A section per priority factor, in the order of treatment."""
        session = self.session
        yield Static("Stap 7 · Acties", classes="step-title")
        yield Static(
            "Per prioriteit de voorstellen uit de reeks van die factor, van licht naar zwaar, "
            "met de reden. a: aanvaarden · r: afwijzen · Enter: bewerken (eigenaar, data, "
            "indicator) · n: eigen actie.",
            classes="step-intro",
        )
        if not session.priorities:
            yield Static(
                "Er zijn nog geen prioriteiten gekozen. Kies ze eerst in stap 5 (PageUp).",
                classes="warning-box",
            )
        shown: set[int] = set()
        for place, priority in enumerate(session.priorities, start=1):
            yield self._section(place, priority.factor, shown)
        rest = [a for a in session.actions if id(a) not in shown]
        if rest:
            # Actions of factors that are no longer a priority stay in the plan: show them.
            with Vertical(classes="factor-section"):
                yield Static(
                    "Acties bij factoren die geen prioriteit (meer) zijn", classes="section-title"
                )
                for action in rest:
                    yield ActionRow(action.factor, None, action)

    def _factor(self, factor_id: str) -> Factor | None:
        try:
            return self.bank.factor(factor_id)
        except KeyError:
            return None

    def factor_title(self, factor_id: str) -> str:
        """``"9. Kwaliteit van de aanpak"`` (or the id of a factor the bank lacks)."""
        factor = self._factor(factor_id)
        return f"{factor.number}. {factor.title}" if factor else factor_id

    def _section(self, place: int, factor_id: str, shown: set[int]) -> Widget:
        factor = self._factor(factor_id)
        answer = self.session.factors.get(factor_id)
        weight = numeric_weight(answer)
        rows: list[Widget] = []
        weight_text = "gewicht onbekend" if weight is None else f"gewicht {weight}"
        rows.append(
            Static(
                f"{place}e prioriteit · {self.factor_title(factor_id)} · {weight_text}",
                classes="section-title",
                markup=False,
            )
        )
        proposals = propose(self.bank, self.session, factor_id) if factor else []
        if factor is None:
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
        elif not proposals:
            rows.append(
                Static(
                    f"Bij gewicht {weight} en deze antwoorden stelt de reeks niets voor. "
                    "Voeg zelf een actie toe (n).",
                    classes="hint",
                )
            )
        for proposal in proposals:
            planned = next(
                (
                    a
                    for a in self.session.actions
                    if a.factor == factor_id
                    and a.bank_action == proposal.action.id
                    and id(a) not in shown
                ),
                None,
            )
            if planned is not None:
                shown.add(id(planned))
            rows.append(ActionRow(factor_id, proposal, planned))
        for action in self.session.actions:
            if action.factor == factor_id and id(action) not in shown:
                shown.add(id(action))
                rows.append(ActionRow(factor_id, None, action))
        rows.append(AddButton(factor_id))
        return Vertical(*rows, classes="factor-section")

    def on_mount(self) -> None:
        """Open at the top, so the intro and the first factor's title are in view."""
        super().on_mount()
        self.call_after_refresh(self.query_one("#body").scroll_home, animate=False)

    def first_field(self) -> Widget | None:
        """Start on the first action (or the first add button)."""
        for widget in self.query("ActionRow, AddButton"):
            if widget.focusable:
                return widget
        return None

    # -- deciding and editing --------------------------------------------------------

    def _refuse_read_only(self) -> bool:
        if self.wizard.read_only:
            self.notify("Deze sessie is alleen te bekijken.", severity="warning")
        return self.wizard.read_only

    def _from_proposal(self, proposal: Proposal, status: str) -> PlannedAction:
        return PlannedAction(
            id=next_action_id(self.session),
            factor=proposal.factor.id,
            bank_action=proposal.action.id,
            title=proposal.action.title,
            description=proposal.action.description,
            status=status,
        )

    def decide(self, row: ActionRow, status: str) -> None:
        """Accept or reject the action of ``row`` and save."""
        if self._refuse_read_only():
            return
        if row.planned is None:
            if row.proposal is None:
                return
            row.planned = self._from_proposal(row.proposal, status)
            self.session.actions.append(row.planned)
        else:
            row.planned.status = status  # type: ignore[assignment]
        self.commit()
        row.show()
        if status == "accepted" and not (row.planned.owner and row.planned.start):
            self.notify("Aanvaard. Enter: eigenaar, data en indicator invullen.", timeout=3)

    def edit(self, row: ActionRow) -> None:
        """Open the editor for the action of ``row``."""
        if self._refuse_read_only():
            return
        action = row.planned
        if action is None:
            if row.proposal is None:
                return
            # Editing a proposal means taking it on; the new id is given only on save.
            action = self._from_proposal(row.proposal, "accepted")
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

        editor = ActionEditor(action, factor_title=self.factor_title(row.factor_id), why=why)
        self.app.push_screen(editor, done)

    def _why(self, proposal: Proposal | None) -> str:
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

        self.app.push_screen(ActionEditor(draft, factor_title=self.factor_title(factor_id)), done)

    def delete(self, row: ActionRow) -> None:
        """Delete an own action after a confirmation."""
        if self._refuse_read_only() or row.planned is None:
            return
        if row.planned.bank_action is not None:
            self.notify(
                "Een voorstel uit de reeks wijst u af met r; dan blijft zichtbaar "
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
