"""Start-up: launch to first rendered start screen, against a minimal Textual app.

Both are launched the same way (a fresh Python process in a pseudo-terminal) and stop
as soon as their first screen is ready; runs alternate so drift hits both equally.

Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms, run_in_pty  # noqa: E402

HERE = Path(__file__).parent


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    env = {"VBWIZARD_EXIT_WHEN_READY": "1"}
    sessions = tempfile.mkdtemp()
    vbwizard = [sys.executable, "-m", "vbwizard", "--sessions-dir", sessions]
    minimal = [sys.executable, str(HERE / "minimal_app.py")]
    run_in_pty(vbwizard, env)  # warm the file cache and bytecode for both
    run_in_pty(minimal, env)
    ours, base, ours_mem, base_mem = [], [], [], []
    for _ in range(runs):
        t, m = run_in_pty(minimal, env)
        base.append(t)
        base_mem.append(m)
        t, m = run_in_pty(vbwizard, env)
        ours.append(t)
        ours_mem.append(m)
    print(f"machine: {machine()}")
    print(f"runs: {runs} each, alternating")
    base_rss, ours_rss = median(base_mem) / 1024, median(ours_mem) / 1024
    print(f"minimal Textual app: median {ms(median(base))}, peak RSS {base_rss:.1f} MiB")
    print(f"vbwizard start screen: median {ms(median(ours))}, peak RSS {ours_rss:.1f} MiB")
    print(f"ratio time: {median(ours) / median(base):.2f}x (budget 1.3x)")
    print(f"ratio memory: {median(ours_mem) / median(base_mem):.2f}x (budget 1.3x)")


if __name__ == "__main__":
    main()
