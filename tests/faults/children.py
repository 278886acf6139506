"""Child processes for the fault tests, run as ``python -m tests.faults.children``.

They save through :class:`SessionStore` exactly as the TUI does. Each line
they print is written with one ``os.write`` after the call it reports has
returned, so the parent knows what was durable when it killed the child.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from vbwizard.session.models import Session
from vbwizard.session.store import SessionStore

FACTOR = "alfa"


def apply_state(session: Session, n: int, tag: str = "stand") -> None:
    """Put state number ``n`` in the session: its size varies from a few bytes to ~120 KB."""
    session.scope.title = f"{tag} {n}"
    session.problem.who = "w" * ((n * 7919) % 120_000) or None
    session.answer(FACTOR).weight = n % 4
    session.answer(FACTOR).notes = f"notitie {n}"


def state_number(session: Session, tag: str = "stand") -> int:
    """Read the state number back, checking that the whole state belongs to it."""
    label, number = session.scope.title.split()
    n = int(number)
    assert label == tag, session.scope.title
    assert len(session.problem.who or "") == (n * 7919) % 120_000, n
    assert session.factors[FACTOR].weight == n % 4, n
    assert session.factors[FACTOR].notes == f"notitie {n}", n
    return n


def _say(text: str) -> None:
    os.write(1, f"{text}\n".encode())


def _worker(path: Path) -> None:
    """Open the session (taking over the dead predecessor's lock) and commit forever."""
    store = SessionStore.open(path, take_over_stale=True)
    n = state_number(store.session)
    _say("ready")
    while True:
        n += 1
        apply_state(store.session, n)
        if not store.commit():
            _say(f"error {store.last_error}")
            os._exit(1)
        _say(str(n))


def zygote(path: Path) -> None:
    """Fork a fresh saving worker for every ``go`` line on stdin.

    Forking from a process that has already imported vbwizard makes each
    worker start in milliseconds, so hundreds of real kills fit in seconds.
    """
    for _line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                _worker(path)
            finally:
                os._exit(1)
        _say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"dead {status}")


def saver(path: Path, count: int, tag: str) -> None:
    """Commit ``count`` states to one session, then close it cleanly."""
    store = SessionStore.open(path)
    for n in range(1, count + 1):
        apply_state(store.session, n, tag)
        if not store.commit():
            _say(f"error {store.last_error}")
            sys.exit(1)
    store.close()
    _say("done")


def holder(path: Path, then: str) -> None:
    """Open the session for editing, say so, then wait for stdin or die hard."""
    store = SessionStore.open(path)  # kept referenced: the lock lives with the store
    _say("open")
    if then == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.read()
    store.close()


if __name__ == "__main__":
    command, file, *rest = sys.argv[1:]
    if command == "zygote":
        zygote(Path(file))
    elif command == "saver":
        saver(Path(file), int(rest[0]), rest[1])
    elif command == "holder":
        holder(Path(file), rest[0])
    else:
        raise SystemExit(f"unknown command {command}")
