"""``vbwizard report``, ``compare``, ``merge`` and ``export-csv``.

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
from vbwizard.problems import Problem, ProblemsError, printable
from vbwizard.session.models import Session
from vbwizard.session.naming import SESSION_SUFFIX, is_valid_id
from vbwizard.session.storage import (
    SaveError,
    SessionExistsError,
    atomic_write,
    ensure_sessions_dir,
    find_session,
    load_session,
    save_new_session,
    session_files,
)

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the reporting subcommands."""
    report = subparsers.add_parser(
        "report", parents=[common], help="maak een rapport (Markdown, HTML of Word)"
    )
    add_session_argument(report)
    report.add_argument(
        "--format",
        choices=("md", "html", "docx"),
        help="md, html of docx (anders afgeleid van -o)",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="BESTAND",
        help="doelbestand (standaard <sessie-id>.<ext>; - = stdout)",
    )
    report.set_defaults(handler=run_report)

    compare = subparsers.add_parser(
        "compare", parents=[common], help="vergelijk een nulmeting met een vervolgsessie"
    )
    compare.add_argument(
        "base", metavar="NULMETING", help="de nulmeting (pad, id of begin van een id)"
    )
    compare.add_argument(
        "followup", metavar="VERVOLG", help="de vervolgsessie (pad, id of begin van een id)"
    )
    compare.add_argument(
        "--format", choices=("text", "md", "json"), default="text", help="text, md of json"
    )
    compare.set_defaults(handler=run_compare)

    merge = subparsers.add_parser(
        "merge", parents=[common], help="voeg zelfanalyses samen tot een groepssessie"
    )
    merge.add_argument(
        "sessions", nargs="+", metavar="SESSIE", help="zelfanalyses (pad, id of begin van een id)"
    )
    merge.add_argument("-o", "--output", metavar="BESTAND", help="doelbestand (.toml)")
    merge.add_argument(
        "--anonymous", action="store_true", help="deelnemers als P1…Pn in plaats van namen"
    )
    merge.set_defaults(handler=run_merge)

    export = subparsers.add_parser(
        "export-csv", parents=[common], help="alle sessies als CSV (rij per sessie × factor)"
    )
    export.add_argument("-o", "--output", metavar="BESTAND", help="doelbestand (standaard stdout)")
    export.add_argument(
        "--delimiter",
        choices=(",", ";"),
        default=",",
        help="scheidingsteken; ';' voor Excel met Nederlandse instellingen",
    )
    export.set_defaults(handler=run_export_csv)


def output_path(value: str) -> Path:
    """Check that ``value`` can be written: its folder exists and it is not a folder.

    Raises:
        UserError: naming the path and what is wrong.
    """
    path = Path(value).expanduser()
    problem = output_problem(path)
    if problem is not None:
        raise UserError(f"{path}: {problem}")
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
    return path, load_session(path)


