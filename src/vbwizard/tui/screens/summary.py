"""Step 8: the whole analysis on one page, open points, and marking it completed.

The open points are the same list the reports show (``reports.open_points``), so the
screen and the report can never disagree about what is still to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.dates import format_date
from vbwizard.labels import factor_title
from vbwizard.reports.open_points import open_points
from vbwizard.session.models import Step
from vbwizard.steps import step_heading
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.problem import MONITORING_ADVICE
from vbwizard.tui.screens.step import StepScreen, quiet
from vbwizard.tui.widgets.factor_grid import FactorGrid

SMART_LABELS = [
    ("specific", "Specifiek"),
    ("indicator", "Indicator"),
    ("baseline", "Nulmeting"),
    ("target", "Streefwaarde"),
    ("realistic", "Realistisch"),
]


class SummaryScreen(StepScreen):
    """Heat map, priorities, goal, action plan and open points; complete the session."""

    STEP: ClassVar[Step] = "summary"
    BINDINGS: ClassVar[list[BindingType]] = [
        *quiet("ctrl+g", "ctrl+r"),  # the heat map below is the Tafel
        Binding("c", "complete", "Afronden", tooltip="Sessie als afgerond markeren (of heropenen)"),
        Binding("e", "export", "Rapport", tooltip="Rapport maken"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        """Every part of the analysis, read-only."""
        session = self.session
        yield Static(step_heading(self.STEP), classes="step-title")
        yield Static("", id="summary-status", classes="status-line")
        yield Static("Tafel van 12", classes="section-title")
        yield FactorGrid(self.bank, session, interactive=False)
        yield Static("Prioriteiten, in volgorde van aanpak", classes="section-title")
        yield Static(self._priorities(), id="summary-priorities")
        yield Static("Doel", classes="section-title")
        yield Static(self._goal(), id="summary-goal")
        yield Static("Actieplan", classes="section-title")
        # A wrapped list, not a table: at 80 columns a six-column table cut the
        # titles and hid the owners and dates.
        yield Static(self._plan_text(), id="summary-plan")
        yield Static("Open punten", classes="section-title")
        yield Static(self._open_points(), id="summary-open")

    def on_mount(self) -> None:
        """Show the status; let the arrow keys scroll the page."""
        super().on_mount()
        self._show_status()

    def first_field(self) -> Widget | None:
        """The page itself, so that the arrow keys scroll it."""
        body = self.query_one("#body")
        body.can_focus = True
        return body

    # -- the parts -------------------------------------------------------------------

    def _priorities(self) -> Text:
        session = self.session
        text = Text()
        if not session.priorities:
            return Text("Nog geen prioriteiten gekozen.", style="italic")
        for place, priority in enumerate(session.priorities, start=1):
            if place > 1:
                text.append("\n")
            text.append(f"{place}. {factor_title(self.bank, priority.factor)}", style="bold")
            text.append(f" — {priority.reason}" if priority.reason else " — (geen reden)")
        if session.priority_override:
            text.append(f"\nAfwijking van 3–5: {session.priority_override}")
        return text

    def _goal(self) -> Text:
        goal = self.session.goal
        text = Text(goal.text or "Nog geen doel geformuleerd.")
        if goal.agreed:
            text.append("\nAfgesproken door: ", style="bold")
            text.append(goal.agreed)
        smart = goal.smart
        if smart is not None:
            for attribute, label in SMART_LABELS:
                value = getattr(smart, attribute)
                if value:
                    text.append(f"\n{label}: ", style="bold")
                    text.append(value)
            if smart.deadline:
                text.append("\nUiterlijk: ", style="bold")
                text.append(format_date(smart.deadline))
        return text

    def _plan_text(self) -> Text:
        """Each accepted action, in the order of the priorities, with all it needs."""
        order = {factor_id: i for i, factor_id in enumerate(self.session.priority_ids)}
        accepted = [a for a in self.session.actions if a.status == "accepted"]
        accepted.sort(key=lambda a: order.get(a.factor, len(order)))
        if not accepted:
            return Text("Nog geen aanvaarde acties (stap 7).", style="italic")
        text = Text()
        for number, action in enumerate(accepted, start=1):
            if number > 1:
                text.append("\n")
            text.append(f"{number}. {action.title or action.id}", style="bold")
            text.append(f" · {factor_title(self.bank, action.factor)}")
            start, end = format_date(action.start) or "—", format_date(action.end) or "—"
            text.append(f"\n   Eigenaar: {action.owner or '—'} · {start} – {end}")
            text.append(f"\n   Indicator: {action.indicator or '—'}")
        return text

    def _open_points(self) -> Text:
        points = open_points(self.bank, self.session)
        if self.session.problem.problematic == "no":
            points.insert(0, MONITORING_ADVICE)
        if not points:
            return Text("Geen open punten.")
        return Text("\n".join(f"• {point}" for point in points))

    def _show_status(self) -> None:
        completed = self.session.status == "completed"
        if self.read_only and self.controller.read_only_reason != "completed":
            # c cannot work here (another window may be editing it): promise nothing.
            state = "afgerond" if completed else "bezig"
            self.query_one("#summary-status", Static).update(
                f"Status: {state}. Alleen te bekijken: hier kun je de status niet wijzigen."
            )
            return
        text = (
            "Status: afgerond (alleen lezen). Druk op c om de sessie te heropenen."
            if completed
            else "Status: bezig. Druk op c om de sessie als afgerond te markeren."
        )
        self.query_one("#summary-status", Static).update(text)

    # -- actions ---------------------------------------------------------------------

    def action_complete(self) -> None:
        """Mark the session completed, or reopen a completed one, after a confirmation."""
        controller = self.controller
        completed = self.session.status == "completed"
        if self.read_only and not (completed and controller.read_only_reason == "completed"):
            self.notify("Deze sessie is alleen te bekijken.", severity="warning")
            return
        if completed:
            question = "De sessie heropenen? De status wordt weer ‘bezig’ en je kunt weer wijzigen."
            yes = "Heropenen"
        else:
            question = "De sessie als afgerond markeren? Daarna is ze alleen nog te bekijken."
            points = open_points(self.bank, self.session)
            if points:
                question += f"\nEr staan nog {len(points)} open punt(en)."
            yes = "Afronden"

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            if completed:
                self.wizard.reopen_session()
                return
            if controller.complete():
                self.notify("Sessie afgerond.", timeout=3)
            self._show_status()

        self.app.push_screen(ConfirmDialog(question, yes=yes, no="Annuleren"), confirmed)

    def action_export(self) -> None:
        """Export the report when the app offers it; else say how."""
        export: Callable[[], object] | None = getattr(self.wizard, "export_report", None)
        if callable(export):
            export()
            return
        self.notify(
            f"Een rapport maak je met: vbwizard report {self.session.id} --format html",
            title="Rapport",
            timeout=8,
        )

    def action_next_step(self) -> None:
        """The last step, except in a follow-up: there step 9, Evaluatie, follows."""
        if self.session.links.followup_of:
            super().action_next_step()
            return
        self.notify("Dit is de laatste stap. Druk op c om af te ronden.", timeout=3)
