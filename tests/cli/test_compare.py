"""``vbwizard compare`` of a baseline and its follow-up (fixture files in tests/data/sessions)."""

from __future__ import annotations

import json
from collections.abc import Callable

from markdown_it import MarkdownIt

from tests.cli.conftest import Result
from tests.samples import BASELINE, FOLLOWUP


def test_compare_cli_text(run: Callable[..., Result]) -> None:
    result = run("compare", str(BASELINE), str(FOLLOWUP))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert any(line.startswith("  ↓ 1. Signaalcriminaliteit") and "3 → 2" in line for line in lines)
    assert any(line.startswith("  ↑ 5. Sociale kwaliteit") and "2 → 3" in line for line in lines)
    assert any(line.startswith("  ? 12. Communicatie") and "1 → onbekend" in line for line in lines)
    assert "  nieuw: 5. Sociale kwaliteit" in lines
    assert "  vervallen: 2. Verloedering, 8. Vertrouwenwekkend toezicht" in lines
    assert (
        "  - Wijkregisseur De Horst (9. Kwaliteit van de aanpak): "
        "deels uitgevoerd: Regisseur pas in juni gestart" in lines
    )
    assert "  - Beheerplan openbare ruimte (2. Verloedering): niet geëvalueerd" in lines
    assert "Let op" not in result.out


def test_compare_cli_markdown_and_json(run: Callable[..., Result]) -> None:
    md = run("compare", str(BASELINE), str(FOLLOWUP), "--format", "md")
    assert md.code == 0
    rendered = MarkdownIt("commonmark").enable("table").render(md.out)
    assert "<td>5. Sociale kwaliteit</td>\n<td>2</td>\n<td>3</td>\n<td>↑ zwaarder</td>" in rendered
    assert "<li><strong>Nieuw:</strong> 5. Sociale kwaliteit</li>" in rendered
    data = json.loads(run("compare", str(BASELINE), str(FOLLOWUP), "--format", "json").out)
    assert data["base_id"] == "nulmeting-de-horst-2025"
    assert {f["factor_id"]: f["change"] for f in data["factors"]}["verloedering"] == "↓"


def test_compare_warns_when_not_linked(run: Callable[..., Result]) -> None:
    result = run("compare", str(FOLLOWUP), str(BASELINE))
    assert result.code == 0
    assert "niet vastgelegd als vervolg" in result.out
