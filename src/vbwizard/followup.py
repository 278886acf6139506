"""Follow-up sessions: a new analysis of the same scope, linked to its baseline.

A year after the baseline (*nulmeting*) the group weighs the twelve factors
again. The follow-up copies the scope and mode, records which session it
follows up, and starts with empty weights so the group judges afresh; the
baseline's weights are shown beside the new ones in the wizard.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vbwizard.bank.models import Bank
from vbwizard.problems import ProblemsError
from vbwizard.session.create import new_session
from vbwizard.session.models import Progress, Session
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
    return session


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
