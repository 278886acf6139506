"""Find the line of a key path in TOML text, so errors can name a line.

``tomllib`` reports positions only for syntax errors. For a validation error
(unknown key, wrong type) we still want ``FILE:LINE``; this scanner records the
line of every table header and ``key =`` line with its resolved path, including
array-of-tables indices. It is deliberately forgiving: for a path it cannot
place exactly it returns the line of the deepest known prefix, or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PathPart = str | int

_HEADER = re.compile(r"^\s*(\[\[?)\s*(?P<keys>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*(?P<keys>(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_SEGMENT = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)""")


def _split_keys(dotted: str) -> list[str]:
    parts: list[str] = []
    for match in _SEGMENT.finditer(dotted):
        if match.group(0).strip() == "":
            continue
        parts.append(next(g for g in match.groups() if g is not None))
    return parts


def key_lines(text: str) -> dict[tuple[PathPart, ...], int]:
    """Map each resolved key path in ``text`` to its 1-based line number."""
    positions: dict[tuple[PathPart, ...], int] = {}
    aot_index: dict[tuple[PathPart, ...], int] = {}
    table: tuple[PathPart, ...] = ()
    in_multiline: str | None = None

    def resolve(keys: list[str]) -> tuple[PathPart, ...]:
        path: tuple[PathPart, ...] = ()
        for key in keys:
            path = (*path, key)
            if path in aot_index:
                path = (*path, aot_index[path])
        return path

    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            keys = _split_keys(header.group("keys"))
            if header.group(1) == "[[":
                base = resolve(keys[:-1]) + (keys[-1],)
                aot_index[base] = aot_index.get(base, -1) + 1
                table = (*base, aot_index[base])
                positions.setdefault(base, number)
            else:
                table = resolve(keys)
            positions[table] = number
            continue
        key = _KEY.match(line)
        if key:
            path = table + tuple(_split_keys(key.group("keys")))
            positions.setdefault(path, number)
            rest = line[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return positions


def find_line(text: str, path: Sequence[PathPart]) -> int | None:
    """Return the line of ``path`` in ``text``, or of its deepest known prefix."""
    positions = key_lines(text)
    candidate = tuple(path)
    while candidate:
        if candidate in positions:
            return positions[candidate]
        candidate = candidate[:-1]
    return None
