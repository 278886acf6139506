"""The key bar at the bottom, redrawn only when the keys it shows change.

Textual's footer rebuilds all its key widgets whenever the focused widget's
bindings *might* have changed, which is every focus move. Each rebuild mounts
new widgets and lays out the whole screen again: on a busy step that made
every Tab cost a full layout even though moving between two text fields
changes no visible key. This footer compares what it would show with what it
shows and leaves itself alone when they are the same.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

KeyBar = tuple[Hashable, ...]
COMPACT_BELOW = 80
"""Columns under which the footer uses Textual's compact style (less space per key)."""


def shown_keys(screen: Screen[object]) -> KeyBar:
    """What a footer on ``screen`` shows: each visible binding, enabled or not, in order."""
    return tuple(
        (
            binding.key,
            binding.key_display,
            binding.description,
            binding.action,
            binding.group,
            enabled,
            tooltip,
        )
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that rebuilds only when its keys change."""

    _composed: KeyBar | None = None
    _compact_when_wide = False

    def compose(self) -> ComposeResult:
        """Textual's footer, remembering which keys it drew."""
        # Textual's own flag (Footer._bindings_ready): until it is set its footer draws
        # nothing, so there is nothing to remember. Collecting super().compose() instead
        # would break its `with KeyGroup()` nesting.
        if self._bindings_ready:
            self._composed = shown_keys(self.screen)
        yield from super().compose()

    def on_mount(self) -> None:
        """Fit the terminal's width from the start (a screen opened on a narrow terminal)."""
        self._compact_when_wide = self.compact
        self._fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the new width."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        # Below 80 columns: keys closer together and no ^p, so that "^q Afsluiten"
        # shows. The command palette still opens with ctrl+p; quitting is the key
        # people look for.
        narrow = width < COMPACT_BELOW
        if self.show_command_palette == narrow:
            self.show_command_palette = not narrow
            self.compact = narrow or self._compact_when_wide
            self.refresh(recompose=True)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild as Textual does, unless the keys shown would be the same."""
        if (
            self._composed is not None
            and screen is self.screen
            and shown_keys(screen) == self._composed
        ):
            return
        super().bindings_changed(screen)
