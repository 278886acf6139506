"""The wizard's screens, one per step."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from vbwizard.session.models import Step


def screen_for(step: Step, factor: str | None = None) -> Screen[None]:
    """Build the screen of a step (imports lazily to keep start-up light)."""
    if step == "scope":
        from vbwizard.tui.screens.scope import ScopeScreen

        return ScopeScreen()
    if step == "sources":
        from vbwizard.tui.screens.sources import SourcesScreen

        return SourcesScreen()
    if step == "problem":
        from vbwizard.tui.screens.problem import ProblemScreen

        return ProblemScreen()
    if step == "factors":
        if factor is not None:
            from vbwizard.tui.screens.factor import FactorScreen

            return FactorScreen(factor)
        from vbwizard.tui.screens.grid import GridScreen

        return GridScreen()
    if step == "priorities":
        from vbwizard.tui.screens.priorities import PrioritiesScreen

        return PrioritiesScreen()
    if step == "goal":
        from vbwizard.tui.screens.goal import GoalScreen

        return GoalScreen()
    if step == "evaluation":
        from vbwizard.tui.screens.evaluation import EvaluationScreen

        return EvaluationScreen()
    if step == "actions":
        from vbwizard.tui.screens.actions import ActionsScreen

        return ActionsScreen()
    from vbwizard.tui.screens.summary import SummaryScreen

    return SummaryScreen()
