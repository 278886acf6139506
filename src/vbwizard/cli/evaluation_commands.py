"""``vbwizard followup``, ``compare`` and ``trend``: the Evaluatie phase from the command line.

A follow-up made here is the same as the review screen's ``f``. ``compare``
answers "did our actions work?" for one baseline and one follow-up; ``trend``
shows the whole chain baseline → follow-up → … from any of its sessions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, cast

from vbwizard.cli.common import EXIT_OK, UserError, bank, sessions_dir
from vbwizard.cli.report_commands import load_ref, output_path, write_file


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the evaluation subcommands."""
    from vbwizard.compare_render import COMPARE_FORMATS
    from vbwizard.trend_render import TREND_FORMATS

    followup = subparsers.add_parser(
        "followup", parents=[common], help="start een vervolgsessie op een nulmeting"
    )
    followup.add_argument(
        "session", metavar="NULMETING", help="de nulmeting (pad, id of begin van een id)"
    )
    followup.add_argument("--title", help="titel van het vervolg (anders '<titel> — vervolg')")
    followup.set_defaults(handler=run_followup)

    compare = subparsers.add_parser(
        "compare", parents=[common], help="vergelijk een nulmeting met een vervolgsessie"
    )
    compare.add_argument(
        "base", metavar="NULMETING", help="de nulmeting (pad, id of begin van een id)"
    )
    compare.add_argument(
        "followup", metavar="VERVOLG", help="de vervolgsessie (pad, id of begin van een id)"
    )
    compare.add_argument("--format", choices=COMPARE_FORMATS, default="text")
    compare.add_argument(
        "-o", "--output", metavar="BESTAND", help="doelbestand (anders de terminal)"
    )
    compare.set_defaults(handler=run_compare)

    trend = subparsers.add_parser(
        "trend", parents=[common], help="het verloop van nulmeting en vervolgen"
    )
    trend.add_argument(
        "session", metavar="SESSIE", help="een sessie uit de reeks (pad, id of begin van een id)"
    )
    trend.add_argument("--format", choices=TREND_FORMATS, default="text")
    trend.add_argument("-o", "--output", metavar="BESTAND", help="doelbestand (anders de terminal)")
    trend.set_defaults(handler=run_trend)


def _emit(data: bytes, fmt: str, output: str | None) -> int:
    """Write to ``output`` (and print its path), or to the terminal."""
    if output and output != "-":
        target = output_path(output)
        write_file(target, data)
        print(target)
        return EXIT_OK
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return EXIT_OK


def _check_output(args: argparse.Namespace) -> None:
    # Check the target first: a typo in -o should not cost the work.
    if args.output and args.output != "-":
        output_path(args.output)
    elif args.format in ("docx", "pdf"):
        kind = "Word-bestand" if args.format == "docx" else "PDF-bestand"
        raise UserError(f"een {kind} kan niet naar de terminal; geef -o BESTAND.{args.format}")


def run_followup(args: argparse.Namespace) -> int:
    """Create a follow-up of a session in the sessions folder and print its path."""
    from vbwizard.followup import make_followup
    from vbwizard.session.naming import new_session_id
    from vbwizard.session.storage import SaveError, save_new_session

    if args.title is not None and not args.title.strip():
        raise UserError("--title: de titel is leeg")
    base_path, base = load_ref(args.session, args)
    session = make_followup(bank(args), base)
    if args.title is not None:
        session.scope.title = args.title.strip()
        session.id = new_session_id(session.scope.title)
    # Beside its baseline: the follow-up finds its baseline by id in its own folder.
    folder = base_path.parent
    try:
        path = save_new_session(session, folder)
    except SaveError as exc:
        raise UserError(f"{exc.path}: kon niet schrijven: {exc.reason}") from None
    print(path)
    return EXIT_OK


def run_compare(args: argparse.Namespace) -> int:
    """Print (or write) what changed between a baseline and its follow-up."""
    from vbwizard.compare import compare_sessions
    from vbwizard.compare_render import CompareFormat, comparison_report, render_comparison

    _check_output(args)
    _, base = load_ref(args.base, args)
    _, followup = load_ref(args.followup, args)
    the_bank = bank(args)
    result = compare_sessions(the_bank, base, followup)
    report = comparison_report(the_bank, followup, result)
    data = render_comparison(result, cast(CompareFormat, args.format), report)
    return _emit(data, args.format, args.output)


def run_trend(args: argparse.Namespace) -> int:
    """Print (or write) the trajectory of the chain a session belongs to."""
    from vbwizard.chain import load_chain
    from vbwizard.trend import build_trend
    from vbwizard.trend_render import TrendFormat, render_trend, trend_report

    _check_output(args)
    path, session = load_ref(args.session, args)
    folder = sessions_dir(args)
    # A session given by path outside the folder: its own folder holds its chain.
    if not (folder / path.name).exists():
        folder = path.parent
    chain = load_chain(Path(folder), session)
    the_bank = bank(args)
    trend = build_trend(the_bank, chain)
    latest = chain.rounds[-1].session if chain.rounds else session
    data = render_trend(
        trend, cast(TrendFormat, args.format), trend_report(the_bank, latest, trend)
    )
    return _emit(data, args.format, args.output)
