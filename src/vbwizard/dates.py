"""Parse the dates people type: ISO (2026-03-01) and Dutch (1-3-2026, 01/03/2026)."""

from __future__ import annotations

import datetime as dt
import re

_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """Return the date in ``text``, ``None`` for blank text.

    Raises:
        ValueError: with a Dutch message when the text is not a valid date.
    """
    text = text.strip()
    if not text:
        return None
    match = _DUTCH.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"‘{text}’ is geen geldige datum; gebruik bijvoorbeeld 1-3-2026 of 2026-03-01")


def format_date(value: dt.date | None) -> str:
    """Show a date the Dutch way (1-3-2026); blank for ``None``."""
    return f"{value.day}-{value.month}-{value.year}" if value else ""
