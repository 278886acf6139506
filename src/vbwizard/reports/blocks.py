"""The few building blocks every report is made of.

:func:`vbwizard.reports.build.build_report` turns a session into a
:class:`Report`: some facts about the report itself, then a list of
:class:`Section` s, each a title and a list of blocks. A renderer (Markdown,
HTML, Word, PDF, plain text) only knows how to draw these block types, so:

* a new section is one edit in ``build.py``, and every format shows it;
* a new format is one module with one function per block type.

Blocks hold plain Dutch text, never markup: each renderer escapes for its own
format. A block marked ``detail=True`` is left out of short summaries (the
plain text of ``vbwizard show``) but appears in every full report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Literal

from vbwizard.reports.rows import ClusterBlock

Weight = int | str | None
"""0–3, ``"unknown"``, or ``None`` when no weight was given."""


@dataclass(frozen=True)
class _Block:
    _: KW_ONLY
    detail: bool = False
    """Left out of short summaries; always in a full report."""


@dataclass(frozen=True)
class Subheading(_Block):
    """A heading inside a section: level 3 under the section, level 4 below that."""

    text: str
    level: Literal[3, 4] = 3


@dataclass(frozen=True)
class Link:
    """A web address shown as ``text``; ``text`` occurs once in its paragraph."""

    text: str
    url: str


@dataclass(frozen=True)
class Paragraph(_Block):
    """Running text; line breaks the user typed are kept."""

    text: str
    link: Link | None = None


@dataclass(frozen=True)
class Note(_Block):
    """A remark about the content: an empty part, a hint, or a warning."""

    text: str
    kind: Literal["empty", "hint", "warning"] = "empty"


@dataclass(frozen=True)
class Facts(_Block):
    """Label–value pairs, such as the scope or the SMART goal."""

    pairs: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Bullets(_Block):
    """An unordered list of texts."""

    items: Sequence[str]


@dataclass(frozen=True)
class Table(_Block):
    """A table with a header row.

    ``widths`` are relative column widths (any unit; renderers scale them to
    the page). Columns in ``nowrap`` hold dates or numbers that must not break.
    When ``weight_col`` is set, ``weights[i]`` is the weight shown in that
    column of row ``i``, so a renderer can colour it like the heat map.
    """

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float] = ()
    nowrap: Sequence[int] = ()
    weight_col: int | None = None
    weights: Sequence[Weight] = ()
    wide: bool = False
    """Many columns: a paged format may turn this table's page to landscape."""

    def width_fractions(self) -> list[float]:
        """The column widths as fractions that add up to 1 (equal when not given)."""
        widths = list(self.widths) or [1.0] * len(self.headers)
        total = sum(widths) or 1.0
        return [w / total for w in widths]


@dataclass(frozen=True)
class HeatMap(_Block):
    """The Tafel van 12 as a grid: clusters as rows, factors as coloured cells."""

    clusters: Sequence[ClusterBlock]


Block = Subheading | Paragraph | Note | Facts | Bullets | Table | HeatMap


@dataclass
class Section:
    """A numbered part of a report with a level-2 heading; ``id`` is a stable anchor."""

    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Provenance:
    """Where a report comes from, printed in every report."""

    session_id: str
    session_bank: str
    """``"tafel-van-12 1.0.0"``: the bank the session was answered with."""
    loaded_bank: str
    """The bank loaded now; differs from ``session_bank`` after a bank update."""
    generated: dt.datetime
    vbwizard_version: str

    @property
    def bank_differs(self) -> bool:
        """True when the session was made with another bank (id or version)."""
        return self.session_bank != self.loaded_bank

    @property
    def warning(self) -> str:
        """A Dutch warning when the banks differ, else ``""``."""
        if not self.bank_differs:
            return ""
        return (
            f"Let op: gemaakt met vragenbank {self.session_bank}; "
            f"dit rapport gebruikt vragenbank {self.loaded_bank}. "
            "Titels en labels kunnen afwijken van wat de groep zag."
        )

    @property
    def generated_text(self) -> str:
        """The generation moment the Dutch way: ``30-11-2026 17:05``."""
        g = self.generated
        return f"{g.day}-{g.month}-{g.year} {g.hour:02d}:{g.minute:02d}"


@dataclass
class Report:
    """A whole report: title, provenance, draft flag and sections, in reading order."""

    title: str
    subtitle: str
    draft: bool
    """The session is still in progress: every page says CONCEPT."""
    provenance: Provenance
    sections: list[Section]
    notices: list[Note] = field(default_factory=list)
    """Shown under the title, before the first section (draft, bank mismatch)."""
    author: str = ""
    """The facilitator, for document properties; ``""`` when unknown."""

    @property
    def date_text(self) -> str:
        """The date shown in page headers: the generation date."""
        g = self.provenance.generated
        return f"{g.day}-{g.month}-{g.year}"

    def section(self, section_id: str) -> Section:
        """The section with ``section_id`` (``KeyError`` when absent)."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


DRAFT_MARK = "CONCEPT"
"""The word on every page of a report of a session still in progress."""
