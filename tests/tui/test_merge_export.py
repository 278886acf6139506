"""Merging self-assessments from the review screen, and exporting a report from the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.tui.conftest import SIZE, oost_self_assessment
from tests.tui.factory import notifications, wizard
from tests.tui.helpers import go_to, open_review, titles
from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.participants import named
from vbwizard.session.storage import load_session, save_session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.disagreements import DisagreementsScreen
from vbwizard.tui.screens.export_dialog import ExportDialog
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.merge import MergeDialog
from vbwizard.tui.screens.summary import SummaryScreen


async def test_merge_three_self_assessments_opens_where_we_disagree(
    app: VbWizardApp, folder: Path
) -> None:
    before = {p.name for p in folder.glob("*.toml")}
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("1")  # by title: the three self-assessments are together
        await go_to(pilot, screen, "Zelfanalyse")
        await pilot.press("space", "down", "space", "down", "space")  # space marks, stays
        assert sum(t.startswith("✓ ") for t in titles(screen)) == 3
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, MergeDialog)
        await pilot.press("enter")  # the focused "Samenvoegen" button
        await pilot.pause()
        # First the list of where people disagree, the widest spread on top and focused.
        assert isinstance(app.screen, DisagreementsScreen)
        assert app.focused is not None and app.focused.id == "disagree-verloedering"
        await pilot.press("enter")  # and one key to begin there
        await pilot.pause()
        page = app.screen
        assert isinstance(page, FactorScreen)
        assert page.factor_id == "verloedering"
        (new_file,) = {p.name for p in folder.glob("*.toml")} - before
        merged = load_session(folder / new_file)
        assert merged.mode == "group"
        # Its own title, not that of the self-assessments it came from.
        assert merged.scope.title == "Groepsbeeld uit 3 zelfanalyses: Zelfanalyse Oost"
        assert sorted(merged.links.merged_from) == ["zelf-anna", "zelf-bram", "zelf-cem"]
        assert named(merged.factors["verloedering"].participant_weights, merged) == {
            "anna": 0,
            "bram": 3,
            "cem": 1,
        }


async def test_merge_refuses_another_bank_and_names_the_file(
    app: VbWizardApp, folder: Path, bank: Bank
) -> None:
    other = oost_self_assessment(bank, "dirk", {})
    other.bank.id = "andere-bank"
    save_session(other, folder)
    before = sorted(folder.iterdir())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await go_to(pilot, screen, "Zelfanalyse")
        await pilot.press("g")  # nothing marked yet: explained
        assert "minstens twee" in notifications(app)[-1]
        await pilot.press("1")
        await go_to(pilot, screen, "Zelfanalyse")
        await pilot.press("space", "down", "space", "down", "space", "down", "space")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MergeDialog)
        message = str(dialog.query_one("#merge-error", Static).render())
        assert "zelf-dirk.toml" in message and "andere-bank" in message
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    assert sorted(folder.iterdir()) == before


@pytest.fixture
def summary_app(bank: Bank, sessions_dir: Path) -> VbWizardApp:
    return wizard(bank, sessions_dir, session=demo_session(bank), step="summary")


async def test_export_from_the_summary_writes_html_with_the_title(
    summary_app: VbWizardApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the suggested folder is looked for there
    monkeypatch.chdir(tmp_path)  # short relative paths: typing is what takes time here
    target = tmp_path / "rapport.html"
    async with summary_app.run_test(size=SIZE) as pilot:
        app = summary_app
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # completed: reopen or only view?
        await pilot.press("escape")  # only view: exporting needs no changes
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("tab", "end", "ctrl+u", *"geen-map/r.html")
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#export-error", Static).render())
        assert "geen-map" in error and "bestaat niet" in error
        await pilot.press("end", "ctrl+u", *"rapport.html", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Veiligheidsbeleving De Horst" in target.read_text(encoding="utf-8")
        assert "rapport.html" in notifications(app)[-1]
