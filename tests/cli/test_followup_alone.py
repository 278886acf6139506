"""``vbwizard followup``, and a follow-up that outlives its baseline (deleted or unreadable)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Result
from vbwizard.bank import Bank
from vbwizard.demo import DEMO_ID
from vbwizard.reports import render_report
from vbwizard.session.storage import load_session


def test_followup_cli_prints_the_new_file_linked_to_its_baseline(
    run: Callable[..., Result], demo_folder: Path
) -> None:
    result = run("followup", DEMO_ID, "--title", "Horst 2026", "--sessions-dir", str(demo_folder))
    assert result.code == 0, result.err
    path = Path(result.out.strip())
    assert path.parent == demo_folder and path.name.endswith(".toml") and "horst-2026" in path.name
    followup = load_session(path)
    assert followup.scope.title == "Horst 2026"
    assert followup.links.followup_of == DEMO_ID and followup.status == "in_progress"
    assert followup.evaluation is not None
    assert [a.action for a in followup.evaluation.actions] == [f"actie-{i}" for i in range(1, 7)]
    assert followup.evaluation.actions[0].indicator  # the plan is copied: usable alone
    assert (
        followup.evaluation.goal is not None and followup.evaluation.goal.target == "12% of lager"
    )


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["followup", "bestaat-niet"], "bestaat-niet"),
        (["followup", DEMO_ID, "--title", "  "], "--title"),
        (["trend", "bestaat-niet"], "bestaat-niet"),
        (["compare", DEMO_ID, "bestaat-niet"], "bestaat-niet"),
        (["trend", DEMO_ID, "--format", "docx"], "docx"),
    ],
)
def test_bad_input_is_one_clear_line(
    run: Callable[..., Result], demo_folder: Path, argv: list[str], named: str
) -> None:
    result = run(*argv, "--sessions-dir", str(demo_folder))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and named in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("damage", ["deleted", "unreadable"])
def test_a_followup_outlives_its_baseline(
    run: Callable[..., Result], bank: Bank, chain_folder: Path, damage: str
) -> None:
    baseline = chain_folder / f"{DEMO_ID}.toml"
    if damage == "deleted":
        baseline.unlink()
    else:
        baseline.write_text('schema_version = 1\nid = "kapot"\ntitle = [\n', encoding="utf-8")
    result = run("trend", "vervolg-2026", "--sessions-dir", str(chain_folder))
    assert result.code == 0, result.err
    assert f"de nulmeting ‘{DEMO_ID}’ ontbreekt of is onleesbaar" in result.out
    first = "Ronde 1: Veiligheidsbeleving De Horst — vervolg (2026-03-01, afgerond)"
    assert f"{first}, vervolg op {DEMO_ID}" in result.out
    # The results come from the copy of the plan kept in the follow-up.
    assert "- Convenant De Horst: uitgevoerd; gemeten: 70% binnen 5 dagen" in result.out
    followup = load_session(chain_folder / "vervolg-2026.toml")
    md = render_report(bank, followup, "md").decode("utf-8")
    assert "## Evaluatie" in md and "70% binnen 5 dagen" in md
    shown = run("show", "vervolg-2026", "--sessions-dir", str(chain_folder))
    assert shown.code == 0, shown.err
