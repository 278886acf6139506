"""Upgrade session documents written by older versions of vbwizard.

Each migration takes the raw TOML document of version N and returns version
N + 1. Storage keeps the original file as a backup before the first rewrite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vbwizard.session.models import SCHEMA_VERSION

Document = dict[str, Any]


def _v0_to_v1(doc: Document) -> Document:
    """Version 0 (pre-release) kept weights as ``gewicht`` and the title at top level.

    Parts of the wrong shape (a list where a table belongs) are passed on
    untouched, so validation reports them with their key path instead of the
    migration failing on them.
    """
    doc = dict(doc)
    scope = doc.get("scope", {})
    if isinstance(scope, dict):
        scope = dict(scope)
        for key in ("title", "area"):
            if key in doc:
                scope.setdefault(key, doc.pop(key))
        doc["scope"] = scope
    factors = doc.get("factors")
    if isinstance(factors, dict):
        renamed = {}
        for factor_id, answer in factors.items():
            # With both keys present neither wins silently: validation names 'gewicht'.
            if isinstance(answer, dict) and "gewicht" in answer and "weight" not in answer:
                answer = dict(answer)
                answer["weight"] = answer.pop("gewicht")
            renamed[factor_id] = answer
        doc["factors"] = renamed
    doc["schema_version"] = 1
    return doc


def _v1_to_v2(doc: Document) -> Document:
    """Version 1 named participants only by their (changeable) names.

    Each becomes ``{id = "pN", name = …}`` in list order, and weights and notes
    are keyed by that id. A name that appears only in weights or notes (an
    extra weight once stored as ``P4``, or a renamed participant whose old
    name lingers) becomes a participant of its own, so no weight is lost.
    Parts of the wrong shape are passed on untouched for validation to name.
    """
    doc = dict(doc)
    scope = doc.get("scope", {})
    factors = doc.get("factors")
    names = scope.get("participants", []) if isinstance(scope, dict) else []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        doc["schema_version"] = 2
        return doc
    participants: list[dict[str, str]] = []
    ids: dict[str, str] = {}

    def id_of(name: str) -> str:
        if name not in ids:
            ids[name] = f"p{len(participants) + 1}"
            participants.append({"id": ids[name], "name": name})
        return ids[name]

    for name in names:
        id_of(name)
    if isinstance(factors, dict):
        renamed = {}
        for factor_id, answer in factors.items():
            if isinstance(answer, dict):
                answer = dict(answer)
                for part in ("participant_weights", "participant_notes"):
                    table = answer.get(part)
                    if isinstance(table, dict):
                        answer[part] = {id_of(str(name)): v for name, v in table.items()}
            renamed[factor_id] = answer
        doc["factors"] = renamed
    if isinstance(scope, dict):
        scope = dict(scope)
        if participants:
            scope["participants"] = participants
        doc["scope"] = scope
    doc["schema_version"] = 2
    return doc


MIGRATIONS: dict[int, Callable[[Document], Document]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(doc: Document) -> tuple[Document, int | None]:
    """Bring ``doc`` up to the current schema.

    Returns:
        The migrated document and the version it started from, or ``None`` when
        it was already current.

    Raises:
        ValueError: when the document is newer than this vbwizard or has no path up.
    """
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("schema_version ontbreekt of is geen geheel getal")
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"gemaakt door een nieuwere vbwizard (schema {version}); deze versie leest tot en "
            f"met schema {SCHEMA_VERSION}: werk vbwizard bij"
        )
    start = version
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"schema {version} wordt niet ondersteund")
        doc = step(doc)
        version = doc["schema_version"]
    return doc, (start if start != SCHEMA_VERSION else None)
