"""Steps 2 and 3 driven with real keys: sources, and the problem picture."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.tui.conftest import MakeApp
from tests.tui.helpers import saved, type_text
from vbwizard.session.models import Session
from vbwizard.tui.screens.dialogs import ConfirmDialog
from vbwizard.tui.screens.problem import ProblemScreen
from vbwizard.tui.screens.sources import SourcePicker, SourcesScreen


async def test_sources_add_preset_own_and_delete(make_app: MakeApp, demo: Session) -> None:
    demo.sources = []
    app, path = make_app(demo, "sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SourcePicker)
        await pilot.press("enter")  # the first preset: Veiligheidsmonitor
        await pilot.pause()
        first = saved(path).sources
        assert [(s.name, s.kind, s.status) for s in first] == [
            ("Veiligheidsmonitor", "quantitative", "available")
        ]

        # Own name: the last option of the picker, then type it.
        await pilot.press("n", "end", "enter")
        await pilot.pause()
        await type_text(pilot, "Buurtapp")
        await pilot.press("enter")
        await pilot.pause()
        assert [s.name for s in saved(path).sources] == ["Veiligheidsmonitor", "Buurtapp"]

        # The new source is selected: mark it planned and give a finding.
        await pilot.press("tab", "tab")  # from the table: name field, then the status row
        await pilot.press("g")
        await pilot.press("tab", "l", "tab")  # kind: kwalitatief, then the finding
        await type_text(pilot, "Na de zomer")
        await pilot.press("shift+tab")  # leaving the field saves it
        await pilot.pause()
        entry = saved(path).sources[1]
        assert (entry.status, entry.kind, entry.finding) == (
            "planned",
            "qualitative",
            "Na de zomer",
        )
        table = app.screen.query_one("#sources-table", DataTable)
        row = [str(c) for c in table.get_row_at(1)[1:]]
        assert row == ["gepland", "kwalitatief", "Na de zomer"]

        # Delete the first after a confirmation; Escape keeps it.
        table.focus()
        await pilot.press("up", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert len(saved(path).sources) == 2
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert [s.name for s in saved(path).sources] == ["Buurtapp"]


async def test_letter_keys_type_text_in_fields(make_app: MakeApp, demo: Session) -> None:
    app, path = make_app(demo, "sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # from the table to the name field
        assert app.focused is not None and app.focused.id is None
        await pilot.press("end")
        await type_text(pilot, " nx")
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)  # no picker, no delete dialog
        sources = saved(path).sources
        assert sources[0].name == "Veiligheidsmonitor 2025 nx"
        assert len(sources) == 5


async def test_read_only_sources_cannot_change(make_app: MakeApp, demo: Session) -> None:
    app, path = make_app(demo, "sources", read_only=True)
    before = path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "x")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
    assert path.read_bytes() == before


async def test_problem_not_problematic_shows_monitoring_advice(
    make_app: MakeApp, demo: Session
) -> None:
    demo.problem.problematic = None
    app, path = make_app(demo, "problem")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        advice = app.screen.query_one("#problem-advice")
        assert not advice.display
        await pilot.press("shift+tab")  # from the first field back round to the question
        await pilot.press("n")
        await pilot.pause()
        assert advice.display
        text = str(app.screen.query_one("#problem-advice-text", Static).render())
        assert "niet problematisch" in text and "Veiligheidsmonitor" in text
        assert saved(path).problem.problematic == "no"

        await pilot.press("j")  # "ja": the advice goes away
        await pilot.pause()
        assert not advice.display

        await pilot.press("n", "pagedown")  # the user may still go on
        await pilot.pause()
        assert saved(path).progress.step == "factors"
