"""Shared fixtures: isolated sessions folders, the bundled and mini banks, the demo and a chain."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chains import chain_of_three
from vbwizard.bank import Bank, load_bank
from vbwizard.demo import demo_session
from vbwizard.session.models import Session
from vbwizard.session.storage import save_session

# Textual's documented frame-rate setting, for the test processes only. The screen is
# redrawn 10 times a second instead of 60: the tests check widgets and files, not frames,
# and drawing 60 frames a second took about an eighth of a Pilot test's CPU. It takes effect in
# the processes pytest-xdist starts (they inherit it); a test that measures what is drawn
# waits for the next frame (tests/tui/test_narrow_layout.py). Snapshots draw on demand.
os.environ.setdefault("TEXTUAL_FPS", "10")

DATA = Path(__file__).parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often: a Pilot test allocates heavily and frees little.

    With Python's default thresholds the cycle collector ran thousands of times
    per Pilot test and took about a fifth of the suite's CPU time; what is
    loaded before the tests (Textual, pydantic, the bank) never becomes garbage,
    so it is frozen out of every collection.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the longest tests first, so no process is left running one of them alone at the end.

    The Pilot tests (tests/tui) are the long ones; the end-to-end scenarios longest of all.
    """

    def weight(item: pytest.Item) -> int:
        if item.get_closest_marker("long") is not None:
            return 0
        return 1 if "tests/tui/" in item.nodeid or item.nodeid.startswith("tui/") else 2

    items.sort(key=weight)  # stable: the order within each group stays as collected


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Three test processes per core (``-n auto``), at most six.

    A Pilot test spends about a third of its time waiting for the app to go
    idle (Textual's pilot sleeps between keys) and some tests wait for real
    processes and signals, so one process per core leaves the cores idle; more
    than six only adds start-up work (measured on 2 cores: 4 → 2:50, 6 → 2:11–2:23,
    8 → 2:41). ``-n 0`` runs everything in this process.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(2, min(3 * (cores or 1), 6))


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


@pytest.fixture
def demo(bank: Bank) -> Session:
    """The demo session as shipped (completed); ``tests/tui`` overrides it with one in progress."""
    return demo_session(bank)


@pytest.fixture
def demo_folder(bank: Bank, sessions_dir: Path) -> Path:
    """A sessions folder holding only the demo session (the baseline)."""
    save_session(demo_session(bank), sessions_dir)
    return sessions_dir


@pytest.fixture
def chain_folder(bank: Bank, sessions_dir: Path) -> Path:
    """A sessions folder with a chain of three sessions (see ``tests/chains.py``)."""
    for session in chain_of_three(bank):
        save_session(session, sessions_dir)
    return sessions_dir
