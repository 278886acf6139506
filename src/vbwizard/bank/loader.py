"""Load a question bank from TOML and validate it strictly.

A bank is a folder with ``bank.toml`` (the manifest) and ``factors/*.toml`` (one
factor per file), or a single TOML file holding the manifest keys plus a
``[[factors]]`` array. Every problem is collected (not just the first) and
reported as ``FILE:LINE: key.path: message``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vbwizard.bank.models import INTENSITY_ORDER, Bank, Factor, Manifest
from vbwizard.problems import (
    Problem,
    ProblemsError,
    format_path,
    read_toml,
    validation_problems,
)
from vbwizard.safe_read import open_problem
from vbwizard.toml_locate import find_line

MANIFEST_NAME = "bank.toml"
FACTORS_DIR = "factors"

FIXED_SCALES: dict[str, list[str]] = {
    "answer": ["yes", "partly", "no", "unknown"],
    "weight": ["0", "1", "2", "3", "unknown"],
    "confidence": ["low", "medium", "high"],
}


def bundled_bank_path() -> Path:
    """Return the folder of the bundled question bank.

    An installed wheel carries ``questions/`` as ``vbwizard/_bank``; a source
    checkout (editable install, tests) uses the top-level ``questions/``.
    """
    packaged = resources.files("vbwizard") / "_bank"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "questions"


def factor_sources(path: Path) -> tuple[Path, list[Path]]:
    """The manifest file and the factor files of a bank folder or single-file bank.

    Raises:
        ProblemsError: when the path is missing or a folder has no manifest.
    """
    if path.is_dir():
        manifest = path / MANIFEST_NAME
        factors_dir = path / FACTORS_DIR
        if not manifest.is_file():
            raise ProblemsError([Problem(path, f"geen {MANIFEST_NAME} in deze map")])
        if not factors_dir.is_dir():
            return manifest, []
        return manifest, sorted(factors_dir.glob("*.toml"))
    if not path.exists():
        raise ProblemsError([Problem(path, "bestand of map niet gevonden")])
    factors_dir = path.parent / FACTORS_DIR
    files = sorted(factors_dir.glob("*.toml")) if factors_dir.is_dir() else []
    return path, files


@lru_cache(maxsize=8)
def _load_cached(path: Path, stamp: tuple[tuple[str, int, int], ...]) -> Bank:
    return _load_uncached(path)


def load_bank(path: Path | None = None) -> Bank:
    """Load and validate a bank; ``None`` loads the bundled one.

    Loading is cached per path and file modification time, so the TUI and the
    command line can ask for the bank freely.

    Raises:
        ProblemsError: with one problem per mistake found.
    """
    given = path or bundled_bank_path()
    try:
        path = given.resolve()
        manifest, factor_files = factor_sources(path)
    except (OSError, ValueError) as exc:  # a name too long, no permission, a NUL byte
        raise ProblemsError([Problem(given, open_problem(exc))]) from None
    return _load_cached(path, tuple(_stamp(p) for p in [manifest, *factor_files]))


def _stamp(file: Path) -> tuple[str, int, int]:
    """What makes a cached bank stale: each file's name, change time and size."""
    try:
        info = file.stat()
    except OSError:
        return (str(file), -1, -1)  # a dangling link: reported when loading
    return (str(file), info.st_mtime_ns, info.st_size)


def _bank_root(path: Path) -> Path:
    """The folder a bank may read from: the bank folder, or a single file's folder."""
    return path if path.is_dir() else path.parent


def _outside(file: Path, root: Path) -> Problem | None:
    """A problem when ``file`` (a link, or inside a linked folder) leaves ``root``.

    A bank is data a user may have received from someone else; following a
    link out of its folder would let it read any file the user can read.
    """
    try:
        target = file.resolve(strict=True)
    except (OSError, RuntimeError):
        return Problem(file, "kan niet lezen: het bestand ontbreekt of is een kapotte koppeling")
    if not target.is_relative_to(root):
        return Problem(file, f"wijst buiten de map van de bank (naar {target})")
    return None


def _load_uncached(path: Path) -> Bank:
    manifest_file, factor_files = factor_sources(path)
    root = _bank_root(path)
    problems: list[Problem] = []
    texts: dict[Path, str] = {}

    manifest_doc: dict[str, Any] = {}
    if (escape := _outside(manifest_file, root)) is not None:
        raise ProblemsError([escape])
    try:
        manifest_doc, texts[manifest_file] = read_toml(manifest_file)
    except ProblemsError as exc:
        raise ProblemsError(exc.problems) from None

    # A single-file bank carries its factors inline.
    factor_docs: list[tuple[Path, tuple[str | int, ...], dict[str, Any]]] = []
    inline = manifest_doc.pop("factors", None)
    if inline is not None:
        if not isinstance(inline, list):
            problems.append(
                Problem(manifest_file, "moet een lijst van tabellen zijn ([[factors]])", "factors")
            )
        else:
            for index, doc in enumerate(inline):
                factor_docs.append((manifest_file, ("factors", index), doc))
    for factor_file in factor_files:
        if (escape := _outside(factor_file, root)) is not None:
            problems.append(escape)
            continue
        try:
            doc, texts[factor_file] = read_toml(factor_file)
        except ProblemsError as exc:
            problems.extend(exc.problems)
            continue
        factor_docs.append((factor_file, (), doc))

    manifest: Manifest | None = None
    try:
        manifest = Manifest.model_validate(manifest_doc)
    except ValidationError as exc:
        problems.extend(
            validation_problems(
                exc, manifest_file, texts[manifest_file], Manifest, document=manifest_doc
            )
        )

    factors: list[tuple[Path, tuple[str | int, ...], Factor]] = []
    for file, prefix, doc in factor_docs:
        if not isinstance(doc, dict):
            problems.append(Problem(file, "moet een tabel zijn", format_path(prefix) or "factors"))
            continue
        try:
            factors.append((file, prefix, Factor.model_validate(doc)))
        except ValidationError as exc:
            found = validation_problems(exc, file, texts[file], Factor, prefix, document=doc)
            problems.extend(found)

    # Files that failed, or a ``factors`` key of the wrong kind, were reported already.
    if not factor_docs and not factor_files and (inline is None or isinstance(inline, list)):
        problems.append(
            Problem(path, f"de bank heeft geen factoren (voeg {FACTORS_DIR}/*.toml toe)")
        )
    if manifest is not None:
        problems.extend(_check_manifest(manifest, manifest_file, texts[manifest_file]))
        problems.extend(_check_factors(manifest, factors, texts))
    if problems:
        raise ProblemsError(problems)
    assert manifest is not None
    ordered = sorted((f for _, _, f in factors), key=lambda f: f.number)
    return Bank(manifest=manifest, factors=ordered, content_hash=_content_hash(manifest, ordered))


