"""Compare a baseline with its follow-up: did the weights move, did the actions work?

Pure functions over a bank and two sessions; :mod:`vbwizard.compare_render`
renders the :class:`Comparison` as text, Markdown, JSON, HTML or Word, and the
TUI shows it on the compare screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vbwizard.bank.models import Bank
from vbwizard.labels import (
    CONCLUSION_LABELS,
    DECISION_LABELS,
    STATUS_LABELS,
    factor_title,
)
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import ActionEvaluation, PlannedAction, Session

UP, DOWN, SAME, UNKNOWN = "↑", "↓", "=", "?"
CHANGE_WORDS = {UP: "zwaarder", DOWN: "lichter", SAME: "gelijk", UNKNOWN: "niet te vergelijken"}


@dataclass(frozen=True)
class SessionHeader:
    """Who is compared: a session's title, date and status."""

    id: str
    title: str
    date: str
    status: str
    """``bezig`` or ``afgerond``."""
    in_progress: bool

    @classmethod
    def of(cls, session: Session) -> SessionHeader:
        """The header of ``session``."""
        return cls(
            id=session.id,
            title=session.scope.title or session.id,
            date=(session.scope.date or session.created.date()).isoformat(),
            status=STATUS_LABELS[session.status],
            in_progress=session.status == "in_progress",
        )


@dataclass(frozen=True)
class FactorChange:
    """One factor's weight in both sessions."""

    factor_id: str
    title: str
    before: int | str | None
    after: int | str | None
    change: str
    """``↑`` weighs more now, ``↓`` less, ``=`` the same, ``?`` when either is unknown."""


@dataclass(frozen=True)
class ActionOutcome:
    """A baseline action and how the follow-up evaluated it."""

    action_id: str
    factor: str
    title: str
    status: str
    """``done`` / ``partly`` / ``not`` / ``unknown``, or ``""`` when not evaluated (yet)."""
    effect: str
    in_followup: bool
    indicator: str = ""
    expected_effect: str = ""
    measured: str = ""
    """The indicator's measured value in the follow-up."""
    measured_on: str = ""
    source: str = ""
    independent: str = ""
    """``ja`` / ``nee`` (is the source independent?), or ``""`` when not said."""
    differently: str = ""
    side_effects: str = ""
    decision: str = ""
    """``voortzetten`` / ``aanpassen`` / ``stoppen``, or ``""``."""


@dataclass(frozen=True)
class GoalOutcome:
    """The SMART goal: its baseline and target, and what the follow-up measured."""

    indicator: str
    baseline: str
    target: str
    measured: str
    measured_on: str
    source: str


@dataclass
class Comparison:
    """Everything that changed between two sessions."""

    base_id: str
    followup_id: str
    linked: bool
    """True when the follow-up records the baseline as what it follows up."""
    factors: list[FactorChange]
    priorities_kept: list[str]
    priorities_added: list[str]
    priorities_dropped: list[str]
    actions: list[ActionOutcome]
    new_actions: list[str] = field(default_factory=list)
    """Titles of actions the follow-up added that the baseline did not have."""
    base: SessionHeader | None = None
    followup: SessionHeader | None = None
    goal: GoalOutcome | None = None
    most_improved: list[str] = field(default_factory=list)
    """Factors that weigh less now, the largest drop first: ``"1. … (3 → 1)"``."""
    main_concerns: list[str] = field(default_factory=list)
    """Factors that weigh more now or still weigh 3, the heaviest first."""
    process_notes: str = ""
    conclusion: str = ""
    """``bestendigen`` / ``bijsturen``, or ``""``."""


def change_symbol(before: int | None, after: int | None) -> str:
    """The direction a weight moved: ``↑``, ``↓``, ``=``, or ``?`` when not comparable."""
    if before is None or after is None:
        return UNKNOWN
    if after > before:
        return UP
    return DOWN if after < before else SAME


def _same_action(a: PlannedAction, b: PlannedAction) -> bool:
    # A follow-up copies the baseline's actions; the id is the stable key, and
    # the bank action within the same factor catches a re-created copy.
    if a.id == b.id:
        return True
    return a.bank_action is not None and (a.bank_action, a.factor) == (b.bank_action, b.factor)


