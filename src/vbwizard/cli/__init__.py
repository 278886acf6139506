"""The ``vbwizard`` command: the TUI by default, and headless subcommands.

Exit codes: 0 success, 1 failure, 2 a user error (with a one-line message).
Textual is imported only when the TUI starts, so subcommands stay fast and the
domain core stays usable without a terminal.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from vbwizard import __version__
from vbwizard.cli.common import EXIT_USER_ERROR, UserError, add_common_options
from vbwizard.errors import os_reason
from vbwizard.printable import printable

LIGHT_COMMANDS = frozenset({"list"})
"""Commands parsed without registering the others (whose modules import pydantic)."""


def build_parser(*, light: bool = False) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered (``light``: list only)."""
    from vbwizard.cli import session_commands, tui_commands
    from vbwizard.cli.dutch_argparse import VERSION_TEXT, DutchArgumentParser

    modules: list[Any]
    if light:
        modules = [session_commands]
    else:
        from vbwizard.cli import (
            bank_commands,
            evaluation_commands,
            export_commands,
            merge_commands,
            report_commands,
        )

        modules = [
            tui_commands,
            bank_commands,
            session_commands,
            report_commands,
            merge_commands,
            export_commands,
            evaluation_commands,
        ]

    common = DutchArgumentParser(add_help=False)
    add_common_options(common, suppress=True)
    parser = DutchArgumentParser(
        prog="vbwizard",
        description=(
            "Analyse van veiligheidsbeleving met de Tafel van 12 (methode: CCV). "
            "Zonder opdracht start de wizard."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"vbwizard {__version__}", help=VERSION_TEXT
    )
    add_common_options(parser, suppress=False)
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    for module in modules:
        module.register(subparsers, common)
    parser.set_defaults(handler=tui_commands.run_start)
    return parser


class _NotPlain(Exception):
    """The quick parser met something it does not know: the full parser takes over."""


class _QuietParser(argparse.ArgumentParser):
    """Only tells whether a command line is a plain start; it never prints (so no Dutch)."""

    def error(self, message: str) -> NoReturn:
        raise _NotPlain(message)


def _common_options(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The common options in ``argv`` and the rest; ``None`` when they do not parse."""
    quick = _QuietParser(add_help=False)
    add_common_options(quick, suppress=False)
    try:
        return quick.parse_known_args(argv)
    except _NotPlain:
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
        # The cycle collector stays as vbwizard.entry left it (off) until the
        # wizard's first screen is drawn (VbWizardApp.on_ready).
        from vbwizard.cli.tui_commands import run_start

        return _run(run_start, plain)
    gc.enable()  # Off only to start the wizard quickly (vbwizard.entry).
    args = build_parser(light=_is_light(arguments)).parse_args(arguments)
    return _run(args.handler, args)


def _run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run a command; a user's mistake becomes one line on stderr and exit code 2."""
    try:
        return int(handler(args) or 0)
    except UserError as exc:
        # Messages quote paths and ids as typed: a newline or escape stays inert.
        print(printable(f"vbwizard: {exc}", 1000), file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # The reader stopped early (`vbwizard show … | head`): nothing went wrong.
        _silence_stdout()
        return 0
    except OSError as exc:
        # The last line of defence: every command checks its paths first, but a
        # file system can still refuse (a folder made private meanwhile, a full disk).
        where = f"{exc.filename}: " if exc.filename is not None else ""
        print(printable(f"vbwizard: {where}{os_reason(exc)}", 1000), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Imported only now: starting the wizard must not wait for vbwizard.problems
        # (tomllib, difflib). A ProblemsError can only come from that module anyway.
        from vbwizard.problems import ProblemsError

        if not isinstance(exc, ProblemsError):
            raise
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_USER_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail on the pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
