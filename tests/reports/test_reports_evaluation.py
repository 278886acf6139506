"""A follow-up's report has an Evaluatie section in every format; HTML shows the trajectory."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.followup import make_followup
from vbwizard.reports import render_report
from vbwizard.reports.open_points import open_points
from vbwizard.session.storage import load_session


def _text(data: bytes, fmt: str) -> str:
    if fmt != "docx":
        return data.decode("utf-8")
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_followup_report_has_an_evaluation_section(
    bank: Bank, chain_folder: Path, fmt: str
) -> None:
    followup = load_session(chain_folder / "vervolg-2026.toml")
    assert followup.evaluation is not None
    followup.evaluation.process_notes = "Samenwerking <goed> & snel"
    first = followup.evaluation.actions[0]
    first.measured_on, first.source, first.independent = None, "Politie", True
    first.side_effects = "Groep verplaatst"
    goal = followup.evaluation.goal
    assert goal is not None
    goal.measured = "15% (2026)"
    out = _text(render_report(bank, followup, fmt), fmt)  # type: ignore[arg-type]
    for expected in (
        "Evaluatie",
        "Convenant De Horst",
        "uitgevoerd",
        "70% binnen 5 dagen (Politie, onafhankelijk)",  # measured, with source
        "voortzetten",  # decision
        "bijeffecten: Groep verplaatst",
        "niet geëvalueerd",
        "12% of lager",  # target next to …
        "15% (2026)",  # … what was measured
        "bijsturen",  # conclusion
    ):
        assert expected in out, (fmt, expected)
    if fmt == "html":
        assert "Samenwerking &lt;goed&gt; &amp; snel" in out
    elif fmt == "md":  # escaped so that it shows as typed once rendered
        rendered = MarkdownIt("commonmark").render(out)
        assert "Samenwerking &lt;goed&gt; &amp; snel" in rendered
    else:
        assert "Samenwerking <goed> & snel" in out
    # The open points name what evaluation still lacks.
    assert "Nog niet geëvalueerd uit de nulmeting: ‘Wijkregisseur De Horst’" in out


def test_a_baseline_report_has_no_evaluation_section(bank: Bank) -> None:
    md = render_report(bank, demo_session(bank), "md").decode("utf-8")
    assert "## Evaluatie" not in md and "Nog niet geëvalueerd" not in md


def test_open_points_ask_for_expected_effect_and_indicator(bank: Bank) -> None:
    demo = demo_session(bank)
    demo.actions[0].expected_effect = None
    demo.actions[1].indicator = None
    points = open_points(bank, demo)
    assert "Actie ‘Convenant De Horst’ mist: verwacht effect." in points
    assert "Actie ‘Wijkregisseur De Horst’ mist: indicator." in points
    followup = make_followup(bank, demo)
    assert followup.evaluation is not None
    for entry in followup.evaluation.actions[:5]:
        entry.done = "done"
    assert open_points(bank, followup)[-1] == (
        "Nog niet geëvalueerd uit de nulmeting: ‘Avondinzet handhaving’."
    )
