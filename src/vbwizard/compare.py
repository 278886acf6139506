"""Compare a baseline with its follow-up: did the weights move, did the actions work?

Pure functions over a bank and two sessions; the CLI and the TUI render the
:class:`Comparison` as text, Markdown or JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from vbwizard.bank.models import Bank
from vbwizard.reports.labels import EVALUATION_LABELS, factor_title
from vbwizard.scoring import numeric_weight
from vbwizard.session.models import PlannedAction, Session

UP, DOWN, SAME, UNKNOWN = "↑", "↓", "=", "?"
_CHANGE_WORDS = {UP: "zwaarder", DOWN: "lichter", SAME: "gelijk", UNKNOWN: "niet te vergelijken"}


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
    """``done`` / ``partly`` / ``not``, or ``""`` when not evaluated (yet)."""
    effect: str
    in_followup: bool


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
    outcomes = []
    for action in base.actions:
        if action.status == "rejected":
            continue
        match = next((a for a in followup.actions if _same_action(action, a)), None)
        evaluation = (match.evaluation if match else None) or action.evaluation
        outcomes.append(
            ActionOutcome(
                action_id=action.id,
                factor=factor_title(bank, action.factor),
                title=action.title,
                status=(evaluation.done or "") if evaluation else "",
                effect=(evaluation.effect or "") if evaluation else "",
                in_followup=match is not None,
            )
        )
    new_actions = [
        a.title or a.id
        for a in followup.actions
        if a.status != "rejected" and not any(_same_action(b, a) for b in base.actions)
    ]
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
    )


def _weight(value: int | str | None) -> str:
    if value is None:
        return "–"
    return "onbekend" if value == "unknown" else str(value)


def _status(outcome: ActionOutcome) -> str:
    text = EVALUATION_LABELS.get(outcome.status, "niet geëvalueerd")
    return f"{text}: {outcome.effect}" if outcome.effect else text


def comparison_text(c: Comparison) -> str:
    """Render a comparison as plain Dutch text for the terminal."""
    lines = [f"Vergelijking {c.base_id} (nulmeting) → {c.followup_id} (vervolg)"]
    if not c.linked:
        lines.append(f"Let op: {c.followup_id} is niet vastgelegd als vervolg op {c.base_id}.")
    lines += ["", "Gewicht per factor (voor → na)"]
    width = max((len(f.title) for f in c.factors), default=0)
    for f in c.factors:
        lines.append(
            f"  {f.change} {f.title.ljust(width)}  {_weight(f.before)} → {_weight(f.after)}"
        )
    lines.append("  (↑ weegt zwaarder · ↓ weegt lichter · = gelijk · ? niet te vergelijken)")
    lines += ["", "Prioriteiten"]
    for label, items in (
        ("gebleven", c.priorities_kept),
        ("nieuw", c.priorities_added),
        ("vervallen", c.priorities_dropped),
    ):
        lines.append(f"  {label}: {', '.join(items) if items else '–'}")
    lines += ["", "Acties uit de nulmeting"]
    if not c.actions:
        lines.append("  geen")
    for a in c.actions:
        lines.append(f"  - {a.title} ({a.factor}): {_status(a)}")
    if c.new_actions:
        lines += ["", "Nieuwe acties in het vervolg"] + [f"  - {t}" for t in c.new_actions]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def comparison_markdown(c: Comparison) -> str:
    """Render a comparison as Markdown (tables for factors and actions)."""
    out = [f"# Vergelijking {c.base_id} → {c.followup_id}", ""]
    if not c.linked:
        out += [f"> Let op: {c.followup_id} is niet vastgelegd als vervolg op {c.base_id}.", ""]
    out += ["## Gewicht per factor", "", "| Factor | Nulmeting | Vervolg | Verandering |"]
    out.append("|---|---|---|---|")
    for f in c.factors:
        word = _CHANGE_WORDS[f.change]
        out.append(
            f"| {_md(f.title)} | {_weight(f.before)} | {_weight(f.after)} | {f.change} {word} |"
        )
    out += ["", "## Prioriteiten", ""]
    for label, items in (
        ("Gebleven", c.priorities_kept),
        ("Nieuw", c.priorities_added),
        ("Vervallen", c.priorities_dropped),
    ):
        out.append(f"- **{label}:** {', '.join(items) if items else '–'}")
    out += ["", "## Acties uit de nulmeting", ""]
    if c.actions:
        out += ["| Actie | Factor | Evaluatie |", "|---|---|---|"]
        out += [f"| {_md(a.title)} | {_md(a.factor)} | {_md(_status(a))} |" for a in c.actions]
    else:
        out.append("Geen acties in de nulmeting.")
    if c.new_actions:
        out += ["", "## Nieuwe acties in het vervolg", ""] + [f"- {t}" for t in c.new_actions]
    return "\n".join(out) + "\n"


def comparison_json(c: Comparison) -> str:
    """Render a comparison as JSON (for scripts), keeping every field."""
    return json.dumps(asdict(c), ensure_ascii=False, indent=2)
