"""Run the TUI and make sure the session is saved and unlocked however it ends."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from vbwizard.tui.app import VbWizardApp

if TYPE_CHECKING:
    from vbwizard.bank.models import Bank

EXIT_USER_ERROR = 2


def launch(
    *,
    sessions_dir: Path,
    bank: Bank | None = None,
    bank_path: Path | None = None,
    session_path: Path | None = None,
    read_only: bool = False,
) -> int:
    """Start the wizard; return its exit code.

    Without ``bank`` the bank (bundled, or ``bank_path``) is loaded after the first
    screen is shown; a bank with problems then ends the app with those problems.
    """
    app = VbWizardApp(
        bank=bank,
        bank_path=bank_path,
        sessions_dir=sessions_dir,
        session_path=session_path,
        read_only=read_only,
    )
    try:
        app.run()
    finally:
        # Whatever ended the app (quit, signal, crash in a handler), save and unlock.
        app.close_session()
    if app.startup_problems:
        for line in app.startup_problems:
            print(line, file=sys.stderr)
        return EXIT_USER_ERROR
    return app.return_code or 0
