"""Shared helpers: timing child processes in a pseudo-terminal, and statistics."""

from __future__ import annotations

import os
import platform
import pty
import resource
import select
import statistics
import sys
import time
from collections.abc import Sequence


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    model = ""
    try:  # the CPU's name says more than its architecture, where Linux tells it
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(
                (ln.split(":", 1)[1].strip() for ln in handle if ln.startswith("model name")), ""
            )
    except OSError:
        pass
    return (
        f"{platform.node()} · {model or cpu} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {platform.system()} {platform.release()}"
    )


def run_in_pty(argv: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Run a command in a pseudo-terminal; return (wall seconds, peak RSS in KiB)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], list(argv), {**os.environ, **env, "TERM": "xterm-256color"})
    while True:  # drain the terminal so the child never blocks on output
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
    else:  # pragma: no cover
        pass
    if not done:
        _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(fd)
    if os.WEXITSTATUS(status) != 0:
        sys.exit(f"{argv} exited with {os.WEXITSTATUS(status)}")
    return elapsed, usage.ru_maxrss


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


_ = resource  # imported for platforms where wait4's rusage needs it
