"""The vbwizard Textual app: the bank, start-up, signals, themes and commands.

The open session (create, open, save, lock, navigate) is handled by its base
class :class:`~vbwizard.tui.session_app.SessionApp`.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from vbwizard.tui.session_app import RETRY_SECONDS, SessionApp
from vbwizard.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:
    # The domain core (pydantic models, the bank loader) is imported where it is
    # used, so the start screen appears before those imports are paid for.
    from textual.command import Provider

    from vbwizard.bank.models import Bank


class VbWizardApp(SessionApp):
    """Guides a facilitator or an individual through the Tafel van 12."""

    CSS_PATH = "start.tcss"  # the other screens bring app.tcss (themes.WIZARD_CSS)
    TITLE = "vbwizard"
    SUB_TITLE = "Tafel van 12 · veiligheidsbeleving"
    COMMANDS = App.COMMANDS | {lambda: _factor_commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Afsluiten", priority=True, tooltip="Opslaan en afsluiten"),
        Binding("ctrl+c", "quit", "Afsluiten", show=False, priority=True),
        Binding("q", "quit", "Afsluiten", show=False),
        Binding("ctrl+s", "save", "Opslaan", show=False, tooltip="Nu opslaan"),
        Binding("ctrl+e", "save_elsewhere", "Elders opslaan", show=False),
        Binding("ctrl+t", "toggle_contrast", "Contrast", show=False),
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
        """Load the bank and the session list off the UI thread after the first frame."""
        from vbwizard.problems import ProblemsError

        try:
            self.bank  # noqa: B018 - loads and caches it
        except ProblemsError as exc:
            self.startup_problems = [str(p) for p in exc.problems]
            self.call_from_thread(self.exit, None, 2)
            return
        from vbwizard.tui.screens.start import StartScreen

        with contextlib.suppress(RuntimeError):  # the app may already be closing
            for screen in self.screen_stack:
                if isinstance(screen, StartScreen):
                    self.call_from_thread(screen.show_bank)
                    self.call_from_thread(screen.refresh_sessions)

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
        """The first screen is on the terminal: load the rest in the background."""
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
        # Terminal closed or the system asks us to stop: save, unlock, restore the terminal.
        self.close_session()
        self.exit()

    # -- actions -------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Save, unlock and leave."""
        self.commit()
        self.close_session()
        self.exit()

    def action_toggle_contrast(self) -> None:
        """Switch between the normal and the high-contrast (projector) theme."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def get_system_commands(self, screen: Screen[object]) -> object:  # type: ignore[override]
        """Add vbwizard's commands to the command palette."""
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Hoog contrast aan/uit", "Thema voor projectors", self.action_toggle_contrast
        )
        if self.session is not None:
            yield SystemCommand("Opslaan", "Sla de sessie nu op", self.action_save)
            yield SystemCommand(
                "Elders opslaan", "Sla de sessie op in een andere map", self.action_save_elsewhere
            )


def _factor_commands() -> type[Provider]:
    from vbwizard.tui.commands import FactorCommands

    return FactorCommands
