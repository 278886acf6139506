"""Themes and stylesheets: a high-contrast theme for projectors, beside Textual's own."""

from __future__ import annotations

from pathlib import Path

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="vbwizard-hoog-contrast",
    primary="#FFD700",
    secondary="#00BFFF",
    accent="#FFD700",
    warning="#FFA500",
    error="#FF5555",
    success="#7CFC00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    # Text fields are drawn on $boost; on pure black it must be clearly visible.
    boost="#303030",
    dark=True,
    luminosity_spread=0.2,
    text_alpha=1.0,
)
"""Black background, white text, yellow focus: readable from the back of a room."""

DEFAULT_THEME = "textual-dark"

WIZARD_CSS = Path(__file__).with_name("app.tcss")
"""The styles of every screen but the start screen (whose rules are in ``start.tcss``).

Each of those screens names it as its ``CSS_PATH``; Textual parses it when the first
of them opens, so the first frame only waits for the start screen's few rules.
"""
