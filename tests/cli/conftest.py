"""Fixtures for the command-line tests: run ``vbwizard`` in-process and see what a user sees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from vbwizard.cli import main


@dataclass
class Result:
    """What one ``vbwizard`` command did: its exit code and what it printed."""

    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run the CLI in-process and capture what a user would see."""

    def _run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run
