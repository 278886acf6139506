"""``vbwizard list``, ``vbwizard show`` and ``vbwizard demo``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from vbwizard.cli.common import EXIT_OK, add_session_argument, bank, sessions_dir
from vbwizard.labels import MODE_LABELS, STATUS_LABELS
from vbwizard.printable import printable, printable_lines
from vbwizard.session.listing import list_sessions

# `show` and `demo` import storage (pydantic, the models) when they run: `list`
# of files vbwizard wrote needs neither, and is often run from scripts.


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the session subcommands."""
    list_cmd = subparsers.add_parser("list", parents=[common], help="toon opgeslagen sessies")
    list_cmd.add_argument("--json", action="store_true", help="als JSON")
    list_cmd.set_defaults(handler=run_list)

    show = subparsers.add_parser("show", parents=[common], help="samenvatting van een sessie")
    add_session_argument(show)
    show.set_defaults(handler=run_show)

    demo = subparsers.add_parser(
        "demo", parents=[common], help="schrijf een voorbeeldsessie (fictief) om te verkennen"
    )
    demo.set_defaults(handler=run_demo)


def run_list(args: argparse.Namespace) -> int:
    """List the sessions folder; unreadable files are listed with the reason."""
    folder = sessions_dir(args)
    entries = list_sessions(folder)
    if args.json:
        rows = [
            {
                "id": e.id,
                "path": str(e.path),
                "title": e.title,
                "area": e.area,
                "date": e.date.isoformat() if e.date else None,
                "mode": e.mode,
                "status": e.status,
                "priorities": e.priorities,
                "readable": e.readable,
                "error": e.error,
            }
            for e in entries
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    if not entries:
        # A mistyped --sessions-dir should not look like an empty folder.
        missing = "" if folder.is_dir() else " (deze map bestaat nog niet)"
        print(printable(f"Geen sessies in {folder}{missing}.", 1000))
        return EXIT_OK
    # Titles and reasons come from files that may hold terminal escape codes.
    for e in entries:
        if not e.readable:
            print(printable(f"{e.id}  ONLEESBAAR: {e.error}", 400))
            continue
        date = e.date.isoformat() if e.date else "-"
        prio = ", ".join(e.priorities) or "-"
        print(
            printable(
                f"{e.id}  {e.title or '(zonder titel)'} | {e.area or '-'} | {date} | "
                f"{MODE_LABELS.get(e.mode, e.mode)} | {STATUS_LABELS.get(e.status, e.status)} | "
                f"prioriteiten: {prio}"
            )
        )
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print a readable summary of one session."""
    from vbwizard.session.storage import find_session, read_session
    from vbwizard.textsummary import session_summary

    path = find_session(args.session, sessions_dir(args))
    # Showing is reading: no migration backup, no file written.
    session, _ = read_session(path)
    print(printable_lines(session_summary(bank(args), session)))
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    """Write the fictional demo session and print its path."""
    from vbwizard.demo import demo_session
    from vbwizard.session.storage import ensure_sessions_dir, save_session

    folder = ensure_sessions_dir(sessions_dir(args))
    path = save_session(demo_session(bank(args)), folder)
    print(path)
    return EXIT_OK
