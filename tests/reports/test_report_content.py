"""What every report says: provenance, the draft mark, agreed plan vs open proposals, escaping."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from vbwizard import __version__
from vbwizard.bank import Bank
from vbwizard.reports import build_report, render_report
from vbwizard.session.models import Participant, Session

from .test_report_formats import markdown_shown, parse

NOW = dt.datetime(2026, 11, 30, 17, 5, tzinfo=dt.UTC)
FORMATS = ("md", "html", "docx", "pdf")


def body_text(document: docx.document.Document) -> list[str]:
    """Paragraphs and table cells in reading order."""
    parts = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            parts += [cell.text for row in item.rows for cell in row.cells]
        else:
            parts.append(item.text)
    return parts


def shown(bank: Bank, session: Session, fmt: str) -> str:
    """The text a reader sees in a format, whitespace collapsed."""
    data = render_report(bank, session, fmt, now=NOW)  # type: ignore[arg-type]
    if fmt == "md":
        text = markdown_shown(data.decode("utf-8"))
    elif fmt == "html":
        text = " ".join(parse(data.decode("utf-8")).text)
    elif fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(body_text(document))
        text += "\n".join(p.text for s in document.sections for p in s.header.paragraphs)
    else:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_report_states_where_it_comes_from(bank: Bank, demo: Session, fmt: str) -> None:
    demo.bank = demo.bank.model_copy(update={"version": "0.9.0"})
    text = shown(bank, demo, fmt)
    assert "Let op: gemaakt met vragenbank tafel-van-12 0.9.0" in text
    assert f"vragenbank {bank.id} {bank.version}" in text  # what is loaded now
    assert "demo-de-horst-2026" in text
    assert f"vbwizard {__version__}" in text
    assert "30-11-2026" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_bank_gives_no_warning(bank: Bank, demo: Session, fmt: str) -> None:
    text = shown(bank, demo, fmt)
    assert "Let op" not in text and "CONCEPT" not in text
    assert f"{bank.id} {bank.version}" in text


def test_a_draft_says_concept_on_every_page(bank: Bank, demo: Session) -> None:
    demo.status = "in_progress"
    pdf = PdfReader(io.BytesIO(render_report(bank, demo, "pdf", now=NOW)))
    assert len(pdf.pages) > 2
    assert all("CONCEPT" in page.extract_text() for page in pdf.pages)
    document = docx.Document(io.BytesIO(render_report(bank, demo, "docx", now=NOW)))
    for section in document.sections:  # every section, portrait and landscape
        assert "CONCEPT" in "".join(p.text for p in section.header.paragraphs)
    html = render_report(bank, demo, "html", now=NOW).decode("utf-8")
    assert '@top-right { content: "CONCEPT"; }' in html  # the print margin of every page
    assert '<div class="watermark" aria-hidden="true">CONCEPT</div>' in html
    assert "CONCEPT" in render_report(bank, demo, "md").decode("utf-8").split("## ")[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_only_accepted_actions_form_the_plan(bank: Bank, demo: Session, fmt: str) -> None:
    demo.actions[1].status = "proposed"
    demo.actions[2].status = "rejected"
    text = shown(bank, demo, fmt)
    plan, rest = text.split("Actieplan", 2)[-1].split("Open punten", 1)
    assert demo.actions[0].title in plan
    assert demo.actions[1].title not in plan and demo.actions[2].title not in plan
    proposed = f"Voorstel nog niet besloten: ‘{demo.actions[1].title}’"
    assert proposed in rest.split("Bron van de methode")[0]
    assert demo.actions[2].title not in rest


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_holds_effect_communication_and_why(bank: Bank, demo: Session, fmt: str) -> None:
    action = demo.actions[0]
    action.buikpijn = "yes"
    action.frame = "Samen sterk in De Horst"
    text = shown(bank, demo, fmt)
    plan = text.split("Actieplan", 2)[-1].split("Open punten", 1)[0]
    assert " ".join((action.expected_effect or "").split()) in plan
    assert "ja: expliciet en gericht communiceren" in plan
    assert "Samen sterk in De Horst" in plan
    assert "Voorgesteld omdat de factor hier gewicht 3 heeft" in plan


def test_build_report_is_blocks_every_format_can_draw(bank: Bank, demo: Session) -> None:
    report = build_report(bank, demo, now=NOW)
    assert [s.title for s in report.sections][-1] == "Bron van de methode"
    assert report.section("probleembeeld").blocks
    demo.problem = type(demo.problem)()
    empty = build_report(bank, demo, now=NOW).section("probleembeeld").blocks
    # One wording for every format (it used to differ between Markdown and HTML).
    assert [getattr(b, "text", "") for b in empty] == ["Nog geen probleembeeld vastgelegd."]
    for fmt in ("md", "html"):
        assert "Nog geen probleembeeld vastgelegd." in shown(bank, demo, fmt)


@pytest.mark.parametrize("typed", ["<nog te bepalen>", "*Noord*", "_wijk_ [1](x) `code` &amp;"])
def test_markdown_shows_user_text_as_typed(bank: Bank, demo: Session, typed: str) -> None:
    demo.scope.participants.append(
        Participant(id=f"p{len(demo.scope.participants) + 1}", name=typed)
    )
    demo.factors["verloedering"].notes = f"{typed}\n- geen lijst\n# geen kop\n12. geen nummer"
    demo.actions[0].owner = typed
    text = markdown_shown(render_report(bank, demo, "md").decode("utf-8"))
    assert text.count(typed) >= 3
    assert "- geen lijst" in text and "# geen kop" in text and "12. geen nummer" in text


def test_markdown_line_breaks_do_not_rely_on_trailing_spaces(bank: Bank, demo: Session) -> None:
    demo.factors["verloedering"].notes = "eerste regel\ntweede regel"
    md = render_report(bank, demo, "md").decode("utf-8")
    assert not [line for line in md.splitlines() if line.endswith(" ")]
    html = MarkdownIt("commonmark").render(md)
    assert "eerste regel<br />\ntweede regel" in html


def test_markdown_lists_in_a_row_stay_apart(bank: Bank, demo: Session) -> None:
    """The facilitator and the participants are two lists, not one loose list."""
    md = render_report(bank, demo, "md").decode("utf-8")
    html = MarkdownIt("commonmark").render(md)
    people = html.split("<h2>Deelnemers</h2>")[1].split("<h2>")[0]
    assert people.count("<ul>") == 2 and "<p>" not in people
