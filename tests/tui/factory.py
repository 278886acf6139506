"""The one way a test builds the wizard app: on a sessions folder, optionally on a saved session.

Every Pilot test (and every snapshot) gets its app from :func:`wizard`, so a change to how the
app is started for tests is one edit. The app it returns records each notification it shows
(see :func:`notifications`), so tests need not read Textual's private notification store.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from vbwizard.bank import Bank
from vbwizard.session.models import Progress, Session, Step
from vbwizard.session.storage import save_session
from vbwizard.tui.app import VbWizardApp

_SHOWN: weakref.WeakKeyDictionary[VbWizardApp, list[str]] = weakref.WeakKeyDictionary()
"""Every notification text each app built here has shown, oldest first."""


def save_at(session: Session, sessions_dir: Path, step: Step | None = None) -> Path:
    """Save ``session`` in ``sessions_dir``, first moving it to ``step`` if given; its path."""
    if step is not None:
        session.progress = Progress(step=step)
    return save_session(session, sessions_dir)


def wizard(
    bank: Bank,
    sessions_dir: Path,
    *,
    session: Session | None = None,
    step: Step | None = None,
    path: Path | None = None,
    read_only: bool = False,
) -> VbWizardApp:
    """The app as a user starts it, without signal handlers (Pilot runs it in this process).

    Args:
        bank: The question bank the app uses.
        sessions_dir: The sessions folder the app lists and saves in.
        session: A session to save (at ``step`` if given) and open; ``None`` for the start screen.
        step: The step ``session`` is saved at, so the app opens there.
        path: A session file to open instead (it is not rewritten first).
        read_only: Open the session read-only, as ``vbwizard --read-only`` does.

    Returns:
        The app, not yet running; :func:`notifications` tells what it has shown.
    """
    if session is not None:
        if path is not None:
            raise ValueError("give either a session or a path, not both")
        path = save_at(session, sessions_dir, step)
    app = VbWizardApp(
        bank=bank,
        sessions_dir=sessions_dir,
        session_path=path,
        read_only=read_only,
        handle_signals=False,
    )
    _record_notifications(app)
    return app


def _record_notifications(app: VbWizardApp) -> None:
    """Wrap the app's public ``notify`` so that every message shown is also kept."""
    shown: list[str] = []
    _SHOWN[app] = shown
    show = app.notify

    def notify(message: str, **options: Any) -> None:
        shown.append(str(message))
        show(message, **options)

    # An instance attribute shadows the method: screens and widgets call ``app.notify``.
    app.notify = notify  # type: ignore[method-assign]


def notifications(app: VbWizardApp) -> list[str]:
    """Every notification ``app`` has shown so far, oldest first (also those already gone)."""
    return _SHOWN[app]
