"""Text from a user's file made safe for one terminal line.

Its own module, without imports beyond ``re``: the command line and the start of
the wizard use it before anything else is loaded.
"""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), lone surrogates and bidi overrides/isolates
# (which make a terminal show the rest of a line reversed): escaped, never raw.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, limit: int | None = None) -> str:
    """Make text from a user's file safe to print on one terminal line.

    A file may hold newlines, escape sequences (which a terminal would obey)
    or megabytes in a key; a message about it must stay one short, inert line.

    Args:
        text: the text to show.
        limit: cut to about this many characters, marking the cut with ``…``.
    """
    cleaned = _UNPRINTABLE.sub(_escape, text)
    if limit is not None and len(cleaned) > limit:
        cleaned = cleaned[: limit - 1] + "…"
    return cleaned


def printable_lines(text: str) -> str:
    """Like :func:`printable` for multi-line output: keeps the line breaks only."""
    return "\n".join(printable(line) for line in text.split("\n"))


__all__ = ["printable", "printable_lines"]


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters a text may not keep: C0 but tab and line breaks, DEL, C1."""


def control_written_out(text: str) -> str:
    r"""``text`` with its control characters written out as ``\x1b``; tab and line breaks stay.

    For text that may span lines (a note, a title) and is kept or shown as a whole:
    an escape sequence would otherwise be obeyed by the terminal that shows it.
    """
    return CONTROL.sub(_escape, text) if CONTROL.search(text) else text
