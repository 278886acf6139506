"""Dutch texts for what pydantic and tomllib find wrong in a user's file.

Both libraries speak English; a user of vbwizard reads Dutch. Each pydantic
error type becomes a "moet … zijn" phrase, so that the alternatives of one
value can be joined ("moet hoogstens 3 of 'unknown' zijn"); tomllib's messages
are matched by their start. An unknown message is passed on as it is, rather
than lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# pydantic error type -> what the value must be (the part between "moet" and "zijn").
_MUST_BE: dict[str, str] = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "bool_type": "true of false",
    "bool_parsing": "true of false",
    "dict_type": "een tabel",
    "model_type": "een tabel",
    "model_attributes_type": "een tabel",
    "list_type": "een lijst",
    "tuple_type": "een lijst",
    "datetime_type": "een datum met tijd (zoals 2026-01-15T09:00:00Z)",
    "datetime_parsing": "een datum met tijd (zoals 2026-01-15T09:00:00Z)",
    "datetime_from_date_parsing": "een datum met tijd (zoals 2026-01-15T09:00:00Z)",
    "date_type": "een datum (zoals 2026-01-15)",
    "date_parsing": "een datum (zoals 2026-01-15)",
    "date_from_datetime_parsing": "een datum (zoals 2026-01-15)",
    "date_from_datetime_inexact": "een datum zonder tijd (zoals 2026-01-15)",
}
_BOUNDS = {
    "less_than_equal": ("le", "hoogstens {}"),
    "greater_than_equal": ("ge", "minstens {}"),
    "less_than": ("lt", "kleiner dan {}"),
    "greater_than": ("gt", "groter dan {}"),
}
_LENGTHS = {
    "string_too_long": ("max_length", "mag hoogstens {} tekens lang zijn"),
    "string_too_short": ("min_length", "moet minstens {} teken(s) lang zijn"),
    "too_long": ("max_length", "mag hoogstens {} elementen hebben"),
    "too_short": ("min_length", "moet minstens {} element(en) hebben"),
}

UNKNOWN_KEY = "onbekende sleutel"
MISSING = "verplicht veld ontbreekt"


def validation_message(kind: str, ctx: Mapping[str, Any] | None, english: str) -> str:
    """The Dutch message for one pydantic error.

    Args:
        kind: pydantic's error type (``less_than_equal``…).
        ctx: its context (the bound, the expected literals…).
        english: pydantic's own message, used when the type is not known here.
    """
    ctx = ctx or {}
    if kind == "missing":
        return MISSING
    if kind == "extra_forbidden":
        return UNKNOWN_KEY
    if kind in _MUST_BE:
        return f"moet {_MUST_BE[kind]} zijn"
    if kind in _BOUNDS:
        key, phrase = _BOUNDS[kind]
        return f"moet {phrase.format(ctx.get(key))} zijn"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"moet {expected} zijn"
    if kind == "string_pattern_mismatch":
        return f"heeft niet de juiste vorm (patroon {ctx.get('pattern')})"
    if kind in _LENGTHS:
        key, phrase = _LENGTHS[kind]
        return phrase.format(ctx.get(key))
    # A validator of our own raised ValueError with its own words.
    return english.removeprefix("Value error, ")


def merge_alternatives(messages: list[str]) -> str:
    """``moet hoogstens 3 zijn`` and ``moet 'unknown' zijn`` for one value become one."""
    got = ""
    cores: list[str] = []
    others: list[str] = []
    for message in messages:
        core, sep, tail = message.partition(" (gevonden: ")
        got = got or (sep + tail)
        if core.startswith("moet ") and core.endswith(" zijn"):
            middle = core.removeprefix("moet ").removesuffix(" zijn")
            if middle not in cores:
                cores.append(middle)
        elif core not in others:
            others.append(core)
    parts = ([f"moet {' of '.join(cores)} zijn"] if cores else []) + others
    return "; ".join(parts) + got


# tomllib's messages (without their position), by how they start.
_TOML: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"^Unterminated string", "tekst zonder afsluitend aanhalingsteken"),
        (
            r"^Expected '\]' at the end of a table declaration",
            "verwacht ']' na een kop",
        ),
        (
            r"^Expected '\]\]' at the end of an array declaration",
            "verwacht ']]' na een kop",
        ),
        (
            r"^Escaped character is not a Unicode scalar value",
            "escape is geen geldig Unicode-teken",
        ),
        (r"^Expected '=' after a key in a key/value pair", "verwacht '=' na een sleutel"),
        (r"^Cannot overwrite a value", "een waarde staat er twee keer"),
        (r"^Cannot declare (.*) twice", r"tabel \1 staat er twee keer"),
        (r"^Cannot mutate immutable namespace (.*)", r"tabel \1 is al vastgelegd"),
        (r"^Illegal character (.*)", r"ongeldig teken \1"),
        (r"^Invalid date or datetime", "ongeldige datum of tijd"),
        (r"^Invalid value", "ongeldige waarde"),
        (r"^Invalid statement", "ongeldige regel"),
        (r"^Invalid initial character for a key part", "ongeldig eerste teken van een sleutel"),
        (r"^Unclosed array", "lijst zonder afsluitende ']'"),
        (r"^Unclosed inline table", "tabel zonder afsluitende '}'"),
        (r"^Expected newline or end of document after a statement", "verwacht een nieuwe regel"),
    ]
]


def toml_message(english: str) -> str:
    """Tomllib's message in Dutch (an unknown one is kept as it is)."""
    english = english.replace(" (at end of document)", " (aan het eind van het bestand)")
    for pattern, replacement in _TOML:
        if pattern.match(english):
            return pattern.sub(replacement, english, count=1)
    return english
