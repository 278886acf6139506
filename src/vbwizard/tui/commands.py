"""The command palette in Dutch, with "Ga naar factor N" and the wizard's steps."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from vbwizard.followup import steps_for
from vbwizard.session.models import Step
from vbwizard.steps import STEP_NAMES, step_number

if TYPE_CHECKING:
    from vbwizard.tui.app import VbWizardApp


class FactorCommands(Provider):
    """Jump to any factor page or step of the open session."""

    def _commands(self) -> list[tuple[str, str, Step, str | None]]:
        app = cast("VbWizardApp", self.app)
        if app.session is None:
            return []
        commands: list[tuple[str, str, Step, str | None]] = []
        for factor in app.bank.factors:
            commands.append(
                (
                    f"Ga naar factor {factor.number}: {factor.title}",
                    factor.main_question,
                    "factors",
                    factor.id,
                )
            )
        for step in steps_for(app.session):
            title = f"Ga naar stap {step_number(step)}: {STEP_NAMES[step]}"
            commands.append((title, "Wizardstap", step, None))
        return commands

    async def discover(self) -> Hits:
        """Offer the factor pages when the palette opens."""
        app = cast("VbWizardApp", self.app)
        for text, help_text, step, factor in self._commands():
            yield DiscoveryHit(text, partial(app.goto, step, factor), help=help_text)

    async def search(self, query: str) -> Hits:
        """Match "factor 9", "ga naar 9", a title or a step."""
        app = cast("VbWizardApp", self.app)
        matcher = self.matcher(query)
        for text, help_text, step, factor in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(app.goto, step, factor), help=help_text
                )


class DutchCommandPalette(CommandPalette):
    """Textual's command palette, with its "no matches" line in Dutch.

    Textual words that line inside a private method; this mirrors it with our text
    (checked by the one-voice test, so a Textual upgrade that changes it shows up).
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("Geen opdracht gevonden", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
