"""The wizard's steps: one name per step, and the method phase each belongs to.

Every screen title, the step bar and the command palette take a step's name
from here, so a step is never called two things. No Textual here.
"""

from __future__ import annotations

from vbwizard.session.models import FOLLOWUP_STEPS, Step

STEP_NAMES: dict[Step, str] = {
    "scope": "Afbakening en context",
    "sources": "Bronnen",
    "problem": "Probleembeeld",
    "factors": "Tafel van 12",
    "priorities": "Prioriteiten",
    "goal": "Doel",
    "actions": "Acties",
    "summary": "Samenvatting",
    "evaluation": "Evaluatie",
}

PHASES: tuple[str, ...] = ("informatie", "analyse", "actie", "evaluatie")
"""The IAA cycle plus evaluation, by the ids the bank's manifest uses for its steps."""

STEP_PHASE: dict[Step, str] = {
    "scope": "informatie",
    "sources": "informatie",
    "problem": "analyse",
    "factors": "analyse",
    "priorities": "analyse",
    "goal": "actie",
    "actions": "actie",
    "summary": "actie",
    "evaluation": "evaluatie",
}
"""A first session has no Evaluatie step: a follow-up session has it as step 9."""


def step_number(step: Step) -> int:
    """The step's number, 1 to 8 (9: the Evaluatie step of a follow-up)."""
    return FOLLOWUP_STEPS.index(step) + 1


def step_heading(step: Step) -> str:
    """The title a step's screen shows: ``"Stap 4 · Tafel van 12"``."""
    return f"Stap {step_number(step)} · {STEP_NAMES[step]}"
