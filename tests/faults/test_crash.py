"""A kill at any moment never corrupts a session and loses nothing committed.

A real process saves through ``SessionStore.commit`` (the TUI's autosave path)
in a loop and is killed with SIGKILL at random moments. After every kill the
file must load, hold exactly one of the states that were written, and be no
older than the last state the child reported as committed.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path
from typing import IO

import pytest

from tests.faults.children import apply_state, state_number
from tests.faults.conftest import start_child
from vbwizard.bank.models import Bank
from vbwizard.session.create import new_session
from vbwizard.session.lock import lock_path
from vbwizard.session.storage import TEMP_SUFFIX, read_session, save_session
from vbwizard.session.store import SessionStore


class _Round:
    """Reads one worker's lines: the states it committed, and whether it is ready."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.reported: list[int] = []
        self.ready = False

    def read_until(self, prefix: str) -> str:
        line = self.stream.readline().decode()
        while not line.startswith(prefix):
            assert line and not line.startswith("error"), line
            if line == "ready\n":
                self.ready = True
            else:
                self.reported.append(int(line))
            line = self.stream.readline().decode()
        return line

    def wait_for_commits(self, count: int) -> None:
        """Read on until the worker has reported ``count`` commits this round."""
        while len(self.reported) < count:
            line = self.stream.readline().decode()
            assert line and not line.startswith(("error", "dead")), line
            self.reported.append(int(line))


def _kill_repeatedly(path: Path, kills: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    zygote = start_child("zygote", str(path))
    assert zygote.stdin is not None and zygote.stdout is not None
    last_committed = 0
    stats = {"kills": 0, "commits": 0, "moved": 0, "planned": 0, "in_flight": 0}
    try:
        for round_no in range(kills):
            zygote.stdin.write(b"go\n")
            zygote.stdin.flush()
            child = _Round(zygote.stdout)
            pid = int(child.read_until("pid ").split()[1])
            # One kill in five lands while the child opens the session (taking
            # over the dead one's lock); the rest after 0-3 commits, at a random
            # moment of the next save. Waiting for commits (not a fixed time)
            # keeps the test meaningful on a slow or busy machine.
            commits_first = 0
            if rng.random() >= 0.2:
                if not child.ready:
                    child.read_until("ready")
                commits_first = rng.randrange(4)
                child.wait_for_commits(commits_first)
                time.sleep(rng.uniform(0, 0.02))
            os.kill(pid, signal.SIGKILL)
            line = child.read_until("dead ")
            reported = child.reported
            status = int(line.split()[1])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
            stats["kills"] += 1
            stats["commits"] += len(reported)

            if reported:
                assert reported == list(range(last_committed + 1, reported[-1] + 1))
                last_committed = reported[-1]
            session, _ = read_session(path)  # raises if the file is broken
            on_disk = state_number(session)  # asserts the whole state is consistent
            context = f"round {round_no} (seed {seed})"
            # Committed means durable; at most the one save in flight may be newer.
            assert on_disk in (last_committed, last_committed + 1), context
            stats["in_flight"] += on_disk == last_committed + 1
            stats["moved"] += bool(reported)
            stats["planned"] += commits_first > 0
            last_committed = on_disk
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)
    return stats


def _check_leftovers_are_cleaned(path: Path, kills: int) -> None:
    folder = path.parent
    leftovers = list(folder.glob(f".*{TEMP_SUFFIX}"))
    assert len(leftovers) <= kills
    assert {p.name for p in folder.iterdir()} - {p.name for p in leftovers} == {
        path.name,
        lock_path(path).name,
    }
    for tmp in leftovers:
        os.utime(tmp, (time.time() - 3600, time.time() - 3600))
    store = SessionStore.open(path, take_over_stale=True)
    store.close()
    assert list(folder.glob(f".*{TEMP_SUFFIX}")) == []
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def _start(mini_bank: Bank, folder: Path) -> Path:
    session = new_session(mini_bank, title="x", area="Oost", session_id="crash-test")
    apply_state(session, 0)
    return save_session(session, folder)


def test_kill_at_random_moments_never_corrupts_or_loses_a_commit(mini_bank, sessions_dir):
    path = _start(mini_bank, sessions_dir)
    stats = _kill_repeatedly(path, kills=200, seed=20260)
    print(stats)
    assert stats["kills"] == 200
    # The kills must land while saving, not only before the first save.
    assert stats["moved"] >= stats["planned"] >= 100, stats
    _check_leftovers_are_cleaned(path, 200)


@pytest.mark.slow
def test_thousands_of_kills(mini_bank, sessions_dir):
    path = _start(mini_bank, sessions_dir)
    seed = random.randrange(1_000_000)
    stats = _kill_repeatedly(path, kills=3000, seed=seed)
    print(stats)
    assert stats["moved"] >= stats["planned"] >= 1500, stats
    _check_leftovers_are_cleaned(path, 3000)
