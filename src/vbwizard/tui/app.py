"""The vbwizard Textual app: holds the bank, the open session and its store.

Every screen edits ``app.session`` in memory and calls :meth:`VbWizardApp.commit`
when an answer is committed; the app saves through the core ``SessionStore``.
A failed save is reported plainly and retried; nothing typed is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from vbwizard.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:
    # The domain core (pydantic models, the bank loader) is imported where it is
    # used, so the start screen appears before those imports are paid for.
    from textual.command import Provider

    from vbwizard.bank.models import Bank
    from vbwizard.session.lock import SessionLockedError
    from vbwizard.session.models import Mode, Session, Step
    from vbwizard.session.store import SessionStore

RETRY_SECONDS = 5.0


class VbWizardApp(App[None]):
    """Guides a facilitator or an individual through the Tafel van 12."""

    CSS_PATH = "app.tcss"
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
        super().__init__()
        self._bank = bank
        self._bank_path = bank_path
        self._bank_lock = threading.Lock()
        self.startup_problems: list[str] = []
        """Problems with the bank found at start-up; the app ends and prints them."""
        self.sessions_dir = sessions_dir
        self.session: Session | None = None
        self.store: SessionStore | None = None
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
        """The first screen is on the terminal.

        With ``VBWIZARD_EXIT_WHEN_READY=1`` the app stops here: the start-up
        benchmark measures launch-to-first-screen this way, through the real
        ``vbwizard`` command.
        """
        if os.environ.get("VBWIZARD_EXIT_WHEN_READY") == "1":
            self.exit()
            return
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

    @property
    def read_only(self) -> bool:
        """True when the open session may be viewed but not changed."""
        return self.store is not None and self.store.read_only

    # -- sessions ------------------------------------------------------------------

    def start_new_session(self, mode: Mode) -> None:
        """Begin a new session; it is saved once it has a title."""
        from vbwizard.session.create import new_session

        self.close_session()
        self.session = new_session(self.bank, mode=mode)
        self.store = None
        self.goto("scope")

    def open_session(
        self, path: Path, *, read_only: bool = False, take_over_stale: bool = False
    ) -> None:
        """Open a saved session where the user left it; ask when it is locked."""
        from vbwizard.problems import ProblemsError
        from vbwizard.session.lock import SessionLockedError
        from vbwizard.session.store import SessionStore

        try:
            store = SessionStore.open(path, read_only=read_only, take_over_stale=take_over_stale)
        except ProblemsError as exc:
            self.notify(str(exc.problems[0]), title="Sessie niet te openen", severity="error")
            return
        except SessionLockedError as exc:
            self._ask_about_lock(path, exc)
            return
        except OSError as exc:
            self.notify(
                f"{path}: {exc.strerror or exc}", title="Vergrendelen mislukt", severity="error"
            )
            return
        self.close_session()
        self.store = store
        self.session = store.session
        if store.session.bank.id != self.bank.id:
            self.notify(
                f"Deze sessie is gemaakt met vragenbank ‘{store.session.bank.id}’, niet met "
                f"‘{self.bank.id}’. Factoren die de bank niet kent worden niet getoond.",
                severity="warning",
                timeout=10,
            )
        progress = store.session.progress
        self.goto(progress.step, progress.factor, save=False)
        if read_only:
            self.sub_title = "ALLEEN LEZEN"

    def _ask_about_lock(self, path: Path, error: SessionLockedError) -> None:
        from vbwizard.tui.screens.dialogs import ConfirmDialog

        if error.stale:
            question = (
                f"{error}.\nWaarschijnlijk is vbwizard eerder onverwacht gestopt. "
                "Wilt u de sessie overnemen en verder werken?"
            )

            def take_over(yes: bool | None) -> None:
                if yes:
                    self.open_session(path, take_over_stale=True)

            self.push_screen(ConfirmDialog(question, yes="Overnemen", no="Annuleren"), take_over)
        else:
            question = (
                f"{error}.\nTwee mensen tegelijk in één sessie kan antwoorden laten verdwijnen. "
                "Wilt u de sessie alleen bekijken?"
            )

            def read_only(yes: bool | None) -> None:
                if yes:
                    self.open_session(path, read_only=True)

            self.push_screen(ConfirmDialog(question, yes="Alleen lezen", no="Annuleren"), read_only)

    def commit(self) -> bool:
        """Save the session after an answer was committed; report a failure plainly."""
        from vbwizard.problems import ProblemsError
        from vbwizard.session.lock import SessionLockedError
        from vbwizard.session.naming import new_session_id
        from vbwizard.session.store import SessionStore

        if self.session is None or self.read_only:
            return False
        if self.store is None:
            if not self.session.scope.title.strip():
                return False  # A file name needs a title; nothing else is typed yet.
            focused = self.focused
            if focused is not None and focused.id == "title":
                return False  # Still typing the title the file will be named after.
            # The id (and file name) is made from the title the first time it is saved.
            self.session.id = new_session_id(self.session.scope.title)
            try:
                self.store = SessionStore.create(self.session, self.sessions_dir)
            except ProblemsError as exc:
                self._report_save_failure(exc.problems[0].message)
                return False
            except (SessionLockedError, OSError) as exc:
                self._report_save_failure(str(exc))
                return False
            return self._after_save(self.store.last_error is None)
        return self._after_save(self.store.commit())

    def _after_save(self, ok: bool) -> bool:
        if ok:
            if not self.read_only and self.store is not None:
                self.sub_title = f"Opgeslagen · {self.store.path.name}"
            return True
        reason = self.store.last_error if self.store else None
        self._report_save_failure(reason or "onbekende fout")
        return False

    def _report_save_failure(self, reason: str) -> None:
        self.sub_title = "NIET OPGESLAGEN"
        self.notify(
            f"Opslaan is mislukt: {reason}.\n"
            "Uw antwoorden blijven bewaard zolang vbwizard open is; "
            f"het wordt elke {RETRY_SECONDS:.0f} seconden opnieuw geprobeerd.\n"
            "Ctrl+S: nu opnieuw · Ctrl+E: in een andere map opslaan.",
            title="Niet opgeslagen",
            severity="error",
            timeout=8,
        )

    def _retry_failed_save(self) -> None:
        store = self.store
        if store is not None and store.dirty and not self.read_only and store.retry():
            self.sub_title = f"Opgeslagen · {store.path.name}"
            self.notify("De sessie is alsnog opgeslagen.", title="Opgeslagen")

    def close_session(self) -> None:
        """Save what is pending and release the lock (safe to call twice)."""
        store, self.store = self.store, None
        if store is not None:
            store.close()

    # -- navigation ----------------------------------------------------------------

    def goto(self, step: Step, factor: str | None = None, *, save: bool = True) -> None:
        """Show a step of the wizard (and a factor page within step 4)."""
        from vbwizard.session.models import Progress
        from vbwizard.tui.screens import screen_for
        from vbwizard.tui.screens.step import StepScreen

        if self.session is None:
            return
        self.session.progress = Progress(step=step, factor=factor)
        if save:
            self.commit()
        screen = screen_for(step, factor)
        if isinstance(self.screen, StepScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def go_home(self) -> None:
        """Back to the start screen (the session stays saved)."""
        from vbwizard.tui.screens.step import StepScreen

        self.commit()
        self.close_session()
        self.session = None
        self.sub_title = self.SUB_TITLE
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, StepScreen):
            self.pop_screen()
        from vbwizard.tui.screens.start import StartScreen

        if isinstance(self.screen, StartScreen):
            self.screen.refresh_sessions()

    # -- actions -------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Save, unlock and leave."""
        self.commit()
        self.close_session()
        self.exit()

    def action_save(self) -> None:
        """Save now (also retries a failed save)."""
        if self.session is None:
            return
        if self.commit():
            self.notify("Opgeslagen.", timeout=2)

    def action_save_elsewhere(self) -> None:
        """Save to another folder when the usual one refuses."""
        from vbwizard.problems import ProblemsError
        from vbwizard.session.lock import SessionLockedError
        from vbwizard.session.store import SessionStore
        from vbwizard.tui.screens.dialogs import InputDialog

        if self.session is None or self.read_only:
            return

        def save_to(folder: str | None) -> None:
            if not folder or self.session is None:
                return
            target = Path(folder).expanduser()
            try:
                if self.store is None:
                    self.store = SessionStore.create(self.session, target)
                    path = self.store.path
                else:
                    path = self.store.save_to(target)
            except (ProblemsError, OSError, SessionLockedError) as exc:
                message = str(exc.problems[0]) if isinstance(exc, ProblemsError) else str(exc)
                self.notify(message, title="Ook daar lukt opslaan niet", severity="error")
                return
            self.sessions_dir = target
            self.sub_title = f"Opgeslagen · {path}"
            self.notify(f"Opgeslagen in {path}", title="Opgeslagen")

        self.push_screen(
            InputDialog(
                "In welke map wilt u de sessie opslaan?",
                value=str(Path.home() / "vbwizard-sessies"),
            ),
            save_to,
        )

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
