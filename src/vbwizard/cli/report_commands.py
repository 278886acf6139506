"""``vbwizard report`` (``compare``, ``merge`` and the exports have modules of their own).

Every file goes through :func:`atomic_write`, so an interrupted export leaves
the old file or none, never half a report. Output folders are checked before
any work is done, so a typo in ``-o`` costs one clear line, not a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, cast

from vbwizard.cli.common import EXIT_OK, UserError, add_session_argument, bank, sessions_dir
from vbwizard.paths import output_problem
from vbwizard.problems import ProblemsError, printable
from vbwizard.session.models import Session
from vbwizard.session.storage import (
    SaveError,
    atomic_write,
    find_session,
    load_session,
)

_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_BINARY = {"docx": "een Word-bestand", "pdf": "een PDF-bestand"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the reporting subcommands."""
    report = subparsers.add_parser(
        "report", parents=[common], help="maak een rapport (Markdown, HTML, Word of PDF)"
    )
    add_session_argument(report)
    report.add_argument(
        "--format",
        choices=("md", "html", "docx", "pdf"),
        help="md, html, docx of pdf (anders afgeleid van -o)",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="BESTAND",
        help="doelbestand (standaard <sessie-id>.<ext>; - = stdout)",
    )
    report.set_defaults(handler=run_report)


def output_path(value: str) -> Path:
    """Check that ``value`` can be written: its folder exists and it is not a folder.

    Raises:
        UserError: naming the path and what is wrong.
    """
    path = Path(value).expanduser()
    problem = output_problem(path)
    if problem is not None:
        raise UserError(f"{path}: {problem.message}")
    return path


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` atomically; a refusal becomes one Dutch line.

    Raises:
        UserError: when the disk or folder refuses; nothing is left half-written.
    """
    try:
        atomic_write(path, data)
    except SaveError as exc:
        raise UserError(f"{path}: kon niet schrijven: {exc.reason}") from None


def load_ref(ref: str, args: argparse.Namespace) -> tuple[Path, Session]:
    """Find and load a session by path or id (errors name the file)."""
    path = find_session(ref, sessions_dir(args))
    return path, load_session(path, keep_backup=False)


def _format_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the asked report format (Dutch), or ``None``."""
    to_stdout = args.output == "-"
    fmt = args.format
    if fmt is None and args.output and not to_stdout:
        fmt = _SUFFIXES.get(Path(args.output).suffix.lower())
        if fmt is None:
            suffix = Path(args.output).suffix or "(geen)"
            return (
                f"{args.output}: onbekende extensie {suffix}; kies --format md, html, docx of pdf"
            )
    if fmt is None:
        return "kies een formaat: --format md, html, docx of pdf"
    if to_stdout and fmt in _BINARY:
        return f"{_BINARY[fmt]} kan niet naar de terminal; geef -o BESTAND.{fmt}"
    return None


def run_report(args: argparse.Namespace) -> int:
    """Write a report of one session."""
    from vbwizard.reports import ReportFormat, render_report

    # Where the session is comes first: when it is missing too, the user must
    # hear that, not only that a format is missing.
    try:
        path = find_session(args.session, sessions_dir(args))
    except (ProblemsError, UserError) as exc:
        problem = _format_problem(args)
        if problem is not None:
            print(printable(str(exc), 1000), file=sys.stderr)
            raise UserError(problem) from None
        raise
    problem = _format_problem(args)
    if problem is not None:
        raise UserError(problem)
    to_stdout = args.output == "-"
    fmt = args.format or _SUFFIXES[Path(args.output).suffix.lower()]
    # Check the target first: a typo in -o should not cost the work of a report.
    target = output_path(args.output) if args.output and not to_stdout else None
    session = load_session(path, keep_backup=False)
    if target is None and not to_stdout:
        target = output_path(f"{session.id}.{fmt}")
    folder = sessions_dir(args)
    data = render_report(bank(args), session, cast(ReportFormat, fmt), sessions_dir=folder)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    write_file(target, data)
    print(target)
    return EXIT_OK
