"""Participants of a group session: stable ids, renaming, and quick weight entry (``2 3 1 2``).

Weights and notes refer to a participant's id (``p1``, ``p2``…), never to the
name, so a participant can be renamed ("Bert" → "Bert (bewoner)") after
weights were entered without splitting the data.
"""

from __future__ import annotations

import re
from typing import TypeVar

from vbwizard.session.models import Participant, Session

V = TypeVar("V")

NO_WEIGHT = "-"
"""In quick entry: this participant gave no weight for the factor."""


def names_by_id(session: Session) -> dict[str, str]:
    """Each participant's shown name, by id."""
    return {p.id: p.name for p in session.scope.participants}


def named(values: dict[str, V], session: Session) -> dict[str, V]:
    """Per-participant values keyed by shown name instead of id (for display)."""
    names = names_by_id(session)
    return {names.get(pid, pid): value for pid, value in values.items()}


def ids_in_use(session: Session) -> set[str]:
    """Participants that gave a weight or a note somewhere in the session."""
    used: set[str] = set()
    for answer in session.factors.values():
        used.update(answer.participant_weights)
        used.update(answer.participant_notes)
    return used


def _next_id(taken: set[str]) -> str:
    number = 1
    while f"p{number}" in taken:
        number += 1
    return f"p{number}"


def rename_participants(
    current: list[Participant], names: list[str], in_use: set[str]
) -> list[Participant]:
    """The participant list after the user edited the names (in order).

    A name kept as it was keeps its id, wherever it moved; an edited name at
    the same place as a name that is gone keeps that name's id (a rename); any
    other name is new and gets a new id.

    Raises:
        ValueError: with a Dutch message when a participant who already gave
            weights would disappear (the weights would lose their owner).
    """
    remaining = list(current)
    kept: dict[int, Participant] = {}
    for index, name in enumerate(names):  # unchanged names first, wherever they moved
        match = next((p for p in remaining if p.name == name), None)
        if match is not None:
            kept[index] = match
            remaining.remove(match)
    result: list[Participant] = []
    taken = {p.id for p in current}
    for index, name in enumerate(names):
        before = current[index] if index < len(current) else None
        if index in kept:
            result.append(kept[index])
        elif before is not None and before in remaining:  # edited in place: a rename
            remaining.remove(before)
            result.append(Participant(id=before.id, name=name))
        else:
            new_id = _next_id(taken)
            taken.add(new_id)
            result.append(Participant(id=new_id, name=name))
    lost = [p.name for p in remaining if p.id in in_use]
    if lost:
        raise ValueError(
            f"{', '.join(lost)} gaf al gewichten; haal die eerst weg bij de factoren "
            "voordat je deze deelnemer verwijdert"
        )
    return result


def parse_weights(text: str, participants: list[Participant]) -> dict[str, int]:
    """Parse ``"2 3 1 2"`` (spaces or commas) into weights per participant id, in order.

    Raises:
        ValueError: with a Dutch message when a value is not 0–3, or when there
            are more weights than participants (no participant is made up).
    """
    tokens = [t for t in re.split(r"[\s,;]+", text.strip()) if t]
    values: list[int | None] = []
    for token in tokens:
        if token == NO_WEIGHT:
            values.append(None)
        elif token in {"0", "1", "2", "3"}:
            values.append(int(token))
        else:
            raise ValueError(
                f"‘{token}’ is geen gewicht; gebruik 0, 1, 2 of 3 per deelnemer "
                f"(of {NO_WEIGHT} voor iemand zonder gewicht)"
            )
    if len(values) > len(participants):
        if not participants:
            raise ValueError(
                "er zijn nog geen deelnemers; zet ze eerst bij stap 1 (namen, rollen of "
                "schuilnamen)"
            )
        raise ValueError(
            f"{len(values)} gewichten voor {len(participants)} deelnemers; voeg deelnemers "
            "toe bij stap 1 of haal een gewicht weg"
        )
    return {
        p.id: value for p, value in zip(participants, values, strict=False) if value is not None
    }


def format_weights(weights: dict[str, int], participants: list[Participant]) -> str:
    """The quick-entry text for stored weights, in the participants' order.

    A participant without a weight before one with a weight shows as ``-``, so
    editing the text never shifts a weight to the next participant.
    """
    tokens = [str(weights[p.id]) if p.id in weights else NO_WEIGHT for p in participants]
    while tokens and tokens[-1] == NO_WEIGHT:
        tokens.pop()
    return " ".join(tokens)


def spread_text(weights: dict[str, int], session: Session) -> str:
    """A Dutch line about the spread, flagging disagreement."""
    from vbwizard.spread import DISAGREEMENT_TEXT, weight_stats

    stats = weight_stats(weights.values())
    if stats is None:
        return ""
    who = ", ".join(f"{name}: {value}" for name, value in named(weights, session).items())
    text = f"Spreiding {stats.range_text} ({who})."
    if stats.disputed:
        text += (
            f" {DISAGREEMENT_TEXT.capitalize()}: bespreek dit voordat je het groepsgewicht kiest."
        )
    return text
