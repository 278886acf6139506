"""The ``vbwizard`` command: the TUI by default, and headless subcommands.

Exit codes: 0 success, 1 failure, 2 a user error (with a one-line message).
Textual is imported only when the TUI starts, so subcommands stay fast and the
domain core stays usable without a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from vbwizard import __version__
from vbwizard.cli import bank_commands, report_commands, session_commands, tui_commands
from vbwizard.cli.common import EXIT_USER_ERROR, UserError, add_common_options
from vbwizard.problems import ProblemsError

COMMAND_MODULES = (tui_commands, bank_commands, session_commands, report_commands)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    common = argparse.ArgumentParser(add_help=False)
    add_common_options(common, suppress=True)
    parser = argparse.ArgumentParser(
        prog="vbwizard",
        description=(
            "Analyse van veiligheidsbeleving met de Tafel van 12 (methode: CCV). "
            "Zonder opdracht start de wizard."
        ),
    )
    parser.add_argument("--version", action="version", version=f"vbwizard {__version__}")
    add_common_options(parser, suppress=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    parser.set_defaults(handler=tui_commands.run_start)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"vbwizard: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except ProblemsError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
