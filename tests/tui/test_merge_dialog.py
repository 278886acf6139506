"""The merge dialog warns before merging: unfinished inputs, and names that free text can hold."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Static

from tests.tui.conftest import SIZE
from tests.tui.helpers import go_to, open_review, titles
from vbwizard.session.storage import load_session, save_session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.disagreements import DisagreementsScreen
from vbwizard.tui.screens.merge import MergeDialog


async def _open_dialog(app: VbWizardApp, pilot: object) -> MergeDialog:
    screen = await open_review(pilot)  # type: ignore[arg-type]
    await pilot.press("1")  # type: ignore[attr-defined]
    await go_to(pilot, screen, "Zelfanalyse")  # type: ignore[arg-type]
    await pilot.press("space", "down", "space", "down", "space")  # type: ignore[attr-defined]
    assert sum(t.startswith("✓ ") for t in titles(screen)) == 3
    await pilot.press("g")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    dialog = app.screen
    assert isinstance(dialog, MergeDialog)
    return dialog


async def test_dialog_warns_on_unfinished_inputs_and_about_names_in_notes(
    app: VbWizardApp, folder: Path
) -> None:
    before = {p.name for p in folder.glob("*.toml")}
    # Bram wrote about Anna in a note: an anonymous merge must not keep her name.
    bram = load_session(folder / "zelf-bram.toml")
    bram.factors["verloedering"].notes = "Met anna besproken."
    bram.status = "completed"
    save_session(bram, folder)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot)
        warnings = dialog.query_one("#merge-warnings", Static)
        assert warnings.display
        text = str(warnings.render())
        assert "nog niet afgerond" in text
        assert "zelf-anna.toml, zelf-cem.toml" in text and "zelf-bram" not in text
        hint = dialog.query_one("#merge-anonymous-hint", Static)
        assert not hint.display
        await pilot.press("shift+tab")  # from the focused merge button to the checkbox
        await pilot.press("space")
        assert dialog.query_one("#anonymous", Checkbox).value
        assert hint.display and "notities" in str(hint.render())
        # Everything fits at 80×24: the button stays reachable.
        button = dialog.query_one("#merge-go")
        assert button.region.bottom <= SIZE[1] and button.region.height > 0
        await pilot.press("tab", "enter")  # the "Samenvoegen" button
        await pilot.pause()
        assert isinstance(app.screen, DisagreementsScreen)  # opens where people disagree
    (new_file,) = {p.name for p in folder.glob("*.toml")} - before
    text = (folder / new_file).read_text("utf-8")
    assert not [n for n in ("anna", "bram", "cem") if n in text.lower() or n in new_file]
    merged = load_session(folder / new_file)
    assert sorted(p.name for p in merged.scope.participants) == ["P1", "P2", "P3"]
    assert merged.merge is not None and merged.merge.in_progress == 2
    assert "Met [naam] besproken." in merged.factors["verloedering"].participant_notes.values()


async def test_no_warning_box_when_every_input_is_finished(app: VbWizardApp, folder: Path) -> None:
    for name in ("anna", "bram", "cem"):
        session = load_session(folder / f"zelf-{name}.toml")
        session.status = "completed"
        save_session(session, folder)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot)
        assert not dialog.query_one("#merge-warnings", Static).display
        assert not dialog.query_one("#merge-error", Static).display
