"""What is still open in a session: the list the summary step and every report show."""

from __future__ import annotations

from vbwizard.bank.models import Bank
from vbwizard.followup import unevaluated
from vbwizard.labels import SOURCE_STATUS_LABELS, factor_title
from vbwizard.planning import action_gaps
from vbwizard.scoring import MAX_PRIORITIES, MIN_PRIORITIES, priority_count_ok
from vbwizard.session.models import FactorAnswer, Session

_NONE = FactorAnswer()


def open_points(bank: Bank, session: Session) -> list[str]:
    """What is still open: unseen factors, missing sources, undecided or loose actions.

    Evaluation needs an expected effect and an indicator per action; a follow-up
    lists the baseline actions it has not evaluated yet.

    The TUI's summary step shows the same list, so it lives here rather than in
    a renderer.
    """
    points = []
    unvisited = [f for f in bank.factors if not (session.factors.get(f.id) or _NONE).visited]
    if unvisited:
        names = ", ".join(f.numbered_title for f in unvisited)
        points.append(f"Nog niet besproken factoren: {names}.")
    unknown = [f for f in bank.factors if (session.factors.get(f.id) or _NONE).weight == "unknown"]
    for factor in unknown:
        points.append(f"Gewicht onbekend, informatie nodig: {factor.numbered_title}.")
    for source in session.sources:
        if source.status in ("missing", "planned"):
            state = SOURCE_STATUS_LABELS[source.status]
            points.append(f"Bron {state}: {source.name or '(zonder naam)'}.")
    count = len(session.priorities)
    if not priority_count_ok(count):
        text = f"{count} prioriteiten gekozen; de methode vraagt er {MIN_PRIORITIES} tot "
        text += f"{MAX_PRIORITIES}."
        if session.priority_override:
            text += f" Reden: {session.priority_override}"
        points.append(text)
    for action in session.actions:
        if action.status == "proposed":  # Not part of the plan until the group decides.
            name = factor_title(bank, action.factor)
            points.append(f"Voorstel nog niet besloten: ‘{action.title or action.id}’ ({name}).")
            continue
        missing = action_gaps(action)
        if missing:
            points.append(f"Actie ‘{action.title or action.id}’ mist: {', '.join(missing)}.")
    if not session.goal.text:
        points.append("Nog geen doel vastgelegd.")
    waiting = unevaluated(session)
    if waiting:
        titles = ", ".join(f"‘{entry.title or entry.action}’" for entry in waiting)
        points.append(f"Nog niet geëvalueerd uit de nulmeting: {titles}.")
    return points
