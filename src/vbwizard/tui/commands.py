"""Command palette entries: "Ga naar factor N" and the wizard's steps."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

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
        for step, name in STEP_NAMES.items():
            commands.append((f"Ga naar stap {step_number(step)}: {name}", "Wizardstap", step, None))
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
