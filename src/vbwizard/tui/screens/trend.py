"""The chain of a session in the review: every round, a small chart per factor, the results.

Opened from the review list (``v``) on any session of a chain; the data come
from :func:`vbwizard.trend.build_trend`, the same trajectory ``vbwizard trend``
prints. A branching chain shows both branches (rounds ``2a`` and ``2b``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from vbwizard.trend import FactorTrend, Trend
from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from vbwizard.session.models import Session
    from vbwizard.tui.app import VbWizardApp

BARS = {0: "▁", 1: "▃", 2: "▅", 3: "█"}
"""One bar per round: the taller, the heavier the factor weighs."""
CHANGE_WORDS = {"↑": "↑ zwaarder", "↓": "↓ lichter", "=": "= gelijk", "?": "?"}


def spark(factor: FactorTrend) -> str:
    """A small bar chart of a factor's weights: ``"█▅▃"``; ``?`` unknown, ``·`` no weight."""
    return "".join(
        BARS[w] if isinstance(w, int) else ("?" if w == "unknown" else "·") for w in factor.weights
    )


class TrendScreen(Screen[None]):
    """The trajectory of the chain a session belongs to."""

    CSS_PATH = [WIZARD_CSS, "trend.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.member = session

    def compose(self) -> ComposeResult:
        """The rounds, the chart per factor and the results per round."""
        from vbwizard.chain import load_chain
        from vbwizard.trend import build_trend
        from vbwizard.trend_render import notices, round_lines

        app = cast("VbWizardApp", self.app)
        trend = build_trend(app.bank, load_chain(app.sessions_dir, self.member))
        self.trend = trend
        yield Header()
        with VerticalScroll(id="trend-body"):
            yield Static("Verloop van de reeks", classes="step-title")
            lines = round_lines(trend) + notices(trend)
            yield Static("\n".join(lines), id="trend-rounds", markup=False)
            yield Static("Gewicht per factor per ronde", classes="section-title")
            table: DataTable[Text] = DataTable(id="trend-factors", show_cursor=False)
            table.can_focus = False  # The page scrolls as one.
            table.add_columns("Factor", "Verloop", *[r.label for r in trend.rounds], "Richting")
            for factor in trend.factors:
                table.add_row(
                    Text(factor.title),
                    Text(spark(factor), style="bold"),
                    *[Text(w, justify="center") for w in factor.weight_texts],
                    Text(CHANGE_WORDS.get(factor.change, factor.change)),
                )
            yield table
            yield Static("Resultaten van de acties per ronde", classes="section-title")
            yield Static(self._results(trend), id="trend-results")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the page, so the arrow keys scroll it."""
        self.query_one("#trend-body").focus()

    @staticmethod
    def _results(trend: Trend) -> Text:
        text = Text()
        if not trend.results:
            text.append("Nog geen vervolg: er is nog niets geëvalueerd.")
        current = None
        for r in trend.results:
            if r.round != current:
                current = r.round
                text.append(f"Ronde {r.round} (plan van {r.planned_in})\n", style="bold")
            text.append(f"• {r.title}: {r.status}")
            if r.measured:
                text.append(f" · gemeten: {r.measured}")
            if r.decision:
                text.append(f" · {r.decision}")
            text.append("\n")
        text.rstrip()
        return text
