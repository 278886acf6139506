"""A small document model (sections of paragraphs, facts, lists and tables) in four formats.

The comparison, the trajectory and a follow-up's Evaluatie section are built
once as plain :class:`Section` values and rendered here as Markdown, HTML and
Word, so every format carries the same content. Texts are plain; each renderer
escapes for its own format. An :class:`Svg` item is markup drawn by vbwizard
itself (every user text in it already escaped) and appears only in HTML.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any


@dataclass(frozen=True)
class Para:
    """A paragraph; ``note`` renders it as a muted remark."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class Facts:
    """Label–value pairs."""

    pairs: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: Sequence[str]


@dataclass(frozen=True)
class Table:
    """A table with a header row."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Svg:
    """An inline chart for HTML (already escaped markup made by vbwizard)."""

    markup: str


Item = Para | Facts | Bullets | Table | Svg
"""Anything a section holds."""


@dataclass
class Section:
    """A heading and what follows it."""

    title: str
    items: list[Item] = field(default_factory=list)
    level: int = 2


@dataclass
class Document:
    """A whole document: a title, a subtitle and sections."""

    title: str
    subtitle: str
    sections: list[Section]


# -- Markdown ---------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    text = text.replace("|", "\\|")
    return "<br>".join(text.splitlines()) if "\n" in text else text


def _md_flow(text: str) -> str:
    lines = text.splitlines() or [""]
    return lines[0] + "".join(f"  \n  {line}" for line in lines[1:])


def sections_markdown(sections: Sequence[Section]) -> list[str]:
    """The sections as Markdown lines."""
    out: list[str] = []
    for section in sections:
        out += ["#" * section.level + " " + section.title, ""]
        for item in section.items:
            if isinstance(item, Para):
                out += [f"*{_md_flow(item.text)}*" if item.note else _md_flow(item.text), ""]
            elif isinstance(item, Facts):
                out += [f"- **{label}:** {_md_flow(value)}" for label, value in item.pairs]
                out.append("")
            elif isinstance(item, Bullets):
                out += [f"- {_md_flow(text)}" for text in item.items] + [""]
            elif isinstance(item, Table):
                out.append("| " + " | ".join(_md_cell(h) for h in item.headers) + " |")
                out.append("|" + "|".join("---" for _ in item.headers) + "|")
                out += ["| " + " | ".join(_md_cell(c) or " " for c in r) + " |" for r in item.rows]
                out.append("")
    return out


def document_markdown(doc: Document) -> str:
    """A whole document as Markdown text."""
    out = [f"# {doc.title}", "", doc.subtitle, ""] + sections_markdown(doc.sections)
    return "\n".join(out).rstrip("\n") + "\n"


# -- HTML -------------------------------------------------------------------------------


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def sections_html(sections: Sequence[Section]) -> list[str]:
    """The sections as HTML lines (``<section>`` elements)."""
    out: list[str] = []
    for section in sections:
        level = min(max(section.level, 2), 4)
        out += ["<section>", f"<h{level}>{_e(section.title)}</h{level}>"]
        for item in section.items:
            if isinstance(item, Para):
                cls = ' class="note"' if item.note else ""
                out.append(f"<p{cls}>{_e(item.text)}</p>")
            elif isinstance(item, Facts):
                out.append('<dl class="facts">')
                out += [f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in item.pairs]
                out.append("</dl>")
            elif isinstance(item, Bullets):
                out += ["<ul>", *(f"<li>{_e(text)}</li>" for text in item.items), "</ul>"]
            elif isinstance(item, Table):
                out.append("<table><thead><tr>")
                out.append("".join(f"<th>{_e(h)}</th>" for h in item.headers))
                out.append("</tr></thead><tbody>")
                for row in item.rows:
                    out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
                out.append("</tbody></table>")
            elif isinstance(item, Svg):
                out.append(item.markup)
        out.append("</section>")
    return out


def document_html(doc: Document) -> str:
    """A whole, self-contained HTML page (inline CSS, no requests, everything escaped)."""
    # The report's stylesheet and its escaping, so a comparison looks like a report.
    from vbwizard.reports.html import CSP, _css, e

    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="vbwizard">',
        f"<title>{e(doc.title)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(doc.title)}</h1>",
        f'<p class="subtitle">{e(doc.subtitle)}</p>',
        "</header>",
        *sections_html(doc.sections),
        "<footer><p>Gemaakt met vbwizard.</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


# -- Word -------------------------------------------------------------------------------


def sections_docx(document: Any, sections: Sequence[Section]) -> None:
    """Add the sections to a python-docx document (charts are left out)."""
    from vbwizard.reports.word import _t, _table

    for section in sections:
        document.add_heading(_t(section.title), level=max(1, section.level - 1))
        for item in section.items:
            if isinstance(item, Para):
                run = document.add_paragraph().add_run(_t(item.text))
                run.italic = item.note
            elif isinstance(item, Facts):
                for label, value in item.pairs:
                    paragraph = document.add_paragraph(style="List Bullet")
                    paragraph.add_run(_t(label) + ": ").bold = True
                    paragraph.add_run(_t(value))
            elif isinstance(item, Bullets):
                for text in item.items:
                    document.add_paragraph(_t(text), style="List Bullet")
            elif isinstance(item, Table):
                _table(document, item.headers, item.rows)


def document_docx(doc: Document) -> bytes:
    """A whole document as the bytes of a ``.docx`` file."""
    from docx import Document as new_document

    from vbwizard.reports.word import _t

    document = new_document()
    document.core_properties.title = _t(doc.title)
    document.core_properties.author = "vbwizard"
    document.core_properties.language = "nl-NL"
    document.add_heading(_t(doc.title), level=0)
    document.add_paragraph(_t(doc.subtitle))
    sections_docx(document, doc.sections)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
