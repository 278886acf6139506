"""Quick entry of each participant's weight in a group session (e.g. ``2 3 1 2``)."""

from __future__ import annotations

import re

DISAGREEMENT = 2
"""Participants disagree when their weights differ by this much or more."""


def participant_names(participants: list[str], count: int) -> list[str]:
    """Names for ``count`` weights: the session's participants, then P5, P6 and so on."""
    names = list(participants[:count])
    while len(names) < count:
        names.append(f"P{len(names) + 1}")
    return names


def parse_weights(text: str, participants: list[str]) -> dict[str, int]:
    """Parse ``"2 3 1 2"`` (spaces or commas) into weights per participant, in order.

    Raises:
        ValueError: with a Dutch message when a value is not 0–3.
    """
    tokens = [t for t in re.split(r"[\s,;]+", text.strip()) if t]
    values = []
    for token in tokens:
        if token not in {"0", "1", "2", "3"}:
            raise ValueError(f"‘{token}’ is geen gewicht; gebruik 0, 1, 2 of 3 per deelnemer")
        values.append(int(token))
    return dict(zip(participant_names(participants, len(values)), values, strict=True))


def format_weights(weights: dict[str, int]) -> str:
    """The quick-entry text for stored weights."""
    return " ".join(str(v) for v in weights.values())


def spread_text(weights: dict[str, int]) -> str:
    """A Dutch line about the spread, flagging disagreement."""
    if not weights:
        return ""
    low, high = min(weights.values()), max(weights.values())
    who = ", ".join(f"{name}: {value}" for name, value in weights.items())
    text = f"Spreiding {low}–{high} ({who})."
    if high - low >= DISAGREEMENT:
        text += " Verschil van mening: bespreek dit voordat je het groepsgewicht kiest."
    return text
