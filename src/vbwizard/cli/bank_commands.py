"""``vbwizard validate`` and ``vbwizard bank``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vbwizard.cli.common import EXIT_OK, EXIT_USER_ERROR, bank
from vbwizard.problems import ProblemsError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the bank subcommands."""
    validate = subparsers.add_parser(
        "validate", parents=[common], help="controleer een vragenbank (map of bestand)"
    )
    validate.add_argument("path", nargs="?", help="map of bestand; standaard de meegeleverde bank")
    validate.set_defaults(handler=run_validate)

    show = subparsers.add_parser("bank", parents=[common], help="toon de vragenbank")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=run_bank)


def run_validate(args: argparse.Namespace) -> int:
    """Validate a bank: a summary line, or one line per problem and exit 2."""
    target = args.path or getattr(args, "bank", None)
    try:
        # Imported here: every command builds this parser, and the bank's models
        # take longer to import than `vbwizard list` takes with a warm cache.
        from vbwizard.bank.loader import load_bank

        loaded = load_bank(Path(target) if target else None)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        print(f"{len(exc.problems)} probleem/problemen gevonden.", file=sys.stderr)
        return EXIT_USER_ERROR
    clusters = len(loaded.manifest.clusters)
    print(
        f"OK: {loaded.id} {loaded.version}: {clusters} clusters, {len(loaded.factors)} factoren, "
        f"{loaded.question_count} vragen, {loaded.action_count} acties"
    )
    return EXIT_OK


def run_bank(args: argparse.Namespace) -> int:
    """Print the validated bank, as text or JSON."""
    loaded = bank(args)
    if args.json:
        document = {
            **loaded.manifest.model_dump(mode="json", by_alias=True),
            "content_hash": loaded.content_hash,
            "factors": [f.model_dump(mode="json", by_alias=True) for f in loaded.factors],
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    print(f"{loaded.manifest.title} ({loaded.id} {loaded.version})")
    print(f"Bron: {loaded.manifest.source.name}")
    for cluster in loaded.manifest.clusters:
        print(f"\n{cluster.number}. {cluster.title}")
        for factor in loaded.factors_in(cluster.id):
            marker = " (reconstructie)" if factor.reconstructed else ""
            print(f"   {factor.number:>2}. {factor.title}{marker}")
            print(f"       {factor.main_question}")
    return EXIT_OK
