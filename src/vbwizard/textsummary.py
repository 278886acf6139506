"""A plain-text summary of a session, for ``vbwizard show``.

It renders the same report blocks as every other format, leaving out the
sections and the ``detail`` blocks a quick look does not need.
"""

from __future__ import annotations

from collections.abc import Sequence

from vbwizard.bank.models import Bank
from vbwizard.reports.blocks import (
    Block,
    Bullets,
    Facts,
    Figure,
    HeatMap,
    Note,
    Paragraph,
    Report,
    Subheading,
    Table,
)
from vbwizard.reports.build import build_report
from vbwizard.session.models import Session
from vbwizard.spread import DISAGREEMENT_TEXT

SUMMARY_SECTIONS = ("scope", "deelnemers", "tafel", "prioriteiten", "doel", "actieplan")
"""The sections ``vbwizard show`` prints, in report order."""


def _indent(text: str, prefix: str) -> str:
    return text.replace("\n", "\n" + " " * len(prefix))


def _weight_line(row_title: str, label: str, spread: str, disputed: bool) -> str:
    text = f"{row_title}: {label}"
    if spread:
        text += f" (deelnemers {spread}" + (f", {DISAGREEMENT_TEXT})" if disputed else ")")
    return text


def text_block(block: Block, brief: bool = False) -> list[str]:
    """One block as indented plain-text lines (``brief`` drops detail blocks)."""
    if brief and block.detail:
        return []
    match block:
        case Subheading(text=text):
            return ["", f"  {text}"]
        case Paragraph(text=text) | Note(text=text):
            return [f"  {_indent(text, '  ')}"]
        case Facts(pairs=pairs):
            return [f"  {k}: {_indent(v, f'  {k}: ')}" for k, v in pairs]
        case Bullets(items=items):
            return [f"  - {_indent(item, '  - ')}" for item in items]
        case Table(rows=rows):
            return ["  - " + " · ".join(_indent(c, "    ") for c in row if c) for row in rows]
        case Figure():
            return []
        case HeatMap(clusters=clusters):
            out = []
            for cluster in clusters:
                out.append(f"  {cluster.title}")
                for row in cluster.factors:
                    number = f"{row.number:>2}. " if row.number else "    "
                    line = _weight_line(row.title, row.weight_label, row.range_text, row.disputed)
                    out.append(f"    {number}{line}")
            return out
    raise TypeError(f"unknown block {block!r}")


def render_text(report: Report, sections: Sequence[str] | None = None, brief: bool = False) -> str:
    """The report as plain text: the chosen ``sections`` (all by default)."""
    lines = [report.title, report.subtitle]
    lines += [note.text for note in report.notices]
    for section in report.sections:
        if sections is not None and section.id not in sections:
            continue
        lines += ["", section.title]
        for block in section.blocks:
            lines += text_block(block, brief)
    return "\n".join(lines)


def session_summary(bank: Bank, session: Session) -> str:
    """Render the essentials of a session as readable Dutch text."""
    return render_text(build_report(bank, session), SUMMARY_SECTIONS, brief=True)
