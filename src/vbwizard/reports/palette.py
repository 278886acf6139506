"""How a weight looks in every format: colour, and a mark that survives greyscale.

Colour alone fails in a black-and-white print and for colour-blind readers,
so every weight also has a short text mark (the digit, ``?`` or ``–``) and a
border style; renderers show all three.
"""

from __future__ import annotations

from vbwizard.labels import STATE_LABELS

# (fill, text colour) per weight; dark text on light fills, white on the darkest,
# chosen so each pair keeps a contrast ratio of at least 4.5:1.
COLOURS: dict[object, tuple[str, str]] = {
    0: ("#e8efe9", "#1d2b22"),
    1: ("#fbe7a1", "#2b2410"),
    2: ("#f3a95c", "#2b1a08"),
    3: ("#b8322a", "#ffffff"),
    "unknown": ("#dfe6f3", "#17223b"),
    None: ("#ffffff", "#333333"),
}

MARKS: dict[object, str] = {0: "0", 1: "1", 2: "2", 3: "3", "unknown": "?", None: "–"}
"""The weight as one character, printed in a badge on every heat-map cell."""

BORDERS: dict[object, str] = {
    0: "thin",
    1: "medium",
    2: "thick",
    3: "heavy",
    "unknown": "dashed",
    None: "dotted",
}
"""A border style per weight: grows with the weight; dashed/dotted when there is none."""

WEIGHT_SQUARES: dict[object, str] = {0: "⬜", 1: "🟨", 2: "🟧", 3: "🟥", "unknown": "❔"}
"""A coloured square per weight for Markdown (GitHub, GitLab and Teams show them)."""

LEGEND: tuple[tuple[object, str], ...] = (
    (0, "0 niet relevant"),
    (1, "1 kleine rol"),
    (2, "2 duidelijke rol"),
    (3, "3 belangrijke oorzaak"),
    ("unknown", "? onbekend"),
    (None, f"– {STATE_LABELS['no_weight'].short}"),
)
"""The heat map's legend, in every format that draws one."""


def colours(weight: object) -> tuple[str, str]:
    """(fill, ink) for a weight; unknown values look like "no weight"."""
    return COLOURS.get(weight, COLOURS[None])


def mark(weight: object) -> str:
    """The one-character mark of a weight."""
    return MARKS.get(weight, MARKS[None])
