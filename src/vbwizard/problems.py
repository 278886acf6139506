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

from pydantic import BaseModel, ValidationError

from vbwizard.toml_locate import PathPart, find_line


@dataclass(frozen=True)
class Problem:
    """One problem in one file."""

    file: Path
    message: str
    key_path: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return (
            f"{where}: {self.key_path}: {self.message}"
            if self.key_path
            else f"{where}: {self.message}"
        )


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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProblemsError([Problem(path, "file not found")]) from None
    except IsADirectoryError:
        raise ProblemsError([Problem(path, "is a folder, expected a file")]) from None
    except OSError as exc:
        raise ProblemsError([Problem(path, f"cannot read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsError(
            [Problem(path, f"not UTF-8 text (byte {exc.start}); is this a TOML file?")]
        ) from None
    # A byte-order mark is harmless; editors on Windows add one.
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ProblemsError([Problem(path, "file is empty")])
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        message = _TOML_POSITION.sub("", message).strip()
        raise ProblemsError([Problem(path, f"invalid TOML: {message}", line=line)]) from None
    except RecursionError:
        raise ProblemsError([Problem(path, "invalid TOML: nested too deeply")]) from None


def _model_for(model: type[BaseModel], loc: Sequence[PathPart]) -> type[BaseModel] | None:
    """Walk ``loc`` through nested models to the model that owns its last key."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        nested: type[BaseModel] | None = None
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                nested = candidate
        current = nested
    return current


def validation_problems(
    error: ValidationError,
    file: Path,
    text: str,
    model: type[BaseModel],
    prefix: Sequence[PathPart] = (),
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into problems with key paths and lines."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        kind = item["type"]
        if kind == "extra_forbidden":
            owner = _model_for(model, loc)
            known = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            message = "unknown key" + (f" (did you mean '{close[0]}'?)" if close else "")
        elif kind == "missing":
            message = "required field is missing"
        else:
            message = item["msg"]
            if "input" in item and kind not in {"missing"}:
                shown = repr(item["input"])
                if len(shown) <= 60:
                    message += f" (got {shown})"
        full = (*prefix, *loc)
        problems.append(
            Problem(file, message, key_path=format_path(full), line=find_line(text, full))
        )
    return problems
