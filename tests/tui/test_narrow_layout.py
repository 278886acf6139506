"""Nothing that matters is cut at 80×24 (the main size) or 60×20 (the smallest usable one)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from tests.tui.conftest import MakeApp
from tests.tui.helpers import type_text
from vbwizard.session.models import Session
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.export_dialog import ExportDialog
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.grid import GridScreen
from vbwizard.tui.screens.step import StepBar
from vbwizard.tui.screens.summary import SummaryScreen
from vbwizard.tui.widgets.choice_row import ChoiceOption, ChoiceRow
from vbwizard.tui.widgets.factor_grid import FactorCell

MAIN, SMALLEST = (80, 24), (60, 20)
QUALITY = "kwaliteit-van-de-aanpak"


def _inside(widget: Widget, outer: Widget) -> bool:
    region, box = widget.region, outer.content_region
    return box.x <= region.x and region.right <= box.right


def _footer(app: VbWizardApp) -> dict[str, str]:
    """The footer keys drawn whole (key and label), by key."""
    # Textual does not export its footer key widget; its CSS type name finds it without
    # importing a private module, and ``key`` and ``description`` are public attributes.
    keys = list(app.screen.query("FooterKey"))
    palette = next((k for k in keys if k.has_class("-command-palette")), None)
    # Below 80 columns the footer leaves the ^p key out (KeyFooter): the screen's edge.
    edge = palette.region.x if palette is not None else app.screen.size.width
    return {
        k.key: k.description
        for k in keys
        if k is not palette and k.region.width and k.region.right <= edge
    }


async def _drawn_footer(pilot: Pilot[None], app: VbWizardApp) -> dict[str, str]:
    """The footer keys once the key bar is laid out and settled.

    That happens on a later screen update, which at the tests' frame rate (``TEXTUAL_FPS``,
    see tests/conftest.py) and on a busy machine may take a while; and a screen that moves
    the focus after it shows rebuilds its key bar once more. So: the same keys on two
    updates in a row, waiting five seconds at most.
    """
    previous: dict[str, str] | None = None
    for _ in range(50):
        await pilot.pause(0.1)
        keys = list(app.screen.query("FooterKey"))
        narrow = app.screen.size.width < 80  # no ^p key there: any key laid out will do
        if not any((narrow or k.has_class("-command-palette")) and k.region.width for k in keys):
            continue
        shown = _footer(app)
        if shown == previous:
            break
        previous = shown
    return _footer(app)


async def test_the_weight_row_shows_every_option_whole(make_app: MakeApp, demo: Session) -> None:
    for size in (MAIN, SMALLEST):
        session = demo.model_copy(deep=True)
        session.id = f"{demo.id}-{size[0]}"
        app, _ = make_app(session, "factors")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.goto("factors", QUALITY, save=False)
            await pilot.pause()
            row = app.screen.query_one("#weight", ChoiceRow)
            row.focus()  # scrolled into view
            await pilot.pause()
            options = list(row.query(ChoiceOption))
            assert [o.choice.value for o in options] == [0, 1, 2, 3, "unknown"]
            for option in options:
                assert _inside(option, row), (size, option.choice.label)
                assert (
                    option.region.width == len(f"[{option.choice.key}] {option.choice.label}") + 2
                )


async def test_the_actions_footer_shows_its_keys_and_quit_with_labels(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "actions")
    async with app.run_test(size=MAIN) as pilot:
        shown = await _drawn_footer(pilot, app)
    for key in ("a", "r", "enter", "n", "pagedown", "ctrl+q"):
        assert key in shown, shown
    assert shown["ctrl+q"] == "Afsluiten"


async def test_every_step_footer_keeps_quit_whole_at_80_columns(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "scope")
    async with app.run_test(size=MAIN) as pilot:
        for step in ("scope", "sources", "problem", "priorities", "goal", "summary"):
            app.goto(step, save=False)  # type: ignore[arg-type]
            shown = await _drawn_footer(pilot, app)
            assert shown.get("ctrl+q") == "Afsluiten", (step, shown)
            assert "ctrl+o" in shown, (step, shown)  # the way back to the start screen
        for factor in (None, QUALITY):
            app.goto("factors", factor, save=False)
            assert (await _drawn_footer(pilot, app)).get("ctrl+q") == "Afsluiten", factor


async def test_at_60_columns_quit_shows_whole_where_the_keys_fit(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "scope")
    async with app.run_test(size=SMALLEST) as pilot:
        # Not yet on the sources step, the factor page and the review list: their own
        # keys take the room (before, no screen showed it whole at 60 columns).
        for step in ("scope", "problem", "priorities", "goal", "summary"):
            app.goto(step, save=False)  # type: ignore[arg-type]
            shown = await _drawn_footer(pilot, app)
            assert shown.get("ctrl+q") == "Afsluiten", (step, shown)
            assert not app.screen.query("FooterKey.-command-palette"), "^p makes room"
        await pilot.press("ctrl+p")  # the command palette still opens
        await pilot.pause()
        assert type(app.screen).__name__.endswith("CommandPalette")


async def test_a_single_line_input_shows_the_start_of_its_text_after_leaving(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "scope")
    async with app.run_test(size=MAIN) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#title", Input)
        title.focus()
        await pilot.press("end")
        await type_text(pilot, " met een heel lange toevoeging die niet op een regel past")
        assert title.scroll_offset.x > 0  # while typing: the end, where the cursor is
        await pilot.press("tab")
        await pilot.pause()
        assert title.scroll_offset.x == 0
        assert title.cursor_position == 0


async def test_the_summary_shows_each_action_with_owner_and_dates(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "summary")
    async with app.run_test(size=MAIN) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        plan = screen.query_one("#summary-plan", Static)
        text = str(plan.render())
        lines = Console(width=plan.content_region.width).render_lines(plan.content)
        assert len(lines) == plan.region.height  # every line shown, none cut off
    accepted = [a for a in demo.actions if a.status == "accepted"]
    assert accepted
    for action in accepted:
        assert action.title in text
        assert action.owner and action.owner in text
        assert action.start and f"{action.start.day}-{action.start.month}-" in text


async def test_the_export_dialog_shows_the_whole_path(
    make_app: MakeApp, demo: Session, tmp_path
) -> None:
    app, _ = make_app(demo, "summary")
    long_path = tmp_path / ("een-heel-diepe-map-met-een-lange-naam-" * 2) / "rapport.html"
    async with app.run_test(size=MAIN) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(long_path)
        await pilot.pause()
        shown = dialog.query_one("#export-full-path", Static)
        assert str(shown.render()) == str(long_path)
        lines = Console(width=shown.content_region.width).render_lines(Text(str(long_path)))
        assert len(lines) > 1  # longer than the field: wrapped, and every line shown
        assert len(lines) == shown.region.height


async def test_at_60_columns_grid_tiles_keep_whole_words_and_their_weights(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "factors")
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        cells = list(app.screen.query(FactorCell))
        assert len(cells) == 12
        for cell in cells:
            width = cell.content_region.width
            lines = Console(width=width).render_lines(cell.render(), pad=False)
            words = [w for line in lines for w in "".join(s.text for s in line).split()]
            title = f"{cell.factor.number} {cell.title}"
            assert words[: len(title.split())] == title.split(), (cell.factor.id, words)
            assert len(lines) <= cell.content_region.height, (cell.factor.id, lines)
            answer = demo.factors[cell.factor.id]
            assert str(answer.weight) in words[-2:], (cell.factor.id, words)


async def test_at_60_columns_the_step_bar_shows_the_current_step(
    make_app: MakeApp, demo: Session
) -> None:
    app, _ = make_app(demo, "summary")
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StepBar)
        text = bar.render()
        assert "8 Samenvatting" in text.plain
        assert text.cell_len <= bar.content_region.width
        app.goto("factors", QUALITY, save=False)
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        assert "4 Tafel" in app.screen.query_one(StepBar).render().plain
