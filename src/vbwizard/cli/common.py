"""Options and helpers shared by the subcommands.

Heavy modules (pydantic models, the bank loader) are imported inside the helpers,
so that starting the wizard does not pay for them before its first screen.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vbwizard.paths import folder_problem, resolve_sessions_dir

if TYPE_CHECKING:
    from vbwizard.bank.models import Bank

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USER_ERROR = 2


class UserError(Exception):
    """A mistake of the user's: printed as one line, exit code 2."""


def add_common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Add ``--sessions-dir`` and ``--bank``; usable before or after a subcommand."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--sessions-dir",
        metavar="MAP",
        default=default,
        help="map met sessies (anders $VBWIZARD_SESSIONS_DIR, anders ./sessions)",
    )
    parser.add_argument(
        "--bank",
        metavar="PAD",
        default=default,
        help="een eigen vragenbank (map of bestand); anders de meegeleverde",
    )


SESSION_HELP = "een sessiebestand (pad), een sessie-id of het begin van een id"


def add_session_argument(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``SESSIE`` argument (a path, an id or an id's start)."""
    parser.add_argument("session", metavar="SESSIE", help=SESSION_HELP)


def sessions_dir(args: argparse.Namespace) -> Path:
    """The sessions folder the user asked for.

    Raises:
        UserError: when it is a file, unreadable, or its name is impossible.
    """
    folder = resolve_sessions_dir(getattr(args, "sessions_dir", None))
    problem = folder_problem(folder)
    if problem is not None:
        raise UserError(f"{folder}: {problem}")
    return folder


def bank_path(args: argparse.Namespace) -> Path | None:
    """The bank the user asked for, or ``None`` for the bundled one."""
    path = getattr(args, "bank", None)
    return Path(path) if path else None


def bank(args: argparse.Namespace) -> Bank:
    """Load the bank the user asked for (or the bundled one)."""
    from vbwizard.bank.loader import load_bank

    return load_bank(bank_path(args))
