"""The ``vbwizard`` command: the TUI by default, and headless subcommands.

Exit codes: 0 success, 1 failure, 2 a user error (with a one-line message).
Textual is imported only when the TUI starts, so subcommands stay fast and the
domain core stays usable without a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from vbwizard import __version__
from vbwizard.cli.common import EXIT_USER_ERROR, UserError, add_common_options

LIGHT_COMMANDS = frozenset({"list"})
"""Commands parsed without registering the others (whose modules import pydantic)."""


def build_parser(*, light: bool = False) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered (``light``: list, show, demo)."""
    from vbwizard.cli import session_commands, tui_commands

    if light:
        modules = [session_commands]
    else:
        from vbwizard.cli import bank_commands, report_commands

        modules = [tui_commands, bank_commands, session_commands, report_commands]

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
    for module in modules:
        module.register(subparsers, common)
    parser.set_defaults(handler=tui_commands.run_start)
    return parser


def _common_options(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The common options in ``argv`` and the rest; ``None`` when they do not parse."""
    quick = argparse.ArgumentParser(add_help=False)
    add_common_options(quick, suppress=False)
    try:
        return quick.parse_known_args(argv)
    except SystemExit:
        return None


def _plain_start(argv: list[str]) -> argparse.Namespace | None:
    """The options of a plain ``vbwizard [--sessions-dir D] [--bank B]``, else ``None``.

    Starting the wizard is the common case and must be quick, so it skips building
    the full parser (which imports every subcommand's dependencies).
    """
    parsed = _common_options(argv)
    return parsed[0] if parsed is not None and not parsed[1] else None


def _is_light(argv: list[str]) -> bool:
    """True when ``argv`` names one of :data:`LIGHT_COMMANDS` (after any common options)."""
    parsed = _common_options(argv)
    return parsed is not None and bool(parsed[1]) and parsed[1][0] in LIGHT_COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    plain = _plain_start(arguments)
    if plain is not None:
        from vbwizard.cli.tui_commands import run_start

        return _run(run_start, plain)
    args = build_parser(light=_is_light(arguments)).parse_args(arguments)
    return _run(args.handler, args)


def _run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run a command; a user's mistake becomes one line on stderr and exit code 2."""
    try:
        return int(handler(args) or 0)
    except UserError as exc:
        print(f"vbwizard: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # Imported only now: starting the wizard must not wait for vbwizard.problems
        # (tomllib, difflib). A ProblemsError can only come from that module anyway.
        from vbwizard.problems import ProblemsError

        if not isinstance(exc, ProblemsError):
            raise
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_USER_ERROR
