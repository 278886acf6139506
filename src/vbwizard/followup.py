"""Follow-up sessions: a new analysis of the same scope, linked to its baseline.

A year after the baseline (*nulmeting*) the group weighs the twelve factors
again. The follow-up copies the scope and mode, records which session it
follows up, and starts with empty weights so the group judges afresh; the
baseline's weights are shown beside the new ones in the wizard.

The follow-up also gets step 9, Evaluatie: every action of the baseline's plan
and its SMART goal are copied into ``evaluation`` so that the group can record
how each turned out, even when the baseline file is later gone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vbwizard.bank.models import Bank
from vbwizard.problems import ProblemsError
from vbwizard.session.create import new_session
from vbwizard.session.models import (
    FOLLOWUP_STEPS,
    STEPS,
    EvaluatedAction,
    Evaluation,
    GoalMeasurement,
    Progress,
    Session,
    Step,
)
from vbwizard.session.naming import is_valid_id, session_file
from vbwizard.session.storage import read_session

FOLLOWUP_SUFFIX = " — vervolg"


def followup_title(title: str) -> str:
    """The follow-up's title: the baseline's with one ``— vervolg`` (never two)."""
    base = title.strip() or "Sessie"
    return base if base.endswith(FOLLOWUP_SUFFIX) else base + FOLLOWUP_SUFFIX


def make_followup(bank: Bank, base: Session, *, now: dt.datetime | None = None) -> Session:
    """A new, in-progress session that follows up ``base``.

    Scope and mode are copied (the date becomes today); answers, priorities,
    goal and actions are not: the follow-up is a fresh judgement, compared with
    the baseline afterwards.
    """
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    session = new_session(bank, title=followup_title(base.scope.title), mode=base.mode, now=now)
    scope = base.scope.model_copy(deep=True)
    scope.title = session.scope.title
    scope.date = now.date()
    session.scope = scope
    session.links.followup_of = base.id
    session.progress = Progress(step="factors")
    sync_evaluation(session, base)
    return session


def steps_for(session: Session) -> tuple[Step, ...]:
    """The steps a session walks through: a follow-up has the Evaluatie step too."""
    return FOLLOWUP_STEPS if session.links.followup_of else STEPS


def sync_evaluation(followup: Session, base: Session) -> bool:
    """Copy the baseline's plan into the follow-up's evaluation where it is missing.

    Actions already in the evaluation keep what was recorded; the baseline's
    rejected actions are left out (they were never carried out). A follow-up
    made before this step existed gets its list the first time it is opened.

    Returns:
        True when anything was added.
    """
    evaluation = followup.evaluation or Evaluation()
    known = {entry.action for entry in evaluation.actions}
    added = False
    for action in base.actions:
        if action.status == "rejected" or action.id in known:
            continue
        evaluation.actions.append(
            EvaluatedAction(
                action=action.id,
                factor=action.factor,
                title=action.title,
                indicator=action.indicator,
                expected_effect=action.expected_effect,
            )
        )
        added = True
    smart = base.goal.smart
    if evaluation.goal is None and smart is not None and (smart.indicator or smart.target):
        evaluation.goal = GoalMeasurement(
            indicator=smart.indicator, baseline=smart.baseline, target=smart.target
        )
        added = True
    if added:
        followup.evaluation = evaluation
    return added


def unevaluated(session: Session) -> list[EvaluatedAction]:
    """The baseline actions a follow-up has not evaluated yet."""
    if session.evaluation is None:
        return []
    return [entry for entry in session.evaluation.actions if not entry.evaluated]


def load_baseline(sessions_dir: Path, baseline_id: str) -> Session | None:
    """Read the baseline a follow-up names; ``None`` when it is gone or unreadable.

    Only ``<id>.toml`` inside ``sessions_dir`` is looked at: the id comes from
    a file that may have been edited by hand, so it must not lead elsewhere.
    """
    if not is_valid_id(baseline_id):
        return None
    try:
        return read_session(session_file(sessions_dir, baseline_id))[0]
    except (ProblemsError, OSError):
        return None
