"""The baseline for the start-up benchmark: a minimal Textual app (Header, Static, Footer)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class MinimalApp(App[None]):
    BINDINGS = [("q", "quit", "Afsluiten")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hallo")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
