"""About the method: the IAA steps, the clusters and the CCV attribution."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown

from vbwizard.tui.themes import WIZARD_CSS
from vbwizard.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from vbwizard.tui.app import VbWizardApp


class AboutScreen(Screen[None]):
    """The method in the bank's own words, with its source."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Terug")]

    def compose(self) -> ComposeResult:
        """A scrollable Markdown text."""
        bank = cast("VbWizardApp", self.app).bank
        manifest = bank.manifest
        lines = [f"# {manifest.title}", ""]
        if manifest.description:
            lines += [manifest.description, ""]
        for step in manifest.steps:
            lines += [f"## {step.title}", "", step.text, ""]
        lines += ["## De Tafel van 12", ""]
        for cluster in manifest.clusters:
            lines.append(f"**{cluster.number}. {cluster.title}**")
            lines.append("")
            for factor in bank.factors_in(cluster.id):
                marker = " *(eigen reconstructie)*" if factor.reconstructed else ""
                lines.append(f"- {factor.numbered_title}{marker}")
            lines.append("")
        source = manifest.source
        lines += [
            "## Bron",
            "",
            f"{source.name}" + (f" — {source.url}" if source.url else ""),
            "",
            source.note,
        ]
        yield Header()
        with VerticalScroll(id="body"):
            yield Markdown("\n".join(lines))
        yield KeyFooter()
