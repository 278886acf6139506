"""A plain-text summary of a session, for ``vbwizard show``."""

from __future__ import annotations

from vbwizard.bank.models import Bank
from vbwizard.scoring import factor_state
from vbwizard.session.models import Session

MODE_LABELS = {"group": "groepssessie", "self": "zelfanalyse"}
STATUS_LABELS = {"in_progress": "bezig", "completed": "afgerond"}


def _weight_text(bank: Bank, session: Session, factor_id: str) -> str:
    answer = session.factors.get(factor_id)
    state = factor_state(answer)
    if state == "unvisited":
        return "niet bekeken"
    if state == "no_weight" or answer is None or answer.weight is None:
        return "geen gewicht"
    text = bank.label("weight", answer.weight)
    if answer.spread is not None:
        values = sorted(answer.participant_weights.values())
        text += f" (deelnemers {min(values)}–{max(values)}"
        text += ", verschil van mening)" if answer.disputed else ")"
    return text


def session_summary(bank: Bank, session: Session) -> str:
    """Render the essentials of a session as readable Dutch text."""
    scope = session.scope
    lines = [
        f"{scope.title or '(zonder titel)'} — {scope.area or '(geen gebied)'}",
        f"Sessie {session.id} · {MODE_LABELS[session.mode]} · {STATUS_LABELS[session.status]}"
        + (f" · {scope.date.isoformat()}" if scope.date else ""),
    ]
    if scope.facilitator:
        lines.append(f"Facilitator: {scope.facilitator}")
    if scope.participants:
        lines.append(f"Deelnemers: {', '.join(p.name for p in scope.participants)}")
    if session.bank.id != bank.id:
        lines.append(f"Let op: gemaakt met vragenbank {session.bank.id} {session.bank.version}")
    lines.append("")
    lines.append("Tafel van 12")
    for cluster in bank.manifest.clusters:
        lines.append(f"  {cluster.title}")
        for factor in bank.factors_in(cluster.id):
            lines.append(
                f"    {factor.number:>2}. {factor.title}: {_weight_text(bank, session, factor.id)}"
            )
    lines.append("")
    if session.priorities:
        lines.append("Prioriteiten (in volgorde van aanpak)")
        for index, priority in enumerate(session.priorities, start=1):
            title = _factor_title(bank, priority.factor)
            reason = f": {priority.reason}" if priority.reason else ""
            lines.append(f"  {index}. {title}{reason}")
    else:
        lines.append("Nog geen prioriteiten gekozen.")
    if session.goal.text:
        lines += ["", f"Doel: {session.goal.text}"]
    if session.actions:
        lines += ["", "Acties"]
        for action in session.actions:
            if action.status == "rejected":
                continue
            when = ""
            if action.start or action.end:
                start = action.start.isoformat() if action.start else "?"
                end = action.end.isoformat() if action.end else "?"
                when = f" [{start} – {end}]"
            owner = f" — {action.owner}" if action.owner else ""
            lines.append(f"  - {action.title}{owner}{when}")
    return "\n".join(lines)


def _factor_title(bank: Bank, factor_id: str) -> str:
    try:
        return bank.factor(factor_id).title
    except KeyError:
        return factor_id
