"""Why a report cannot be written, as a kind a front end can act on and a Dutch message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vbwizard.paths import OutputProblemKind, output_problem


def _setup(tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    locked = tmp_path / "dicht"
    locked.mkdir()
    locked.chmod(0o500)


CASES = [
    ("a new file in an existing folder", "map/rapport.html", None, None),
    ("an existing file is replaced", "bestand", None, None),
    ("a missing folder", "geen-map/r.html", OutputProblemKind.NO_FOLDER, "bestaat niet"),
    (
        "a file where a folder should be",
        "bestand/r.html",
        OutputProblemKind.NO_FOLDER,
        "is geen map",
    ),
    ("a folder instead of a file", "map", OutputProblemKind.IS_FOLDER, "is een map"),
    ("a newline in the name", "map/a\nb.html", OutputProblemKind.BAD_NAME, "stuurteken"),
    ("a name too long", "map/" + "x" * 300, OutputProblemKind.OS_REFUSED, "te lang"),
    (
        "a folder without write permission",
        "dicht/r.html",
        OutputProblemKind.NOT_ALLOWED,
        "toestemming",
    ),
]


@pytest.mark.parametrize(
    ("relative", "kind", "words"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_output_problem_kinds(
    tmp_path: Path, relative: str, kind: OutputProblemKind | None, words: str | None
) -> None:
    if kind is OutputProblemKind.NOT_ALLOWED and os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    _setup(tmp_path)
    problem = output_problem(tmp_path / relative)
    if kind is None:
        assert problem is None
    else:
        assert problem is not None
        assert problem.kind is kind
        assert words is not None and words in problem.message
