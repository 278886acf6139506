"""User-facing problems found in a file: where, which key, and what is wrong.

Every check that reads a user's file (a bank, a session) reports through these
types, so the command line and the TUI can show ``FILE:LINE: key.path: message``
and never a traceback.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vbwizard.dutch_messages import (
    UNKNOWN_KEY,
    merge_alternatives,
    toml_message,
    validation_message,
)
from vbwizard.printable import printable as printable
from vbwizard.printable import printable_lines as printable_lines
from vbwizard.safe_read import ReadRefused, read_bytes
from vbwizard.toml_locate import PathPart, find_line

if TYPE_CHECKING:
    # Only for types: the start screen imports this module (for ProblemsError), and
    # pydantic takes longer to import than the screen takes to draw.
    from pydantic import BaseModel, ValidationError


@dataclass(frozen=True)
class Problem:
    """One problem in one file."""

    file: Path
    message: str
    key_path: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = printable(str(self.file), 300)
        if self.line:
            where += f":{self.line}"
        message = printable(self.message, 300)
        if self.key_path:
            return f"{where}: {printable(self.key_path, 120)}: {message}"
        return f"{where}: {message}"


class ProblemsError(Exception):
    """Raised when a file (or a set of files) has one or more problems."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(loc: Iterable[PathPart]) -> str:
    """Render a key path as ``factors[2].actions[0].title``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def read_toml(path: Path) -> tuple[dict[str, object], str]:
    """Read and parse a TOML file, turning every failure into a ``ProblemsError``.

    Returns:
        The parsed document and its text (for locating keys later).
    """
    try:
        raw = read_bytes(path)
    except ReadRefused as exc:
        raise ProblemsError([Problem(path, exc.reason)]) from None
    return parse_toml(path, raw)


def parse_toml(path: Path, raw: bytes) -> tuple[dict[str, object], str]:
    """Parse the bytes of a TOML file already read, as :func:`read_toml` does.

    Args:
        path: the file the bytes came from, named in every problem.
        raw: its contents.

    Returns:
        The parsed document and its text (for locating keys later).

    Raises:
        ProblemsError: when the bytes are not UTF-8, empty or not valid TOML.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsError(
            [Problem(path, f"geen UTF-8-tekst (byte {exc.start}); is dit wel een TOML-bestand?")]
        ) from None
    # A byte-order mark is harmless; editors on Windows add one.
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ProblemsError([Problem(path, "het bestand is leeg")])
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        message = toml_message(_TOML_POSITION.sub("", message).strip())
        raise ProblemsError([Problem(path, f"geen geldige TOML: {message}", line=line)]) from None
    except RecursionError:
        raise ProblemsError([Problem(path, "geen geldige TOML: te diep genest")]) from None


def _nested_model(annotation: object, depth: int = 0) -> type[BaseModel] | None:
    """The model inside an annotation such as ``list[X]``, ``dict[str, X]`` or ``X | None``."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if depth > 5:
        return None
    for arg in getattr(annotation, "__args__", ()):
        found = _nested_model(arg, depth + 1)
        if found is not None:
            return found
    return None


def _model_for(model: type[BaseModel], loc: Sequence[PathPart]) -> type[BaseModel] | None:
    """Walk ``loc`` through nested models to the model that owns its last key.

    A part that is not a field (a list index, a key of a table of answers) is
    stepped over: the model stays that of the container's items.
    """
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, int) or part not in current.model_fields:
            continue
        current = _nested_model(current.model_fields[part].annotation)
    return current


def _real_loc(loc: Sequence[PathPart], document: object) -> tuple[PathPart, ...]:
    """Keep only the parts of a pydantic location that are keys in the document.

    Pydantic adds the branch of a union (``constrained-int``, ``literal[...]``)
    to the location; those are not keys the user can find in the file.
    """
    out: list[PathPart] = []
    current = document
    for index, part in enumerate(loc):
        if isinstance(current, dict):
            present = part in current
        elif isinstance(current, list):
            present = isinstance(part, int) and 0 <= part < len(current)
        else:
            present = False
        if present:
            current = current[part]  # type: ignore[index]
            out.append(part)
        elif index == len(loc) - 1 and isinstance(current, dict):
            out.append(part)  # a missing key at the end of the path
    return tuple(out)


def validation_problems(
    error: ValidationError,
    file: Path,
    text: str,
    model: type[BaseModel],
    prefix: Sequence[PathPart] = (),
    document: object = None,
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into problems with key paths and lines.

    Args:
        error: what pydantic found.
        file: the file the document came from.
        text: its text, to find lines in.
        model: the model that was validated.
        prefix: where the validated document sits inside the file.
        document: the validated data; with it, key paths hold only real keys
            and the alternatives of one value are merged into one problem.
    """
    found: dict[tuple[PathPart, ...], list[str]] = {}
    for item in error.errors(include_url=False):
        if document is not None:
            loc = _real_loc(item["loc"], document)
        else:
            loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        kind = item["type"]
        if kind == "extra_forbidden":
            owner = _model_for(model, loc)
            known = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1) if loc else []
            message = UNKNOWN_KEY + (f" (bedoel je '{close[0]}'?)" if close else "")
        else:
            message = validation_message(kind, item.get("ctx"), item["msg"])
            value = item.get("input")
            # Only scalars are echoed: repr of a deeply nested table would
            # recurse without end, and of a 1 MB text would say nothing useful.
            scalar = kind != "missing" and isinstance(value, str | int | float)
            if scalar and len(shown := repr(value)) <= 60:
                message += f" (gevonden: {shown})"
        found.setdefault((*prefix, *loc), []).append(message)
    return [
        Problem(
            file,
            merge_alternatives(messages),
            key_path=format_path(full),
            line=find_line(text, full),
        )
        for full, messages in found.items()
    ]
