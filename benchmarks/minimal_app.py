"""The baseline for the start-up benchmark: a minimal Textual app (Header, Static, Footer)."""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hallo")
        yield Footer()

    def on_ready(self) -> None:
        if os.environ.get("VBWIZARD_EXIT_WHEN_READY") == "1":
            self.exit()


if __name__ == "__main__":
    MinimalApp().run()
