"""Shared fixtures: isolated sessions folders, the bundled and mini banks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vbwizard.bank import Bank, load_bank

DATA = Path(__file__).parent / "data"
MINI_BANK = DATA / "banks" / "mini.toml"


@pytest.fixture(autouse=True)
def _isolated_sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never touch the repo's or the user's sessions folder (or cache) from a test."""
    monkeypatch.setenv("VBWIZARD_SESSIONS_DIR", str(tmp_path / "env-sessions"))
    # Nor the user's cache: the session list keeps its cache there.
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", str(tmp_path / "cache"))
    yield


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="session")
def mini_bank() -> Bank:
    return load_bank(MINI_BANK)
