"""The vbwizard Textual app: the bank, start-up, signals, themes and commands.

The open session (create, open, save, lock, navigate) is handled by its base
class :class:`~vbwizard.tui.session_app.SessionApp`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen, Screen

from vbwizard.tui.session_app import RETRY_SECONDS, SessionApp
from vbwizard.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:
    # The domain core (pydantic models, the bank loader) is imported where it is
    # used, so the start screen appears before those imports are paid for.
    from textual.command import Provider

    from vbwizard.bank.models import Bank


SIGNAL_EXIT_SECONDS = 1.0
"""After a stop signal the session is saved at once; the process ends within this time."""


class BankLoaded(Message):
    """The background load of the question bank finished (with its problems, if any)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__()
        self.problems = problems


class VbWizardApp(SessionApp):
    """Guides a facilitator or an individual through the Tafel van 12."""

    CSS_PATH = "start.tcss"  # the other screens bring app.tcss (themes.WIZARD_CSS)
    TITLE = "vbwizard"
    SUB_TITLE = "Tafel van 12 · veiligheidsbeleving"
    COMMANDS = App.COMMANDS | {lambda: _factor_commands()}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012 - Textual's type
    """Screens narrower than 80 columns get the class ``-narrow`` (see app.tcss)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Afsluiten", priority=True, tooltip="Opslaan en afsluiten"),
        Binding("ctrl+c", "quit", "Afsluiten", show=False, priority=True),
        # Priority: text fields bind some of these keys themselves (ctrl+e is "end of
        # line" in Input and TextArea), and a global key must work in every field.
        Binding("ctrl+s", "save", "Opslaan", show=False, priority=True, tooltip="Nu opslaan"),
        Binding("ctrl+e", "save_elsewhere", "Elders opslaan", show=False, priority=True),
        Binding("ctrl+t", "toggle_contrast", "Contrast", show=False, priority=True),
        # Our own palette binding, so the footer says "Menu" instead of Textual's "palette"
        # (short, so the footer still fits 80 columns).
        Binding(
            "ctrl+p",
            "command_palette",
            "Menu",
            show=False,
            priority=True,
            tooltip="Zoek een opdracht: ga naar een factor of stap, exporteer, thema",
        ),
    ]

    def __init__(
        self,
        *,
        sessions_dir: Path,
        bank: Bank | None = None,
        bank_path: Path | None = None,
        session_path: Path | None = None,
        read_only: bool = False,
        handle_signals: bool = True,
    ) -> None:
        super().__init__(sessions_dir=sessions_dir)
        self._bank = bank
        self._bank_path = bank_path
        self._bank_lock = threading.Lock()
        self.startup_problems: list[str] = []
        """Problems with the bank found at start-up; the app ends and prints them."""
        self._initial_path = session_path
        self._initial_read_only = read_only
        self._handle_signals = handle_signals

    # -- the bank ------------------------------------------------------------------

    @property
    def bank(self) -> Bank:
        """The question bank, loaded on first use (or by the preload after start-up)."""
        with self._bank_lock:
            if self._bank is None:
                from vbwizard.bank.loader import load_bank

                self._bank = load_bank(self._bank_path)
            return self._bank

    @property
    def bank_loaded(self) -> bool:
        """True once the bank is in memory."""
        return self._bank is not None

    def _preload(self) -> None:
        """Load the bank and the session list off the UI thread after the first frame.

        The result is posted, never waited for: a worker that blocks on the UI
        thread while the app is closing (the terminal closed during start-up)
        would keep the process alive for good.
        """
        from vbwizard.problems import ProblemsError

        try:
            self.bank  # noqa: B018 - loads and caches it
        except ProblemsError as exc:
            self.post_message(BankLoaded([str(p) for p in exc.problems]))
            return
        self.post_message(BankLoaded([]))

    def on_bank_loaded(self, message: BankLoaded) -> None:
        """The bank is in memory (or has problems): update the start screen, or stop."""
        if message.problems:
            self.startup_problems = message.problems
            self.exit(None, 2)
            return
        from vbwizard.tui.screens.start import StartScreen

        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.show_bank()
                screen.refresh_sessions()

    # -- lifecycle -----------------------------------------------------------------

    def on_mount(self) -> None:
        """Show the start screen, then the requested session if any."""
        self.register_theme(HIGH_CONTRAST)
        if self._handle_signals:
            self._install_signal_handlers()
        from vbwizard.tui.screens.start import StartScreen

        self.push_screen(StartScreen())
        if self._initial_path is not None:
            self.open_session(self._initial_path, read_only=self._initial_read_only)
        self.set_interval(RETRY_SECONDS, self._retry_failed_save)

    def on_ready(self) -> None:
        """The first screen is on the terminal: load the rest in the background.

        What start-up built lives as long as the app, so it is frozen out of the
        cycle collector's scans before collection is turned back on (the command
        line turns it off while starting).
        """
        gc.freeze()
        gc.enable()
        self.run_worker(self._preload, thread=True, exclusive=True, group="preload")

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._quit_on_signal)

    def on_unmount(self) -> None:
        """Restore default signal handling."""
        if self._handle_signals:
            with contextlib.suppress(Exception):
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGTERM, signal.SIGHUP):
                    loop.remove_signal_handler(sig)

    def _quit_on_signal(self) -> None:
        # Terminal closed or the system asks us to stop: save and unlock first, then
        # leave. Restoring a terminal that is gone can block on its output, so a
        # watchdog ends the process if the orderly exit takes too long.
        self.close_session()
        watchdog = threading.Timer(SIGNAL_EXIT_SECONDS, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    # -- actions -------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Save, unlock and leave."""
        self.close_session()
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Leave Ctrl+S and Ctrl+E to an open dialog (the action editor saves with Ctrl+S).

        These keys have priority so that they work inside text fields; in a dialog
        they fall through to the dialog's own bindings instead, and Ctrl+E cannot
        stack a second "save elsewhere" dialog on the first.
        """
        if action in ("save", "save_elsewhere") and isinstance(self.screen, ModalScreen):
            return False
        return super().check_action(action, parameters)

    def action_toggle_contrast(self) -> None:
        """Switch between the normal and the high-contrast (projector) theme."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def action_command_palette(self) -> None:
        """Open the command palette, in Dutch."""
        from vbwizard.tui.commands import DutchCommandPalette

        if self.use_command_palette and not DutchCommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                DutchCommandPalette(placeholder="Zoek een opdracht…", id="--command-palette")
            )

    def action_change_theme(self) -> None:
        """Choose a theme from the palette, in Dutch."""
        from textual.theme import ThemeProvider

        from vbwizard.tui.commands import DutchCommandPalette

        self.push_screen(
            DutchCommandPalette(providers=[ThemeProvider], placeholder="Zoek een thema…")
        )

    def get_system_commands(self, screen: Screen[object]) -> object:  # type: ignore[override]
        """The command palette's system commands, in Dutch, plus vbwizard's own.

        Textual's own list is English; these are the same commands, worded for our users.
        """
        yield SystemCommand("Thema", "Kies een ander kleurenthema", self.action_change_theme)
        yield SystemCommand(
            "Hoog contrast aan/uit", "Thema voor projectors", self.action_toggle_contrast
        )
        if screen.query("HelpPanel"):
            yield SystemCommand(
                "Toetsen", "Verberg het toetsenoverzicht", self.action_hide_help_panel
            )
        else:
            yield SystemCommand(
                "Toetsen",
                "Toon de toetsen en uitleg bij het veld waar je bent",
                self.action_show_help_panel,
            )
        if screen.maximized is not None:
            yield SystemCommand("Verkleinen", "Zet het vergrote veld terug", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                "Vergroten", "Vergroot het veld waar je bent", screen.action_maximize
            )
        yield SystemCommand(
            "Schermafbeelding",
            "Bewaar een afbeelding (SVG) van het huidige scherm",
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        if self.session is not None:
            yield SystemCommand(
                "Naar het startscherm", "De sessie blijft bewaard (Ctrl+O)", self.go_home
            )
            yield SystemCommand("Opslaan", "Sla de sessie nu op", self.action_save)
            yield SystemCommand(
                "Elders opslaan", "Sla de sessie op in een andere map", self.action_save_elsewhere
            )
        yield SystemCommand("Afsluiten", "Sla op en sluit vbwizard af", self.action_quit)


def _factor_commands() -> type[Provider]:
    from vbwizard.tui.commands import FactorCommands

    return FactorCommands
