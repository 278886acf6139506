"""Start the TUI: ``vbwizard`` (start screen) and ``vbwizard open FILE``."""

from __future__ import annotations

import argparse
from typing import Any

from vbwizard.cli.common import EXIT_OK, add_session_argument, bank, bank_path, sessions_dir


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``open``."""
    open_cmd = subparsers.add_parser("open", parents=[common], help="ga verder met een sessie")
    add_session_argument(open_cmd)
    open_cmd.add_argument("--read-only", action="store_true", help="alleen bekijken")
    open_cmd.set_defaults(handler=run_open)


def run_start(args: argparse.Namespace) -> int:
    """Start the wizard on its start screen."""
    from vbwizard.tui.launch import launch

    path = bank_path(args)
    if path is not None:
        # A bank the user chose is checked before the screen opens: its problems are
        # printed as plain lines (exit 2). The bundled bank loads in the background
        # once the start screen shows (see VbWizardApp), so starting stays quick.
        return launch(bank=bank(args), sessions_dir=sessions_dir(args)) or EXIT_OK
    return launch(bank_path=None, sessions_dir=sessions_dir(args)) or EXIT_OK


def run_open(args: argparse.Namespace) -> int:
    """Open one session in the wizard."""
    from vbwizard.session.storage import find_session, read_session
    from vbwizard.tui.launch import launch

    path = find_session(args.session, sessions_dir(args))
    # A broken file is reported here, as by `show`, not in a wizard that opens for nothing.
    read_session(path)
    return (
        launch(
            bank=bank(args),
            sessions_dir=path.parent,
            session_path=path,
            read_only=args.read_only,
        )
        or EXIT_OK
    )
