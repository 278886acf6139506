"""Each report format holds every part of the analysis, and user text stays harmless."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx
import pytest
from markdown_it import MarkdownIt

from tests.samples import EVIL
from vbwizard.bank import Bank
from vbwizard.reports import render_report
from vbwizard.session.models import Session

# What a reader must find in every format (taken from the demo session).
EXPECTED = [
    # scope, participants, sources, problem picture
    "Gemeente Lindendaal, wijk De Horst (fictief)",
    "Sanne de Vries, beleidsadviseur veiligheid",
    "Wijkagent Karim",
    "Veiligheidsmonitor 2025",
    "Bewonersenquête",
    "Horstplein, fietstunnel en de Beukenlaan.",
    # Tafel van 12: weights with the bank's labels and the spread
    "3 — belangrijke oorzaak",
    "1–3, mediaan 2 (verschil van mening)",
    "Reactie op schokkende incidenten",
    # priorities with reasons, the goal (SMART), the action plan
    "Zonder heldere regie en nagekomen afspraken landt geen enkele andere actie.",
    "weten dat hun meldingen iets opleveren",
    "12% of lager",
    "Politie (wijkagent Karim)",
    "2026-01-05",
    "2026-06-30",
    "Meldingen overlast plein -50% t.o.v. 2025",
    # open points and the CCV attribution
    "Bron ontbreekt: Bewonersenquête.",
    "Centrum voor Criminaliteitspreventie en Veiligheid (CCV)",
]
SECTIONS = [
    "Scope en context",
    "Deelnemers",
    "Bronnen",
    "Probleembeeld",
    "Tafel van 12",
    "Prioriteiten",
    "Doel",
    "Actieplan",
    "Open punten",
    "Bron van de methode",
]


class Page(HTMLParser):
    """Collects what a browser would show and every attribute that could load something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.h2: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.style = ""
        self.svg_cells = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._stack.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag == "rect" and self._stack[-2:-1] == ["g"]:
            self.svg_cells += 1

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        current = self._stack[-1] if self._stack else ""
        if current == "style":
            self.style += data
            return
        self.text.append(data)
        if current == "h2":
            self.h2.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def docx_text(data: bytes) -> tuple[docx.document.Document, str]:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return document, "\n".join(parts)


def test_markdown_holds_every_part(bank: Bank, demo: Session) -> None:
    md = render_report(bank, demo, "md").decode("utf-8")
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == SECTIONS
    for text in EXPECTED:
        assert text in md, text
    for factor in bank.factors:
        assert f"| {factor.number} | {factor.title} |" in md
    # Priorities in the order of treatment, each table row well-formed.
    order = re.findall(r"^\| (\d) \| (\d+)\. ", md, flags=re.M)
    assert order == [("1", "9"), ("2", "1"), ("3", "2"), ("4", "8")]


def test_markdown_tables_survive_pipes_and_newlines(bank: Bank, demo: Session) -> None:
    demo.actions[0].indicator = "a | b\nc"
    md = render_report(bank, demo, "md").decode("utf-8")
    [row] = [line for line in md.splitlines() if line.startswith("| ") and "Convenant" in line]
    assert len(re.findall(r"(?<!\\)\|", row)) == 8  # still seven cells
    assert "a \\| b<br>c" in row


def test_html_holds_every_part_and_loads_nothing(bank: Bank, demo: Session) -> None:
    html = render_report(bank, demo, "html").decode("utf-8")
    page = parse(html)
    shown = " ".join(page.text)
    assert page.h2 == SECTIONS
    for text in EXPECTED:
        assert text in shown, text
    # The heat map: one cell per factor, in plain HTML (a list on a phone).
    cells = [v for t, k, v in page.attrs if t == "li" and k == "class" and "hm-cell" in v]
    assert len(cells) == 12
    # Self-contained: no scripts, no stylesheets or frames to fetch, nothing with a src.
    assert not {"script", "link", "iframe", "img", "object", "embed"} & set(page.tags)
    loading = [(t, k, v) for t, k, v in page.attrs if k in ("src", "srcset", "xlink:href", "data")]
    assert loading == []
    links = [(t, v) for t, k, v in page.attrs if k == "href"]
    assert links == [("a", "https://hetccv.nl/onderwerpen/veiligheidsbeleving/")]
    assert "url(" not in page.style and "@import" not in page.style
    assert re.search(r"@media print\s*{\s*@page\s*{\s*size:\s*A4", page.style)
    csp = [v for t, k, v in page.attrs if t == "meta" and k == "content" and "default-src" in v]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]


