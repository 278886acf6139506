"""Baseline and follow-up side by side: weights per factor, priorities, actions.

The reviewer's question is "did the actions work?": which factors weigh less
now, which priorities came and went, and how each baseline action was
evaluated. The data come from :func:`vbwizard.compare.compare_sessions`, the
same comparison ``vbwizard compare`` prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from vbwizard.compare import DOWN, SAME, UP, Comparison, compare_sessions, weight_text
from vbwizard.compare_render import header_line, measured_text
from vbwizard.labels import EVALUATION_LABELS
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from vbwizard.session.models import Session
    from vbwizard.tui.app import VbWizardApp

CHANGE_WORDS = {UP: "↑ zwaarder", DOWN: "↓ lichter", SAME: "= gelijk"}


def _listing(items: list[str]) -> str:
    return ", ".join(items) if items else "–"


class CompareScreen(Screen[None]):
    """What changed between a baseline (nulmeting) and its follow-up."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self, base: Session, followup: Session) -> None:
        super().__init__()
        self.base = base
        self.followup = followup

    def compose(self) -> ComposeResult:
        """Heading, the factor table, and sections for priorities and actions."""
        bank = cast("VbWizardApp", self.app).bank
        result = compare_sessions(bank, self.base, self.followup)
        yield Header()
        with VerticalScroll(id="compare-body"):
            yield Static("Vergelijking nulmeting → vervolg", classes="step-title")
            yield Static(self._heading(result), id="compare-heading")
            yield Static(self._summary(result), id="compare-summary")
            yield Static("Gewicht per factor", classes="section-title")
            table: DataTable[Text] = DataTable(id="compare-factors", show_cursor=False)
            table.can_focus = False  # The page scrolls as one; the table needs no cursor.
            table.add_columns("Factor", "Nulmeting", "Vervolg", "Verandering")
            for change in result.factors:
                table.add_row(
                    Text(change.title),
                    Text(weight_text(change.before), justify="center"),
                    Text(weight_text(change.after), justify="center"),
                    Text(
                        CHANGE_WORDS.get(change.change, "? onbekend"),
                        # Only bold: colours come from the theme (the high-contrast one too).
                        style="bold" if change.change in (UP, DOWN) else "",
                    ),
                )
            yield table
            yield Static("Prioriteiten", classes="section-title")
            yield Static(self._priorities(result), id="compare-priorities")
            yield Static("Acties uit de nulmeting", classes="section-title")
            yield Static(self._actions(result), id="compare-actions")
            if result.goal is not None or result.conclusion or result.process_notes:
                yield Static("Doel en conclusie", classes="section-title")
                yield Static(self._goal(result), id="compare-goal")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the page, so the arrow keys scroll to priorities and actions too."""
        self.query_one("#compare-body").focus()

    def _heading(self, result: Comparison) -> Text:
        text = Text()
        for label, header, ref in (
            ("Nulmeting", result.base, self.base.id),
            ("Vervolg", result.followup, self.followup.id),
        ):
            line = header_line(label, header, ref)
            text.append(f"{label}: ", style="bold")
            text.append(line.removeprefix(f"{label}: ") + "\n")
        if not result.linked:
            text.append(
                f"Let op: ‘{self.followup.id}’ is niet vastgelegd als vervolg op ‘{self.base.id}’.",
                style="italic",
            )
        else:
            text.append("↑ weegt zwaarder · ↓ weegt lichter · = gelijk", style="italic")
        return text

    @staticmethod
    def _summary(result: Comparison) -> Text:
        text = Text()
        text.append("Meest verbeterd: ", style="bold")
        text.append(_listing(result.most_improved) + "\n")
        text.append("Grootste zorgen: ", style="bold")
        text.append(_listing(result.main_concerns))
        return text

    @staticmethod
    def _goal(result: Comparison) -> Text:
        text = Text()
        goal = result.goal
        if goal is not None:
            text.append("Doel: ", style="bold")
            text.append(f"{goal.indicator or '–'}\n")
            text.append(f"  nulmeting {goal.baseline or '–'} · streef {goal.target or '–'} · ")
            text.append(f"gemeten {goal.measured or 'nog niet'}\n")
        if result.process_notes:
            text.append("Proces: ", style="bold")
            text.append(result.process_notes + "\n")
        text.append("Conclusie: ", style="bold")
        text.append(result.conclusion or "–")
        return text

    @staticmethod
    def _priorities(result: Comparison) -> Text:
        text = Text()
        for label, items in (
            ("Gebleven", result.priorities_kept),
            ("Nieuw", result.priorities_added),
            ("Vervallen", result.priorities_dropped),
        ):
            text.append(f"{label}: ", style="bold")
            text.append(_listing(items) + "\n")
        text.rstrip()
        return text

    @staticmethod
    def _actions(result: Comparison) -> Text:
        text = Text()
        if not result.actions:
            text.append("Geen acties in de nulmeting.\n")
        for action in result.actions:
            status = EVALUATION_LABELS.get(action.status, "niet geëvalueerd")
            text.append(f"• {action.title} ", style="bold")
            text.append(f"({action.factor}): {status}")
            if action.effect:
                text.append(f" — {action.effect}")
            text.append(f"\n  indicator: {action.indicator or '–'}")
            text.append(f" · gemeten: {measured_text(action) or '–'}")
            if action.decision:
                text.append(f" · besluit: {action.decision}")
            text.append("\n")
        if result.new_actions:
            text.append("Nieuw in het vervolg: ", style="bold")
            text.append(_listing(result.new_actions))
        text.rstrip()
        return text
