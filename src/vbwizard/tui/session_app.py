"""The open session in the app: creating, opening, saving, locking and moving between steps.

Every screen edits ``app.session`` in memory and calls :meth:`SessionApp.commit`
when an answer is committed; saving goes through the core ``SessionStore``. A
failed save is reported plainly and retried; nothing typed is dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from vbwizard.errors import os_reason

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from vbwizard.bank.models import Bank
    from vbwizard.session.lock import SessionLockedError
    from vbwizard.session.models import Mode, Session, Step
    from vbwizard.session.store import SessionStore

RETRY_SECONDS = 5.0


class SessionApp(App[None]):
    """The part of the app that owns the open session and its file."""

    def __init__(self, *, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.session: Session | None = None
        self.store: SessionStore | None = None
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
        self,
        path: Path,
        *,
        read_only: bool = False,
        take_over_stale: bool = False,
        screen: Screen[None] | None = None,
    ) -> bool:
        """Open a saved session where the user left it; ask when it is locked.

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
        from vbwizard.session.lock import SessionLockedError
        from vbwizard.session.store import SessionStore

        try:
            store = SessionStore.open(path, read_only=read_only, take_over_stale=take_over_stale)
        except ProblemsError as exc:
            self.notify(str(exc.problems[0]), title="Sessie niet te openen", severity="error")
            return False
        except SessionLockedError as exc:
            self._ask_about_lock(path, exc)
            return False
        except OSError as exc:
            self.notify(f"{path}: {os_reason(exc)}", title="Vergrendelen mislukt", severity="error")
            return False
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
        if screen is not None:
            self.push_screen(screen)
        else:
            progress = store.session.progress
            self.goto(progress.step, progress.factor, save=False)
        if read_only:
            self.sub_title = "ALLEEN LEZEN"
        return True

    def open_new_session(self, session: Session) -> bool:
        """Save a session built elsewhere (a follow-up, a merge) and open it at its progress.

        The file gets a fresh id if one with this id exists, so an existing
        session is never overwritten.
        """
        from vbwizard.problems import ProblemsError
        from vbwizard.session.lock import SessionLockedError
        from vbwizard.session.store import SessionStore

        try:
            store = SessionStore.create(session, self.sessions_dir, fresh_id_on_clash=True)
        except ProblemsError as exc:
            self.notify(
                str(exc.problems[0]), title="Niet opgeslagen", severity="error", markup=False
            )
            return False
        except (SessionLockedError, OSError) as exc:
            self.notify(str(exc), title="Niet opgeslagen", severity="error", markup=False)
            return False
        self.close_session()
        self.session, self.store = session, store
        self.goto(session.progress.step, session.progress.factor, save=False)
        self.sub_title = f"Opgeslagen · {store.path.name}"
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
                self.store = SessionStore.create(
                    self.session, self.sessions_dir, fresh_id_on_clash=True
                )
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
        self.sub_title = self.SUB_TITLE or ""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, StepScreen):
            self.pop_screen()  # the start screen recounts the sessions when it resumes

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
                    self.store = SessionStore.create(self.session, target, fresh_id_on_clash=True)
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

    def export_report(self) -> None:
        """Ask for a format and a file, then write the open session's report there."""
        from vbwizard.tui.screens.export_dialog import ExportDialog

        if self.session is not None:
            self.push_screen(ExportDialog(self.session, self.sessions_dir), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self.notify(f"Rapport opgeslagen in {path}", title="Rapport", timeout=8, markup=False)
