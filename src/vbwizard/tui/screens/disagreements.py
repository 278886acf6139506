"""Step 4, "Waar verschillen we?": the factors where participants disagree, widest first.

It opens first after a merge, and is one key (Ctrl+R) away in any group session:
in a group the conversation should start where people see things differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from vbwizard.disagreement import FactorDisagreement, disagreements
from vbwizard.session.models import Step
from vbwizard.spread import weight_stats
from vbwizard.tui.screens.step import StepScreen, quiet


def disagreement_text(row: FactorDisagreement) -> Text:
    """``≠ 2. Verloedering · spreiding 0–3`` and, below it, who said what."""
    factor = row.factor
    text = Text()
    text.append("≠ " if row.flagged else "  ", style="bold")
    text.append(factor.numbered_short_title, style="bold")
    stats = weight_stats(row.weights.values())
    if stats is not None:
        text.append(f" · spreiding {stats.range_text} ({stats.spread})")
    else:
        text.append(" · geen gewichten")
    # Names are the users' own words: appended as plain text, never markup.
    said = [f"{name}: {weight}" for name, weight in row.weights.items()]
    said += [f"{name}: ?" for name in row.unknown]
    text.append("\n" + " · ".join(said))
    return text


class DisagreementRow(Static, can_focus=True):
    """One factor in the list; Enter (or a click) opens its page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open"),
        Binding("down", "step(1)", "Volgende", show=False),
        Binding("up", "step(-1)", "Vorige", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """Open this factor."""

        factor_id: str

    def __init__(self, row: FactorDisagreement) -> None:
        super().__init__(
            disagreement_text(row),
            classes="disagreement" + (" -flagged" if row.flagged else ""),
            id=f"disagree-{row.factor.id}",
        )
        self.factor_id = row.factor.id

    def on_click(self, event: events.Click) -> None:
        """Open the factor with the mouse."""
        self.post_message(self.Chosen(self.factor_id))

    def action_open(self) -> None:
        """Open the factor."""
        self.post_message(self.Chosen(self.factor_id))

    def action_step(self, offset: int) -> None:
        """Move to the next or previous factor."""
        if offset > 0:
            self.screen.focus_next(DisagreementRow)
        else:
            self.screen.focus_previous(DisagreementRow)


class DisagreementsScreen(StepScreen):
    """The factors by spread of the participants' weights, and who said what."""

    STEP: ClassVar[Step] = "factors"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "grid", "Tafel", show=False),
        Binding("pageup", "grid", "Tafel", show=False, priority=True),
        # Enter on the first row does the same; kept out of the footer.
        Binding("pagedown", "first", "Begin hier", show=False, priority=True),
        *quiet("ctrl+r"),  # this is the list
    ]

    def compose_body(self) -> Iterable[Widget]:
        """Title, explanation and a row per factor."""
        rows = disagreements(self.bank, self.session)
        flagged = sum(r.flagged for r in rows)
        yield Static("Waar verschillen we?", classes="step-title")
        yield Static(
            f"{flagged} factor(en) met verschil van mening (≠: gewichten 2 of meer uit "
            "elkaar, of iemand zei ?). Grootste verschil eerst. Enter: factor openen · "
            "Esc: Tafel van 12.",
            classes="step-intro",
            id="disagreements-intro",
        )
        if not rows:
            yield Static(
                "Nog geen gewichten per deelnemer. Vul ze in op de factorpagina's.",
                classes="hint",
            )
        for row in rows:
            yield DisagreementRow(row)

    def first_field(self) -> Widget | None:
        """The factor with the widest spread."""
        rows = list(self.query(DisagreementRow))
        return rows[0] if rows else None

    @on(DisagreementRow.Chosen)
    def _open(self, event: DisagreementRow.Chosen) -> None:
        self.wizard.goto("factors", event.factor_id)

    def action_first(self) -> None:
        """Begin where people disagree most."""
        first = self.first_field()
        if isinstance(first, DisagreementRow):
            self.wizard.goto("factors", first.factor_id)
        else:
            self.action_grid()