def compare_sessions(bank: Bank, base: Session, followup: Session) -> Comparison:
    """Compare ``followup`` with ``base`` factor by factor, priority and action."""
    ids = [f.id for f in bank.factors]
    ids += [fid for s in (base, followup) for fid in s.factors if fid not in ids]
    ids = list(dict.fromkeys(ids))
    factors = []
    for fid in ids:
        before, after = base.factors.get(fid), followup.factors.get(fid)
        factors.append(
            FactorChange(
                factor_id=fid,
                title=factor_title(bank, fid),
                before=before.weight if before else None,
                after=after.weight if after else None,
                change=change_symbol(numeric_weight(before), numeric_weight(after)),
            )
        )
    old, new = base.priority_ids, followup.priority_ids
    outcomes = [
        _outcome(bank, action, followup) for action in base.actions if action.status != "rejected"
    ]
    new_actions = [
        a.title or a.id
        for a in followup.actions
        if a.status != "rejected" and not any(_same_action(b, a) for b in base.actions)
    ]
    evaluation = followup.evaluation
    return Comparison(
        base_id=base.id,
        followup_id=followup.id,
        linked=followup.links.followup_of == base.id,
        factors=factors,
        priorities_kept=[factor_title(bank, f) for f in new if f in old],
        priorities_added=[factor_title(bank, f) for f in new if f not in old],
        priorities_dropped=[factor_title(bank, f) for f in old if f not in new],
        actions=outcomes,
        new_actions=new_actions,
        base=SessionHeader.of(base),
        followup=SessionHeader.of(followup),
        goal=_goal(base, followup),
        most_improved=_most_improved(factors),
        main_concerns=_main_concerns(factors),
        process_notes=(evaluation.process_notes or "") if evaluation else "",
        conclusion=CONCLUSION_LABELS.get(evaluation.conclusion or "", "") if evaluation else "",
    )


def evaluation_of(action: PlannedAction, followup: Session) -> ActionEvaluation | None:
    """How ``followup`` evaluated a baseline ``action``, wherever it was recorded.

    The Evaluatie step records it in ``followup.evaluation.actions``; files
    written by hand (or by older tools) put it on a copy of the action in the
    follow-up's plan, or on the baseline's action itself.
    """
    if followup.evaluation is not None:
        for entry in followup.evaluation.actions:
            if entry.action == action.id and entry.evaluated:
                return entry
    match = next((a for a in followup.actions if _same_action(action, a)), None)
    return (match.evaluation if match else None) or action.evaluation


def _outcome(bank: Bank, action: PlannedAction, followup: Session) -> ActionOutcome:
    match = next((a for a in followup.actions if _same_action(action, a)), None)
    ev = evaluation_of(action, followup) or ActionEvaluation()
    independent = "" if ev.independent is None else ("ja" if ev.independent else "nee")
    return ActionOutcome(
        action_id=action.id,
        factor=factor_title(bank, action.factor),
        title=action.title,
        status=ev.done or "",
        effect=ev.effect or "",
        in_followup=match is not None,
        indicator=action.indicator or "",
        expected_effect=action.expected_effect or "",
        measured=ev.measured or "",
        measured_on=ev.measured_on.isoformat() if ev.measured_on else "",
        source=ev.source or "",
        independent=independent,
        differently=ev.differently or "",
        side_effects=ev.side_effects or "",
        decision=DECISION_LABELS.get(ev.decision or "", ""),
    )


def _goal(base: Session, followup: Session) -> GoalOutcome | None:
    smart = base.goal.smart
    measured = followup.evaluation.goal if followup.evaluation else None
    if smart is None and measured is None:
        return None

    def planned(key: str) -> str:
        # The baseline's own goal first; the copy in the follow-up when the baseline lacks it.
        for source in (smart, measured):
            value = getattr(source, key, None) if source is not None else None
            if value:
                return str(value)
        return ""

    return GoalOutcome(
        indicator=planned("indicator"),
        baseline=planned("baseline"),
        target=planned("target"),
        measured=(measured.measured or "") if measured else "",
        measured_on=measured.measured_on.isoformat() if measured and measured.measured_on else "",
        source=(measured.source or "") if measured else "",
    )


def weight_text(value: int | str | None) -> str:
    """A stored weight as people read it: ``2``, ``onbekend`` or ``–``."""
    if value is None:
        return "–"
    return "onbekend" if value == "unknown" else str(value)


def _moved(change: FactorChange) -> str:
    return f"{change.title} ({weight_text(change.before)} → {weight_text(change.after)})"


def _most_improved(factors: list[FactorChange]) -> list[str]:
    down = [f for f in factors if f.change == DOWN]
    down.sort(key=lambda f: int(f.after or 0) - int(f.before or 0))  # largest drop first
    return [_moved(f) for f in down]


def _main_concerns(factors: list[FactorChange]) -> list[str]:
    worse = [f for f in factors if f.change == UP or (f.after == 3 and f.change != DOWN)]
    worse.sort(key=lambda f: (-int(f.after or 0), int(f.before or 0) - int(f.after or 0)))
    return [_moved(f) for f in worse]
