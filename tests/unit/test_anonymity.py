"""Known names leave copied free text whole, as written, and nothing else goes."""

from __future__ import annotations

import pytest

from vbwizard.anonymity import Redactor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Els de Vries zegt", "[naam] zegt"),  # a full name goes as one
        ("els  de\nvries", "[naam]"),  # whatever the case and spacing
        ("Mevr. De Vries belde", "Mevr. De [naam] belde"),  # a surname alone
        ("Li en Lisa", "[naam] en Lisa"),  # a short one-word name, but not inside a word
        ("Jan-Willem's fiets", "[naam]-[naam]'s fiets"),
        ("de wijk van Els", "de wijk van [naam]"),  # particles are no names
        ("Elsene, Karimzadeh", "Elsene, Karimzadeh"),
    ],
)
def test_known_names_are_replaced_as_words(text: str, expected: str) -> None:
    redact = Redactor(["Els de Vries", "Li", "Jan-Willem O'Brien", "Karim"])
    assert redact(text) == expected
    assert redact.mentions_name(text) == (text != expected)