def _format_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the asked report format (Dutch), or ``None``."""
    to_stdout = args.output == "-"
    fmt = args.format
    if fmt is None and args.output and not to_stdout:
        fmt = _SUFFIXES.get(Path(args.output).suffix.lower())
        if fmt is None:
            suffix = Path(args.output).suffix or "(geen)"
            return f"{args.output}: onbekende extensie {suffix}; kies --format md, html of docx"
    if fmt is None:
        return "kies een formaat: --format md, html of docx"
    if to_stdout and fmt == "docx":
        return "een Word-bestand kan niet naar de terminal; geef -o BESTAND.docx"
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
    session = load_session(path)
    if target is None and not to_stdout:
        target = output_path(f"{session.id}.{fmt}")
    data = render_report(bank(args), session, cast(ReportFormat, fmt))
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    write_file(target, data)
    print(target)
    return EXIT_OK


def run_compare(args: argparse.Namespace) -> int:
    """Print what changed between a baseline and its follow-up."""
    from vbwizard.compare import (
        compare_sessions,
        comparison_json,
        comparison_markdown,
        comparison_text,
    )

    _, base = load_ref(args.base, args)
    _, followup = load_ref(args.followup, args)
    result = compare_sessions(bank(args), base, followup)
    render = {"text": comparison_text, "md": comparison_markdown, "json": comparison_json}
    print(render[args.format](result).rstrip("\n"))
    return EXIT_OK


def _merge_target(args: argparse.Namespace) -> tuple[Path | None, str | None]:
    """Where the merged session goes, and the id its file name implies (if any).

    The place is ``None`` for the sessions folder.
    """
    if not args.output:
        # The folder is made only when there is a merged session to save in it.
        return None, None
    path = output_path(args.output)
    if path.suffix != SESSION_SUFFIX:
        raise UserError(f"{path}: een sessie is een {SESSION_SUFFIX}-bestand")
    if path.exists():
        raise UserError(f"{path}: bestaat al; kies een andere naam")
    # The file name is the session's id: the app saves a session as <id>.toml,
    # so a name that differs would fork the session on its first save.
    if not is_valid_id(path.stem):
        raise UserError(f"{path}: de bestandsnaam mag alleen a-z, 0-9 en '-' bevatten")
    return path, path.stem


def run_merge(args: argparse.Namespace) -> int:
    """Merge self-assessments into a new group session and print its path."""
    from vbwizard.bulk import collector_paused
    from vbwizard.merge import check_compatible, factor_stats, merge_sessions
    from vbwizard.reports.labels import factor_title

    if len(args.sessions) < 2:
        raise UserError("geef minstens twee zelfanalyses om samen te voegen")
    target, implied_id = _merge_target(args)
    loaded, problems = [], []
    with collector_paused():
        for ref in args.sessions:  # Report every unreadable input at once, not one per run.
            try:
                loaded.append(load_ref(ref, args))
            except ProblemsError as exc:
                problems += exc.problems
        if problems:
            raise ProblemsError(problems)
        the_bank = bank(args)
        paths = [p for p, _ in loaded]
        sessions = [s for _, s in loaded]
        check_compatible(the_bank, sessions, paths)
        merged = merge_sessions(the_bank, sessions, anonymous=args.anonymous, session_id=implied_id)
    if target is None:
        path = _save_new(merged, ensure_sessions_dir(sessions_dir(args)))
    else:
        write_file(target, _toml(merged))
        path = target
    for p, s in loaded:
        if s.mode != "self":
            print(f"Let op: {p} is geen zelfanalyse maar een groepssessie.", file=sys.stderr)
    print(path)
    first = merged.progress.factor
    stats = factor_stats(merged.factors.get(first)) if first else None
    if first and stats:
        median = f"{stats.median:g}".replace(".", ",")  # Dutch decimal comma
        flag = " (verschil van mening)" if stats.disputed else ""
        print(
            f"Begint bij {factor_title(the_bank, first)}: gewichten {stats.low}–{stats.high}, "
            f"mediaan {median}{flag}"
        )
    return EXIT_OK


def _toml(session: Session) -> bytes:
    from vbwizard.session.storage import session_to_toml

    return session_to_toml(session).encode("utf-8")


def _save_new(session: Session, folder: Path) -> Path:
    """Save into the sessions folder without ever replacing an existing session."""
    try:
        return save_new_session(session, folder)
    except SessionExistsError:
        raise ProblemsError([Problem(folder, f"sessie {session.id} bestaat al")]) from None
    except SaveError as exc:
        raise UserError(f"{exc.path}: kon niet schrijven: {exc.reason}") from None


def run_export_csv(args: argparse.Namespace) -> int:
    """Export every readable session in the folder as CSV rows."""
    from vbwizard.reports.csv_export import sessions_csv

    target = output_path(args.output) if args.output and args.output != "-" else None
    folder = sessions_dir(args)
    if not folder.is_dir():
        raise UserError(f"{folder}: de map met sessies bestaat niet")
    sessions = []
    for path in session_files(folder):
        try:
            sessions.append(load_session(path, keep_backup=False))
        except ProblemsError as exc:
            # One broken file should not block the export of all others; say so.
            print(f"Overgeslagen (onleesbaar): {exc.problems[0]}", file=sys.stderr)
    sessions.sort(key=lambda s: (s.scope.date or s.created.date(), s.id))
    text = sessions_csv(bank(args), sessions, delimiter=args.delimiter)
    if target is None:
        sys.stdout.write(text)
        return EXIT_OK
    # A byte-order mark makes Excel read the file as UTF-8 (accents intact).
    write_file(target, text.encode("utf-8-sig"))
    print(f"{target}: {len(sessions)} sessies")
    return EXIT_OK
