"""Render a report as Markdown, for pasting into plans and wikis.

User text is escaped so it renders exactly as typed (``<nog te bepalen>`` stays
visible, ``*Noord*`` does not turn italic). Line breaks inside a list item
use a backslash hard break and inside a table cell ``<br>``, never trailing
spaces, which editors strip.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vbwizard.reports.blocks import (
    Block,
    Bullets,
    Facts,
    HeatMap,
    Note,
    Paragraph,
    Report,
    Subheading,
    Table,
)
from vbwizard.reports.palette import WEIGHT_SQUARES

# Characters that start inline markup anywhere in a line (CommonMark + GFM).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# Constructs that only count at the start of a line: lists, headings, quotes, rules.
_LINE_START = re.compile(r"^([+\-=]|\d+(?=[.)]))")


def md_escape(text: str, line_start: bool = True) -> str:
    """Escape one line of user text so Markdown shows it as typed.

    ``line_start=False`` for text that can never start a block (table cells,
    headings), where ``9. Titel`` needs no escape.
    """
    text = _INLINE.sub(r"\\\1", text.strip())
    start = _LINE_START.match(text) if line_start else None
    if start is None:
        return text
    mark = start.group(1)
    # "12." must become "12\." (not a list); "-" or "+" becomes "\-".
    cut = len(mark)
    return text[:cut] + "\\" + text[cut:] if mark[0].isdigit() else "\\" + text


def _flow(text: str, indent: str = "  ") -> str:
    """Escaped text; its line breaks become hard breaks that keep a list item together."""
    lines = [md_escape(line) for line in text.splitlines()] or [""]
    return f"\\\n{indent}".join(lines)


def _cell(text: str) -> str:
    """Escaped text for a table cell: a line break becomes ``<br>``."""
    return "<br>".join(md_escape(line, False) for line in text.splitlines()) or " "


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(md_escape(h, False) for h in headers) + " |"]
    out.append("|" + "|".join("---" for _ in headers) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _weighted(table: Table) -> list[list[str]]:
    """Rows with a coloured square before each weight (a heat-map feel where it renders)."""
    rows = [list(row) for row in table.rows]
    if table.weight_col is not None:
        for row, weight in zip(rows, table.weights, strict=True):
            square = WEIGHT_SQUARES.get(weight, "")
            row[table.weight_col] = f"{square} {row[table.weight_col]}".strip()
    return rows


def _block(block: Block) -> list[str]:
    match block:
        case Subheading(text=text, level=level):
            return ["#" * level + " " + md_escape(text, False), ""]
        case Paragraph(text=text, link=link):
            body = _flow(text, "")
            if link is not None:
                escaped = md_escape(link.text, False)
                body = body.replace(escaped, f"[{escaped}](<{link.url}>)", 1)
            return [body, ""]
        case Note(text=text, kind="warning"):
            return [f"> **{_flow(text, '> ')}**", ""]
        case Note(text=text):
            return [_flow(text, ""), ""]
        case Facts(pairs=pairs):
            return [*(f"- **{md_escape(k, False)}:** {_flow(v)}" for k, v in pairs), ""]
        case Bullets(items=items):
            return [*(f"- {_flow(item)}" for item in items), ""]
        case Table():
            return _table(block.headers, _weighted(block))
        case HeatMap():
            return []  # The factor table right after it carries the same, with squares.
    raise TypeError(f"unknown block {block!r}")


def render_markdown(report: Report) -> str:
    """Return the report as Markdown text (CommonMark with GitHub-style tables)."""
    out = [f"# {md_escape(report.title, False)}", "", md_escape(report.subtitle) + ".", ""]
    for note in report.notices:
        out += _block(note)
    for section in report.sections:
        out += [f"## {md_escape(section.title, False)}", ""]
        previous: Block | None = None
        for block in section.blocks:
            if isinstance(block, Facts | Bullets) and isinstance(previous, Facts | Bullets):
                # Two lists in a row would merge into one; an empty comment keeps them apart.
                out += ["<!-- -->", ""]
            out += _block(block)
            previous = block
    return "\n".join(out).rstrip("\n") + "\n"
