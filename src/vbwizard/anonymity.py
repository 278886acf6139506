"""Keep participants' names out of an anonymous merge.

A self-assessment carries its author's name in many places: the facilitator
field, the participant list, the title ("Zelfanalyse Els") and so the id and
file name made from that title, and sometimes in the notes. An anonymous merge
must not carry any of them over. Names it knows are removed from the free text
it copies; a name it cannot know (a colleague mentioned in a note) is the
reason the merge dialog asks the user to check the notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vbwizard.session.models import Session

REDACTED = "[naam]"
"""What a known name in copied free text becomes."""

# Particles of Dutch surnames ("Bram de Boer"): not names on their own, and
# removing every "de" from the notes would make them unreadable.
_PARTICLES = frozenset(
    ("de", "der", "den", "van", "von", "het", "'t", "ten", "ter", "te")
    + ("la", "le", "da", "di", "du", "del", "dos", "el", "al", "bin")
)
_MIN_TOKEN = 3
"""Shorter parts of a full name ("Li" in "Li Wang") are only removed as part of it."""


def _words(name: str) -> list[str]:
    """The parts of a name that could identify someone on their own."""
    parts = re.findall(r"[^\W\d_][\w'’-]*", name)
    return [p for p in parts if len(p) >= _MIN_TOKEN and p.casefold() not in _PARTICLES]


def known_names(sessions: Sequence[Session]) -> list[str]:
    """Every name the inputs record, and each distinctive part of it, longest first.

    A session that names nobody is known by its title ("Zelfanalyse Els"), so
    its title counts as a name too; but a word every input's title shares
    ("Zelfanalyse", "Horst") identifies no one and stays.
    """
    names: set[str] = set()
    titles: list[str] = []
    for session in sessions:
        scope = session.scope
        names.update(scope.participants)
        if scope.facilitator:
            names.add(scope.facilitator)
        if not scope.facilitator and not any(p.strip() for p in scope.participants):
            titles.append(scope.title)
        for answer in session.factors.values():
            names.update(answer.participant_weights)
            names.update(answer.participant_notes)
    found: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if name:
            found.add(name)
            found.update(_words(name))
    words = [{w.casefold() for w in _words(s.scope.title)} for s in sessions]
    shared = set.intersection(*words) if words else set()
    for title in titles:
        own = [w for w in _words(title) if w.casefold() not in shared]
        if own:  # A title made only of shared words names no one.
            found.add(" ".join(title.split()))
            found.update(own)
    return sorted(found, key=lambda n: (-len(n), n))


def _pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    # Word boundaries by hand: \b fails next to a name ending in "." or "’".
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class Redactor:
    """Replaces known names in text by :data:`REDACTED`."""

    def __init__(self, names: Sequence[str]) -> None:
        """Redact ``names`` (longest first, so a full name goes as one)."""
        self._pattern = _pattern(names)

    def __call__(self, text: str) -> str:
        """``text`` without the known names."""
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(REDACTED, text)

    def mentions_name(self, text: str) -> bool:
        """True when ``text`` holds one of the known names."""
        return bool(self._pattern and text and self._pattern.search(text))
