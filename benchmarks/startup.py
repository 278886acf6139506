"""Start-up as a user sees it: launch until the first screen is drawn in a terminal.

Both programs (``vbwizard`` and a minimal Textual app: Header, one Static, Footer)
run in a pseudo-terminal of 80×24. Their output goes into a terminal emulator
(pyte), and the clock stops when the first screen's text is on the emulated
screen: for vbwizard the start menu's items, for the minimal app its Static and
its footer. Nothing inside either program knows it is measured: the process is
killed once the screen is there, and its peak memory is read from the kernel.
Runs alternate, so drift on a shared machine hits both alike.

Budget: time ≤ 1.1×, peak RSS ≤ 1.2× the minimal app.

Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from pathlib import Path

import pyte

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms  # noqa: E402

HERE = Path(__file__).parent
COLUMNS, LINES = 80, 24
TIMEOUT = 30.0
VBWIZARD_DONE = ("Nieuwe groepssessie", "Over de methode")
MINIMAL_DONE = ("Hallo", "^p")


def time_to_screen(
    argv: Sequence[str], needles: Sequence[str], env: dict[str, str]
) -> tuple[float, int, float]:
    """Launch ``argv`` in a pty until all ``needles`` show.

    Returns:
        Wall seconds, peak RSS in KiB, and CPU seconds (user + system) of the process.
    """
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of the set size, then the program
        os.execvpe(argv[0], list(argv), {**os.environ, **env, "TERM": "xterm-256color"})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    elapsed = None
    try:
        while time.perf_counter() - start < TIMEOUT:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            stream.feed(data)
            text = "\n".join(screen.display)
            if all(needle in text for needle in needles):
                elapsed = time.perf_counter() - start
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
        os.close(fd)
    if elapsed is None:
        sys.exit(f"{argv}: the first screen never showed {needles}:\n" + "\n".join(screen.display))
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="?", type=int, default=20)
    args = parser.parse_args()
    sessions = tempfile.mkdtemp(prefix="vb-startup-")
    # An empty sessions folder and no cache: what a facilitator's first start costs.
    env = {"VBWIZARD_CACHE_DIR": tempfile.mkdtemp(prefix="vb-cache-")}
    vbwizard = [sys.executable, "-m", "vbwizard", "--sessions-dir", sessions]
    minimal = [sys.executable, str(HERE / "minimal_app.py")]
    for _ in range(2):  # warm the page cache and bytecode for both
        time_to_screen(vbwizard, VBWIZARD_DONE, env)
        time_to_screen(minimal, MINIMAL_DONE, env)
    ours, base, ours_mem, base_mem, ours_cpu, base_cpu = [], [], [], [], [], []
    for _ in range(args.runs):
        t, m, c = time_to_screen(minimal, MINIMAL_DONE, env)
        base.append(t)
        base_mem.append(m)
        base_cpu.append(c)
        t, m, c = time_to_screen(vbwizard, VBWIZARD_DONE, env)
        ours.append(t)
        ours_mem.append(m)
        ours_cpu.append(c)
    print(f"machine: {machine()}")
    print(f"runs: {args.runs} each, alternating; terminal {COLUMNS}x{LINES}, pyte")
    base_rss, ours_rss = median(base_mem) / 1024, median(ours_mem) / 1024
    print(
        f"minimal Textual app: median {ms(median(base))} (CPU {ms(median(base_cpu))}), "
        f"peak RSS {base_rss:.1f} MiB"
    )
    print(
        f"vbwizard start screen: median {ms(median(ours))} (CPU {ms(median(ours_cpu))}), "
        f"peak RSS {ours_rss:.1f} MiB"
    )
    ratios = sorted(o / b for o, b in zip(ours, base, strict=True))
    print(
        f"ratio time: {median(ours) / median(base):.2f}x of medians, "
        f"median of pairwise ratios {median(ratios):.2f}x (budget 1.1x)"
    )
    # On a busy machine the wall clock mostly measures waiting for a core; the CPU
    # time each process used until its screen showed is the steadier comparison.
    print(f"ratio CPU time: {median(ours_cpu) / median(base_cpu):.2f}x")
    print(f"ratio memory: {median(ours_mem) / median(base_mem):.2f}x (budget 1.2x)")


if __name__ == "__main__":
    main()
