"""``vbwizard export`` (a workbook for people, CSV for tools) and the older ``export-csv``.

Both read every session in the folder; a file that cannot be read is named on
stderr and skipped, so one broken file does not block the export of the rest.
``export-csv`` is ``export --format csv`` under its old name, for scripts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vbwizard.cli.common import EXIT_OK, UserError, bank, sessions_dir
from vbwizard.cli.report_commands import output_path, write_file
from vbwizard.problems import ProblemsError
from vbwizard.session.storage import load_session, session_files

if TYPE_CHECKING:
    from vbwizard.session.models import Session

_FORMATS = {".xlsx": "xlsx", ".csv": "csv"}
_TABLE_HELP = (
    "welke tabel als CSV: sessions (rij per sessie), weights (rij per sessie × factor, "
    "standaard) of participants (rij per deelnemer per factor)"
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``export`` and ``export-csv``."""
    export = subparsers.add_parser(
        "export",
        parents=[common],
        help="alle sessies als werkmap (xlsx, voor mensen) of CSV (voor scripts)",
    )
    export.add_argument(
        "--format", choices=("xlsx", "csv"), help="xlsx of csv (anders afgeleid van -o)"
    )
    _add_csv_options(
        export, output_help="doelbestand (xlsx: standaard sessies.xlsx; csv: standaard de terminal)"
    )
    export.set_defaults(handler=run_export)

    legacy = subparsers.add_parser(
        "export-csv", parents=[common], help="alle sessies als CSV (= export --format csv)"
    )
    _add_csv_options(legacy, output_help="doelbestand (standaard stdout)")
    legacy.set_defaults(handler=run_export, format="csv")


def _add_csv_options(parser: argparse.ArgumentParser, *, output_help: str) -> None:
    parser.add_argument("-o", "--output", metavar="BESTAND", help=output_help)
    parser.add_argument(
        "--delimiter",
        choices=(",", ";"),
        default=",",
        help="CSV-scheidingsteken (standaard ','); ';' voor Excel met Nederlandse instellingen",
    )
    parser.add_argument(
        "--table", choices=("sessions", "weights", "participants"), default="weights",
        help=_TABLE_HELP,
    )  # fmt: skip


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        suffix = Path(args.output).suffix.lower()
        if suffix in _FORMATS:
            return _FORMATS[suffix]
        raise UserError(
            f"{args.output}: onbekende extensie {suffix or '(geen)'}; kies --format xlsx of csv"
        )
    raise UserError("kies een formaat: --format xlsx (voor mensen) of csv (voor scripts)")


def load_all(folder: Path) -> list[Session]:
    """Every readable session in ``folder``, oldest first; unreadable ones named on stderr.

    Raises:
        UserError: when the folder does not exist.
    """
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
    return sessions


def run_export(args: argparse.Namespace) -> int:
    """Export every readable session in the folder as a workbook or as CSV."""
    fmt = _format(args)
    to_stdout = args.output == "-" or (fmt == "csv" and not args.output)
    if fmt == "xlsx" and to_stdout:
        raise UserError("een werkmap kan niet naar de terminal; geef -o BESTAND.xlsx")
    # Check the target first: a typo in -o should not cost the work of an export.
    target = None if to_stdout else output_path(args.output or "sessies.xlsx")
    sessions = load_all(sessions_dir(args))
    if fmt == "xlsx":
        from vbwizard.reports.xlsx_export import sessions_xlsx

        data = sessions_xlsx(bank(args), sessions)
    else:
        from vbwizard.reports.csv_export import sessions_csv

        text = sessions_csv(bank(args), sessions, delimiter=args.delimiter, table=args.table)
        data = text.encode("utf-8")
    if target is None:
        # Bytes, not text: the CRLF line ends of RFC 4180 must not be translated.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    write_file(target, data)
    print(f"{target}: {len(sessions)} sessies")
    return EXIT_OK
