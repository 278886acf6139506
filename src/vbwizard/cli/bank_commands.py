"""``vbwizard validate``, ``vbwizard bank``, ``vbwizard lint`` and ``vbwizard proposals``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vbwizard.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USER_ERROR,
    add_session_argument,
    bank,
    sessions_dir,
)
from vbwizard.labels import INTENSITY_LABELS
from vbwizard.problems import ProblemsError, printable, printable_lines


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the bank subcommands."""
    validate = subparsers.add_parser(
        "validate", parents=[common], help="controleer een vragenbank (map of bestand)"
    )
    validate.add_argument(
        "path", nargs="?", metavar="PAD", help="map of bestand; standaard de meegeleverde bank"
    )
    validate.set_defaults(handler=run_validate)

    show = subparsers.add_parser("bank", parents=[common], help="toon de vragenbank")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=run_bank)

    lint = subparsers.add_parser(
        "lint",
        parents=[common],
        help="controleer de voorstelregels van een vragenbank (exit 1 bij bevindingen)",
    )
    lint.add_argument("path", nargs="?", help="map of bestand; standaard de meegeleverde bank")
    lint.set_defaults(handler=run_lint)

    proposals = subparsers.add_parser(
        "proposals",
        parents=[common],
        help="toon de voorgestelde acties voor een sessie, met de reden",
    )
    add_session_argument(proposals)
    proposals.add_argument(
        "--all", action="store_true", help="voor alle factoren, niet alleen de prioriteiten"
    )
    proposals.add_argument(
        "--json",
        action="store_true",
        help="als JSON: een lijst van {factor, action, intensity, why}",
    )
    proposals.set_defaults(handler=run_proposals)


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


def run_lint(args: argparse.Namespace) -> int:
    """Lint a bank's rules: findings per factor, exit 1 when there are any."""
    from vbwizard.bank.lint import lint_bank

    target = args.path or getattr(args, "bank", None)
    try:
        loaded, findings = lint_bank(Path(target) if target else None)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        print("De bank is niet te lezen; los eerst deze problemen op.", file=sys.stderr)
        return EXIT_USER_ERROR
    if not findings:
        print(f"OK: {loaded.id} {loaded.version}: geen bevindingen in de voorstelregels.")
        return EXIT_OK
    for factor_id, problems in findings.items():
        factor = loaded.factor(factor_id)
        print(printable(f"Factor {factor.number}: {factor.title}"))
        for problem in problems:
            print(f"  {problem}")
    total = sum(len(p) for p in findings.values())
    print(f"{total} bevinding(en) bij {len(findings)} factor(en).")
    return EXIT_FAILURE


def run_proposals(args: argparse.Namespace) -> int:
    """Print the actions the rules propose for a session, with the reasons."""
    from vbwizard.proposals import municipal_proposals, propose
    from vbwizard.scoring import numeric_weight
    from vbwizard.session.storage import find_session, read_session

    loaded = bank(args)
    # Reading only, as ``show`` does: no migration backup, no file written.
    session, _ = read_session(find_session(args.session, sessions_dir(args)))
    wanted = [f.id for f in loaded.factors] if args.all else [p.factor for p in session.priorities]
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for factor_id in wanted:
        try:
            factor = loaded.factor(factor_id)
        except KeyError:
            lines.append(f"{factor_id}: deze factor staat niet in de vragenbank.")
            continue
        weight = numeric_weight(session.factors.get(factor_id))
        shown = "onbekend" if weight is None else str(weight)
        lines.append(f"{factor.numbered_title} (gewicht {shown})")
        found = propose(loaded, session, factor_id)
        if not found:
            lines.append("   geen voorstellen bij dit gewicht en deze antwoorden")
        for proposal in found:
            intensity = proposal.action.intensity
            lines.append(f"   [{INTENSITY_LABELS[intensity]}] {proposal.action.title}")
            lines.append(f"      {proposal.why}")
            rows.append(
                {
                    "factor": factor_id,
                    "action": proposal.action.id,
                    "intensity": intensity,
                    "why": proposal.why,
                }
            )
    municipal = municipal_proposals(loaded, session)
    if municipal:
        lines.append("Op gemeentelijk niveau")
    for municipal_proposal in municipal:
        lines.append(f"   {municipal_proposal.action.title}")
        lines.append(f"      {municipal_proposal.why}")
        rows.append(
            {
                "factor": None,
                "action": municipal_proposal.action.id,
                "intensity": None,
                "why": municipal_proposal.why,
            }
        )
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif not wanted:
        print("Deze sessie heeft nog geen prioriteiten; gebruik --all voor alle factoren.")
    else:
        print(printable_lines("\n".join(lines)))
    return EXIT_OK
