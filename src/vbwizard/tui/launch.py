"""Run the TUI and make sure the session is saved and unlocked however it ends."""

from __future__ import annotations

from pathlib import Path

from vbwizard.bank.models import Bank
from vbwizard.tui.app import VbWizardApp


def launch(
    *,
    bank: Bank,
    sessions_dir: Path,
    session_path: Path | None = None,
    read_only: bool = False,
) -> int:
    """Start the wizard; return its exit code."""
    app = VbWizardApp(
        bank=bank, sessions_dir=sessions_dir, session_path=session_path, read_only=read_only
    )
    try:
        app.run()
    finally:
        # Whatever ended the app (quit, signal, crash in a handler), save and unlock.
        app.close_session()
    return app.return_code or 0