def test_word_document_holds_every_part(bank: Bank, demo: Session) -> None:
    document, text = docx_text(render_report(bank, demo, "docx"))
    for part in EXPECTED:
        assert part in text, part
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    assert document.core_properties.title == "Veiligheidsbeleving De Horst"
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Factor")
    header = [c.text for c in plan.rows[0].cells]
    assert header == [
        "Factor",
        "Actie",
        "Eigenaar",
        "Start",
        "Eind",
        "Indicator",
        "Verwacht effect",
    ]
    assert [c.text for c in plan.rows[3].cells][1:4] == [
        "Aanpak groep Horstplein",
        "Politie (wijkagent Karim)",
        "2026-01-05",
    ]
    # The heat map: a header row, then per cluster its name and its four factors.
    heat = document.tables[1]
    assert (len(heat.rows), len(heat.columns)) == (7, 4)
    assert [heat.rows[i].cells[0].text for i in (1, 3, 5)] == [
        c.title for c in bank.manifest.clusters
    ]


def test_hostile_text_is_escaped_in_html(bank: Bank, evil: Session) -> None:
    html = render_report(bank, evil, "html").decode("utf-8")
    page = parse(html)
    assert "script" not in page.tags and "b" not in page.tags
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # What the reader sees is exactly what was typed.
    shown = "".join(page.text)
    assert shown.count(EVIL) >= 4  # participant, note, owner, priority reason
    assert f"Titel {EVIL}" in shown


def markdown_shown(md: str) -> str:
    """What a reader sees of Markdown: rendered as CommonMark with tables, as text."""
    html = MarkdownIt("commonmark").enable("table").render(md)
    return "".join(parse(html).text)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_hostile_text_is_exact_in_markdown_and_word(bank: Bank, evil: Session, fmt: str) -> None:
    data = render_report(bank, evil, fmt)  # type: ignore[arg-type]
    text = markdown_shown(data.decode("utf-8")) if fmt == "md" else docx_text(data)[1]
    assert text.count(EVIL) >= 4
    assert f"Titel {EVIL}" in text


def test_control_characters_do_not_break_word(bank: Bank, demo: Session) -> None:
    demo.factors["verloedering"].notes = "bel\x07 en\x0b tab\tnieuwe\nregel"
    # Written out as they enter the session (session/base.py: inert), tab and newline kept.
    assert demo.factors["verloedering"].notes == "bel\\x07 en\\x0b tab\tnieuwe\nregel"
    _, text = docx_text(render_report(bank, demo, "docx"))
    assert "bel\\x07 en\\x0b tab\tnieuwe\nregel" in text


def test_open_points_name_what_is_missing(bank: Bank, demo: Session) -> None:
    demo.factors["het-gesprek"].visited = False
    demo.factors["het-gesprek"].weight = None
    demo.factors["communicatie"].weight = "unknown"
    demo.actions[1].owner = None
    demo.actions[1].indicator = None
    demo.priorities = demo.priorities[:2]
    md = render_report(bank, demo, "md").decode("utf-8")
    points = md.split("## Open punten")[1].split("## ")[0]
    assert "Nog niet besproken factoren: 4. Het gesprek." in points
    assert "Gewicht onbekend, informatie nodig: 12. Communicatie." in points
    assert "Bron gepland: Avondschouw." in points
    assert "Actie ‘Wijkregisseur De Horst’ mist: eigenaar, indicator." in points
    assert "2 prioriteiten gekozen; de methode vraagt er 3 tot 5." in points


def test_answers_unknown_to_the_bank_stay_in_the_report(mini_bank: Bank, demo: Session) -> None:
    md = render_report(mini_bank, demo, "md").decode("utf-8")
    assert "kwaliteit-van-de-aanpak" in md
    assert "Groep wijst dit als voorwaarde voor de andere factoren aan." in md
