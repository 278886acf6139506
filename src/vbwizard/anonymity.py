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
from collections.abc import Iterable, Sequence

from vbwizard.session.models import Session

REDACTED = "[naam]"
"""What a known name in copied free text becomes."""

# Particles of Dutch surnames ("Bram de Boer"): not names on their own, and
# removing every "de" from the notes would make them unreadable.
_PARTICLES = frozenset(
    ("de", "der", "den", "van", "von", "het", "t", "ten", "ter", "te")
    + ("la", "le", "da", "di", "du", "del", "dos", "el", "al", "bin")
)
_MIN_TOKEN = 3
"""Shorter parts of a full name ("Li" in "Li Wang") are only removed as part of it."""
_WORD = re.compile(r"\w+")
"""Names and text are compared word by word ("Jan-Willem" is "Jan", "Willem")."""


def _tokens(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text) if not w.isdigit()]


def _own_words(name: str) -> list[str]:
    """The words of a name that could identify someone on their own."""
    return [w for w in _tokens(name) if len(w) >= _MIN_TOKEN and w not in _PARTICLES]


class Redactor:
    """Replaces known names in text by :data:`REDACTED`.

    Works word by word with sets, not with one large regular expression: a
    merge of a thousand self-assessments knows thousands of names, and an
    alternation of them all would be tried at every position of every note.
    """

    def __init__(self, names: Iterable[str] = (), words: Iterable[str] = ()) -> None:
        """Redact full ``names`` (as one, where written out) and their distinctive words.

        Args:
            names: Full names; a one-word name counts whatever its length.
            words: Further single words to redact.
        """
        self._words = {w.casefold() for w in words}
        self._phrases: set[tuple[str, ...]] = set()
        for name in names:
            tokens = tuple(_tokens(name))
            if len(tokens) == 1 and tokens[0] not in _PARTICLES:
                self._words.add(tokens[0])
            elif len(tokens) > 1:
                self._phrases.add(tokens)
                self._words.update(_own_words(name))
        self._longest = max((len(p) for p in self._phrases), default=1)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Where the known names are in ``text``: (start, end) character positions."""
        found = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
        spans = []
        i = 0
        while i < len(found):
            for length in range(min(self._longest, len(found) - i), 1, -1):
                window = tuple(word for _, _, word in found[i : i + length])
                if window in self._phrases:
                    spans.append((found[i][0], found[i + length - 1][1]))
                    i += length
                    break
            else:
                if found[i][2] in self._words:
                    spans.append((found[i][0], found[i][1]))
                i += 1
        return spans

    def __call__(self, text: str) -> str:
        """``text`` without the known names."""
        if not text or not (self._words or self._phrases):
            return text
        out, last = [], 0
        for start, end in self._spans(text):
            out += [text[last:start], REDACTED]
            last = end
        return "".join(out) + text[last:]

    def mentions_name(self, text: str) -> bool:
        """True when ``text`` holds one of the known names."""
        return bool(text and self._spans(text))


def redactor_for(sessions: Sequence[Session]) -> Redactor:
    """A redactor for every name the inputs record.

    A session that names nobody is known by its title ("Zelfanalyse Els"), so
    its title counts as a name too; but a word every input's title shares
    ("Zelfanalyse", "Horst") identifies no one and stays.
    """
    names: set[str] = set()
    titles: list[str] = []
    for session in sessions:
        scope = session.scope
        names.update(p.name for p in scope.participants)
        if scope.facilitator:
            names.add(scope.facilitator)
        if not scope.facilitator and not scope.participants:
            titles.append(scope.title)
    shared = (
        set.intersection(*[set(_tokens(s.scope.title)) for s in sessions]) if sessions else set()
    )
    title_words = [w for title in titles for w in _own_words(title) if w not in shared]
    return Redactor(names, title_words)
