"""Run the real ``vbwizard`` command in a pseudo-terminal, as a person's terminal would."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from vbwizard.session.lock import lock_path


def drain(fd: int, seconds: float) -> bytes:
    """Read what the child writes to its terminal (so it never blocks on a full pty)."""
    import select
    import time

    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break  # the child closed its terminal
            if not chunk:
                break
            out += chunk
    return out


def run_in_pty_then_signal(path: Path, sig: int) -> tuple[int, bytes]:
    import pty
    import time

    pid, fd = pty.fork()
    if pid == 0:  # child: run the wizard on the session
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "vbwizard", "open", str(path)])
    output = b""
    deadline = time.monotonic() + 20
    while not lock_path(path).exists() and time.monotonic() < deadline:
        output += drain(fd, 0.1)
    output += drain(fd, 1.0)
    os.kill(pid, sig)
    status = None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        output += drain(fd, 0.1)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError("the wizard did not stop after the signal")
    os.close(fd)
    return status, output


def spawn(*args: str) -> tuple[int, int]:
    """Start ``python -m vbwizard ARGS`` in a new pseudo-terminal; return (pid, master fd)."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "vbwizard", *args])
    return pid, fd


def wait_for_screen(fd: int, text: bytes, seconds: float = 20) -> bytes:
    """Read the terminal until ``text`` was drawn (or the time is up)."""
    import time

    output = b""
    deadline = time.monotonic() + seconds
    while text not in output and time.monotonic() < deadline:
        output += drain(fd, 0.05)
    return output


def close_terminal(pid: int, fd: int, limit: float = 10) -> float | None:
    """Close the terminal (as closing its window does); seconds until the process ended.

    Returns ``None`` when it was still running after ``limit`` seconds; it is then killed.
    """
    import time

    os.close(fd)
    start = time.monotonic()
    while time.monotonic() - start < limit:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return time.monotonic() - start
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def type_slowly(fd: int, keys: list[bytes], pause: float = 0.15) -> None:
    """Type keys at a human's pace (Textual applies focus changes a tick later)."""
    for key in keys:
        os.write(fd, key)
        drain(fd, pause)
