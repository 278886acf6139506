"""The open session in the app: which controller is open, its save state, and the steps.

The session's life cycle (create, open, commit, close, save rules, retry, lock)
lives in the core :class:`~vbwizard.session.controller.SessionController`. This
class only opens and closes controllers, shows their save state (one reactive,
one watcher) and moves between the step screens. Screens keep the controller
they were made for, so a field of a closed session can never save into the
next one, nor create a file of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.reactive import reactive

from vbwizard.errors import os_reason
from vbwizard.save_state import SaveState

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from vbwizard.bank.models import Bank
    from vbwizard.session.controller import SessionController
    from vbwizard.session.lock import SessionLockedError
    from vbwizard.session.models import Mode, Session, Step

RETRY_SECONDS = 5.0


class SessionApp(App[None]):
    """The part of the app that owns the open session's controller."""

    save_state: reactive[tuple[SaveState, str]] = reactive(
        (SaveState.CLOSED, ""), always_update=True, init=False
    )
    """The open session's save state and its status line; the one source of ``sub_title``."""

    def __init__(self, *, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.controller: SessionController | None = None
        self._baseline: tuple[str, Session | None] | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast; its text is always literal, never markup.

        Messages quote titles, names, paths and lock owners, which may hold
        ``[/b]`` or ``[@click=app.quit]``; none of vbwizard's own messages uses
        markup, so ``markup`` is ignored (kept for Textual's signature).
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def bank(self) -> Bank:
        """The question bank (provided by the app)."""
        raise NotImplementedError

    @property
    def session(self) -> Session | None:
        """The open session, if any."""
        return self.controller.session if self.controller is not None else None

    @property
    def read_only(self) -> bool:
        """True when the open session may be viewed but not changed."""
        return self.controller is not None and not self.controller.editable

    # -- the save state ----------------------------------------------------------------

    def _adopt(self, controller: SessionController) -> None:
        """Make ``controller`` the open session (closing the previous one)."""
        self.close_session()
        self.controller = controller
        controller.subscribe(self._on_controller_change)
        self._on_controller_change(controller)

    def _on_controller_change(self, controller: SessionController) -> None:
        if controller is self.controller and self.is_running:
            self.save_state = (controller.state, controller.status_line())

    def watch_save_state(self, old: tuple[SaveState, str], new: tuple[SaveState, str]) -> None:
        """Show the save state in the header; say so once when saving starts to fail."""
        state, line = new
        self.sub_title = line or (self.SUB_TITLE or "")
        if state is SaveState.FAILED and old[0] is not SaveState.FAILED:
            self._report_save_failure()
        elif old[0] is SaveState.FAILED and state is SaveState.SAVED:
            self.notify("De sessie is alsnog opgeslagen.", title="Opgeslagen")

    def _report_save_failure(self) -> None:
        reason = (self.controller.last_error if self.controller else None) or "onbekende fout"
        self.notify(
            f"Opslaan is mislukt: {reason}.\n"
            "Je antwoorden blijven bewaard zolang vbwizard open is; "
            f"het wordt elke {RETRY_SECONDS:.0f} seconden opnieuw geprobeerd.\n"
            "Ctrl+S: nu opnieuw · Ctrl+E: in een andere map opslaan.",
            title="Niet opgeslagen",
            severity="error",
            timeout=8,
            markup=False,
        )

    # -- sessions ------------------------------------------------------------------

    def start_new_session(self, mode: Mode) -> None:
        """Begin a new session; it is saved once it has a title."""
        from vbwizard.session.controller import SessionController

        self._adopt(SessionController.new(self.bank, self.sessions_dir, mode=mode))
        self.goto("scope")

    def open_session(
        self,
        path: Path,
        *,
        read_only: bool = False,
        take_over_stale: bool = False,
        screen: Screen[None] | None = None,
    ) -> bool:
        """Open a saved session where the user left it; ask when it is locked.

        A completed session opens for viewing, with the question whether to
        reopen it for changes.

        Args:
            path: The session file.
            read_only: View it without the lock; nothing can be changed.
            take_over_stale: Take over a lock a crashed instance left behind.
            screen: Show this screen instead of the step the user left off at
                (the review screen's read-only summary).

        Returns:
            True when the session is open; False when it could not be opened or
            a question about its lock is being asked.
        """
        from vbwizard.problems import ProblemsError
        from vbwizard.session.controller import SessionController
        from vbwizard.session.lock import SessionLockedError

        try:
            controller = SessionController.open(
                path, read_only=read_only, take_over_stale=take_over_stale
            )
        except ProblemsError as exc:
            self.notify(
                str(exc.problems[0]), title="Sessie niet te openen", severity="error", markup=False
            )
            return False
        except SessionLockedError as exc:
            self._ask_about_lock(path, exc)
            return False
        except OSError as exc:
            self.notify(
                f"{path}: {os_reason(exc)}",
                title="Vergrendelen mislukt",
                severity="error",
                markup=False,
            )
            return False
        self._adopt(controller)
        if controller.session.bank.id != self.bank.id:
            self.notify(
                f"Deze sessie is gemaakt met vragenbank ‘{controller.session.bank.id}’, niet met "
                f"‘{self.bank.id}’. Factoren die de bank niet kent worden niet getoond.",
                severity="warning",
                timeout=10,
                markup=False,
            )
        if screen is not None:
            self.push_screen(screen)
        else:
            progress = controller.session.progress
            self.goto(progress.step, progress.factor, save=False)
            if controller.state is SaveState.COMPLETED:
                self._ask_to_reopen()
        return True

    def open_new_session(self, session: Session, *, screen: Screen[None] | None = None) -> bool:
        """Save a session built elsewhere (a follow-up, a merge) and open it at its progress.

        The file gets a fresh id if one with this id exists, so an existing
        session is never overwritten. ``screen``, if given, is shown instead of
        the step of its progress (a merge opens on "where do we disagree?").
        """
        from vbwizard.problems import ProblemsError
        from vbwizard.session.controller import SessionController
        from vbwizard.session.lock import SessionLockedError

        try:
            controller = SessionController.start(session, self.sessions_dir)
        except ProblemsError as exc:
            self.notify(
                str(exc.problems[0]), title="Niet opgeslagen", severity="error", markup=False
            )
            return False
        except (SessionLockedError, OSError) as exc:
            self.notify(str(exc), title="Niet opgeslagen", severity="error", markup=False)
            return False
        self._adopt(controller)
        if screen is not None:
            self.push_screen(screen)
        else:
            self.goto(session.progress.step, session.progress.factor, save=False)
        return True

    @property
    def baseline(self) -> Session | None:
        """The baseline the open session follows up, read once; ``None`` if none or unreadable."""
        ref = self.session.links.followup_of if self.session is not None else None
        if ref is None:
            return None
        if self._baseline is None or self._baseline[0] != ref:
            from vbwizard.followup import load_baseline

            # Cached per id: every factor page asks, and the file does not change meanwhile.
            self._baseline = (ref, load_baseline(self.sessions_dir, ref))
        return self._baseline[1]

    def _ask_about_lock(self, path: Path, error: SessionLockedError) -> None:
        from vbwizard.tui.screens.dialogs import ConfirmDialog

        if error.stale:
            question = (
                f"{error}.\nWaarschijnlijk is vbwizard eerder onverwacht gestopt. "
                "Wil je de sessie overnemen en verder werken?"
            )

            def take_over(yes: bool | None) -> None:
                if yes:
                    self.open_session(path, take_over_stale=True)

            self.push_screen(ConfirmDialog(question, yes="Overnemen", no="Annuleren"), take_over)
        else:
            question = (
                f"{error}.\nTwee mensen tegelijk in één sessie kan antwoorden laten verdwijnen. "
                "Wil je de sessie alleen bekijken?"
            )

            def read_only(yes: bool | None) -> None:
                if yes:
                    self.open_session(path, read_only=True)

            self.push_screen(ConfirmDialog(question, yes="Alleen lezen", no="Annuleren"), read_only)

    def _ask_to_reopen(self) -> None:
        """A completed session (often a baseline) changes only after an explicit yes."""
        from vbwizard.tui.screens.dialogs import ConfirmDialog

        question = (
            "Deze sessie is afgerond. Een afgeronde sessie is vaak de nulmeting van een "
            "vervolg; daarom is ze nu alleen te bekijken.\n"
            "Wil je haar heropenen om iets te wijzigen? De status wordt dan weer ‘bezig’."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.reopen_session()

        self.push_screen(ConfirmDialog(question, yes="Heropenen", no="Alleen bekijken"), answered)

    def reopen_session(self) -> None:
        """Make a completed session editable again, visibly, and show the step afresh."""
        controller = self.controller
        if controller is None or not controller.reopen():
            return
        self.notify("Sessie heropend: de status is weer ‘bezig’.", title="Heropend", timeout=5)
        progress = controller.session.progress
        self.goto(progress.step, progress.factor, save=False)

    def _retry_failed_save(self) -> None:
        controller = self.controller
        if controller is not None and controller.state is SaveState.FAILED:
            controller.retry()

    def close_session(self) -> None:
        """Save what is pending, release the lock and forget the session (safe to call twice)."""
        controller, self.controller = self.controller, None
        self._baseline = None
        if controller is not None:
            self._apply_focused_field()
            controller.close()
        if self.is_running:
            self.sub_title = self.SUB_TITLE or ""

    def _apply_focused_field(self) -> None:
        """A field that applies its text only when left gets that chance before closing."""
        from vbwizard.tui.widgets.fields import BoundInput

        focused = self.focused if self.is_running else None
        if isinstance(focused, BoundInput):
            focused.apply_pending()

    # -- navigation ----------------------------------------------------------------

    def goto(self, step: Step, factor: str | None = None, *, save: bool = True) -> None:
        """Show a step of the wizard (and a factor page within step 4)."""
        from vbwizard.tui.screens import screen_for
        from vbwizard.tui.screens.step import StepScreen

        controller = self.controller
        if controller is None:
            return
        controller.move_to(step, factor)
        if save:
            controller.commit()
        screen = screen_for(step, factor)
        if isinstance(self.screen, StepScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def go_home(self) -> None:
        """Back to the start screen (the session is saved and closed)."""
        from vbwizard.tui.screens.step import StepScreen

        self.close_session()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, StepScreen):
            self.pop_screen()  # the start screen recounts the sessions when it resumes

    def action_save(self) -> None:
        """Save now (also retries a failed save)."""
        controller = self.controller
        if controller is None:
            return
        if not controller.editable:
            self.notify("Deze sessie is alleen te bekijken.", severity="warning", timeout=3)
        elif controller.commit():
            self.notify("Opgeslagen.", timeout=2)

    def action_save_elsewhere(self) -> None:
        """Save to another folder when the usual one refuses."""
        from vbwizard.problems import ProblemsError
        from vbwizard.session.lock import SessionLockedError
        from vbwizard.tui.screens.dialogs import InputDialog

        controller = self.controller
        if controller is None or not controller.editable:
            return

        def save_to(folder: str | None) -> None:
            if not folder or controller is not self.controller:
                return
            target = Path(folder).expanduser()
            try:
                path = controller.save_to(target)
            except (ProblemsError, OSError, SessionLockedError) as exc:
                message = str(exc.problems[0]) if isinstance(exc, ProblemsError) else str(exc)
                self.notify(
                    message, title="Ook daar lukt opslaan niet", severity="error", markup=False
                )
                return
            self.sessions_dir = target
            self.notify(f"Opgeslagen in {path}", title="Opgeslagen", markup=False)

        self.push_screen(
            InputDialog(
                "In welke map wil je de sessie opslaan?",
                value=str(Path.home() / "vbwizard-sessies"),
            ),
            save_to,
        )

    def export_report(self) -> None:
        """Ask for a format and a file, then write the open session's report there."""
        from vbwizard.tui.screens.export_dialog import ExportDialog

        if self.session is not None:
            self.push_screen(ExportDialog(self.session, self.sessions_dir), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self.notify(f"Rapport opgeslagen in {path}", title="Rapport", timeout=8, markup=False)