def _content_hash(manifest: Manifest, factors: list[Factor]) -> str:
    canonical = json.dumps(
        {
            "manifest": manifest.model_dump(mode="json"),
            "factors": [f.model_dump(mode="json") for f in factors],
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _check_manifest(manifest: Manifest, file: Path, text: str) -> list[Problem]:
    problems = []
    for scale, expected in FIXED_SCALES.items():
        values = [option.value for option in getattr(manifest.scales, scale)]
        if sorted(values) != sorted(expected) or len(values) != len(expected):
            problems.append(
                Problem(
                    file,
                    f"moet precies de waarden {', '.join(expected)} benoemen "
                    f"(gevonden: {', '.join(values)})",
                    f"scales.{scale}",
                    find_line(text, ("scales", scale)),
                )
            )
    for kind, key, ids in (  # the kind in Dutch, for the message; the key as in the file
        ("cluster", "clusters", [c.id for c in manifest.clusters]),
        ("stap", "steps", [s.id for s in manifest.steps]),
        ("gemeentelijke actie", "municipal_actions", [a.id for a in manifest.municipal_actions]),
    ):
        for dup, count in Counter(ids).items():
            if count > 1:
                problems.append(Problem(file, f"{kind}-id '{dup}' komt twee keer voor", key))
    return problems


def _check_factors(
    manifest: Manifest,
    factors: list[tuple[Path, tuple[str | int, ...], Factor]],
    texts: dict[Path, str],
) -> list[Problem]:
    problems: list[Problem] = []
    clusters = {c.id for c in manifest.clusters}
    seen_ids: dict[str, Path] = {}
    seen_numbers: dict[int, Path] = {}

    def at(file: Path, prefix: tuple[str | int, ...], *keys: str | int) -> tuple[str, int | None]:
        full = (*prefix, *keys)
        return format_path(full), find_line(texts[file], full)

    for file, prefix, factor in factors:
        if factor.id in seen_ids:
            key, line = at(file, prefix, "id")
            problems.append(
                Problem(
                    file,
                    f"factor-id '{factor.id}' komt twee keer voor (ook in {seen_ids[factor.id]})",
                    key,
                    line,
                )
            )
        seen_ids.setdefault(factor.id, file)
        if factor.number in seen_numbers:
            key, line = at(file, prefix, "number")
            problems.append(
                Problem(
                    file,
                    f"factornummer {factor.number} komt twee keer voor "
                    f"(ook in {seen_numbers[factor.number]})",
                    key,
                    line,
                )
            )
        seen_numbers.setdefault(factor.number, file)
        if factor.cluster not in clusters:
            key, line = at(file, prefix, "cluster")
            problems.append(
                Problem(
                    file,
                    f"onbekend cluster '{factor.cluster}' (bekend: {', '.join(sorted(clusters))})",
                    key,
                    line,
                )
            )
        question_ids = [q.id for q in factor.sub_questions]
        for dup, count in Counter(question_ids).items():
            if count > 1:
                key, line = at(file, prefix, "sub_questions")
                problems.append(
                    Problem(file, f"subvraag-id '{dup}' komt twee keer voor", key, line)
                )
        for dup, count in Counter(a.id for a in factor.actions).items():
            if count > 1:
                key, line = at(file, prefix, "actions")
                problems.append(Problem(file, f"actie-id '{dup}' komt twee keer voor", key, line))
        previous = -1
        for index, action in enumerate(factor.actions):
            rank = INTENSITY_ORDER[action.intensity]
            if rank < previous:
                key, line = at(file, prefix, "actions", index, "intensity")
                problems.append(
                    Problem(
                        file,
                        "acties moeten van licht naar zwaar lopen "
                        f"('{action.intensity}' na een zwaardere)",
                        key,
                        line,
                    )
                )
            previous = max(previous, rank)
            rule = action.propose_when
            if rule.min_weight > rule.max_weight:
                key, line = at(file, prefix, "actions", index, "propose_when")
                problems.append(Problem(file, "min_weight is groter dan max_weight", key, line))
            for cond_index, condition in enumerate(rule.answers):
                if condition.question not in question_ids:
                    key, line = at(
                        file, prefix, "actions", index, "propose_when", "answers", cond_index
                    )
                    problems.append(
                        Problem(
                            file,
                            f"de regel noemt subvraag '{condition.question}', die "
                            f"factor '{factor.id}' niet heeft",
                            key + ".question",
                            line,
                        )
                    )
    return problems
