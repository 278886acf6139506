"""``vbwizard merge``: self-assessments into one group session.

The merge says what it rests on: inputs still in progress are named on stderr,
and every factor shows how many inputs weighed it ("2 van 3"), so a factor
resting on two of three people does not read like a group judgement.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vbwizard.cli.common import EXIT_OK, UserError, bank, sessions_dir
from vbwizard.cli.report_commands import output_path, write_file
from vbwizard.problems import Problem, ProblemsError
from vbwizard.session.naming import SESSION_SUFFIX, is_valid_id
from vbwizard.session.storage import (
    SaveError,
    SessionExistsError,
    ensure_sessions_dir,
    find_session,
    save_new_session,
)

if TYPE_CHECKING:
    from vbwizard.bank.models import Bank
    from vbwizard.session.models import Session


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``merge`` subcommand."""
    merge = subparsers.add_parser(
        "merge", parents=[common], help="voeg zelfanalyses samen tot een groepssessie"
    )
    merge.add_argument(
        "sessions", nargs="+", metavar="SESSIE", help="zelfanalyses (pad, id of begin van een id)"
    )
    merge.add_argument("-o", "--output", metavar="BESTAND", help="doelbestand (.toml)")
    merge.add_argument(
        "--anonymous",
        action="store_true",
        help="deelnemers als P1…Pn in willekeurige volgorde; geen namen, titels of ids van invoer",
    )
    merge.set_defaults(handler=run_merge)


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
    from vbwizard.merge import input_warnings, load_merge_inputs, merge_sessions

    if len(args.sessions) < 2:
        raise UserError("geef minstens twee zelfanalyses om samen te voegen")
    target, implied_id = _merge_target(args)
    paths, unresolved = [], []
    for ref in args.sessions:  # Report every input that names no file at once, not one per run.
        try:
            paths.append(find_session(ref, sessions_dir(args)))
        except ProblemsError as exc:
            unresolved += exc.problems
    the_bank = bank(args)
    # Paused through the merge too: thousands of loaded sessions would be rescanned.
    with collector_paused():
        sessions = load_merge_inputs(the_bank, paths, unresolved)
        merged = merge_sessions(the_bank, sessions, anonymous=args.anonymous, session_id=implied_id)
    if target is None:
        path = _save_new(merged, ensure_sessions_dir(sessions_dir(args)))
    else:
        write_file(target, _toml(merged))
        path = target
    for line in input_warnings(sessions, [str(p) for p in paths]):
        print(f"Let op: {line}", file=sys.stderr)
    print(path)
    print("\n".join(merge_overview(the_bank, merged)))
    return EXIT_OK


def merge_overview(bank: Bank, merged: Session) -> list[str]:
    """Where to begin, then per factor how many inputs weighed it and the spread.

    Returns:
        Dutch lines such as ``"  12. Communicatie: 2 van 3, gewichten 0–3, mediaan 2"``.
    """
    from vbwizard.labels import factor_title
    from vbwizard.merge import answered_label
    from vbwizard.spread import factor_stats

    def stats_text(factor_id: str) -> str:
        stats = factor_stats(merged.factors.get(factor_id))
        if stats is None:
            return "geen gewichten"
        return f"gewichten {stats.summary}"

    lines = []
    first = merged.progress.factor
    if first and factor_stats(merged.factors.get(first)):
        lines.append(f"Begint bij {factor_title(bank, first)}: {stats_text(first)}")
    info = merged.merge
    if info is not None:
        lines.append(f"Per factor: hoeveel van de {info.inputs} een gewicht gaven (0–3, onbekend)")
        for factor in bank.factors:
            label = answered_label(merged, factor.id)
            lines.append(f"  {factor_title(bank, factor.id)}: {label}, {stats_text(factor.id)}")
    return lines


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
