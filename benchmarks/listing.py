"""Listing: ``vbwizard list`` and ``list_sessions`` over many sessions, first and repeated.

Baseline: merely parsing every file of the folder with tomllib (read + decode + loads),
in the same process and files already in the OS page cache, as the listing's are.

* first listing (empty cache): budget <= 1.5x the baseline;
* repeated listing, files unchanged (cache warm): budget <= 0.2x the baseline;
* growth: both at 100, 1,000 and 10,000 sessions, as a cost per session;
* ``vbwizard list`` as a real process at the largest size (its output to /dev/null),
  against a process that only parses every file;
* the review screen on the largest folder: time until its first rows show, and
  until all are in (headless Textual, as the tests drive it).

Folders are generated with make_sessions.py under --dir (reused when present; the
10,000 take about a minute). Caches go to a fresh temporary folder.

Usage: python benchmarks/listing.py [--dir DIR] [--sizes 100,1000,10000] [--skip-cli]
       [--skip-review]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms  # noqa: E402
from make_sessions import write_sessions  # noqa: E402

from vbwizard.session.listing import list_sessions  # noqa: E402

PARSE_ONLY = (
    "import pathlib, sys, tomllib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.toml')):\n"
    "    tomllib.loads(p.read_bytes().decode('utf-8'))\n"
)


def folder_of(root: Path, size: int) -> Path:
    folder = root / f"sessions-{size}"
    if len(list(folder.glob("*.toml"))) != size:
        start = time.perf_counter()
        write_sessions(size, folder)
        print(f"  (generated {size} sessions in {time.perf_counter() - start:.0f} s)")
        # Files changed in the last two seconds are never cached (listing.RACY_NS):
        # a "repeated listing of unchanged files" needs files that have settled.
        time.sleep(2.5)
    for path in folder.glob("*.toml"):  # into the page cache, for both sides alike
        path.read_bytes()
    return folder


def parse_all(folder: Path) -> float:
    start = time.perf_counter()
    for path in sorted(folder.glob("*.toml")):
        tomllib.loads(path.read_bytes().decode("utf-8"))
    return time.perf_counter() - start


def timed_list(folder: Path) -> tuple[float, int]:
    start = time.perf_counter()
    entries = list_sessions(folder)
    return time.perf_counter() - start, len(entries)


def fresh_cache() -> None:
    os.environ["VBWIZARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="vb-cache-")


def run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=os.environ.copy())
    return time.perf_counter() - start


def review_timing(folder: Path) -> tuple[float, float, int]:
    """Seconds from opening the review screen to its first rows, and to all rows."""
    from vbwizard.bank import load_bank
    from vbwizard.tui.app import VbWizardApp
    from vbwizard.tui.screens.review import ReviewScreen

    async def measure() -> tuple[float, float, int]:
        app = VbWizardApp(bank=load_bank(), sessions_dir=folder, handle_signals=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("b")
            first = None
            while True:
                screen = app.screen
                if isinstance(screen, ReviewScreen):
                    if first is None and screen.table.row_count:
                        first = time.perf_counter() - start
                    if not screen.loading:
                        break
                await asyncio.sleep(0.005)
            total = time.perf_counter() - start
            return first or total, total, screen.table.row_count

    return asyncio.run(measure())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "vb-bench")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--skip-review", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {machine()}")
    rows = []
    for size in sizes:
        folder = folder_of(args.dir, size)
        base = parse_all(folder)
        fresh_cache()
        first, count = timed_list(folder)
        assert count == size, (count, size)
        repeat = median([timed_list(folder)[0] for _ in range(5)])
        rows.append((size, base, first, repeat))
        print(
            f"{size:>6} sessions: parse {base:7.2f} s ({base / size * 1e3:.2f} ms/session) | "
            f"first list {first:7.2f} s ({first / size * 1e3:.2f} ms/session, "
            f"{first / base:.2f}x) | repeat {ms(repeat)} ({repeat / size * 1e6:.0f} µs/session, "
            f"{repeat / base:.3f}x)"
        )
    size, base, first, repeat = rows[-1]
    print(f"ratio first listing at {size}: {first / base:.2f}x (budget 1.5x)")
    print(f"ratio repeated listing at {size}: {repeat / base:.3f}x (budget 0.2x)")
    per = [r[2] / r[0] for r in rows]
    print(
        "growth, first listing per session: "
        + " → ".join(f"{p * 1e3:.2f} ms" for p in per)
        + f" ({'linear or better' if per[-1] <= per[0] * 1.25 else 'WORSE than linear'})"
    )
    per = [r[3] / r[0] for r in rows]
    print(
        "growth, repeated listing per session: "
        + " → ".join(f"{p * 1e6:.0f} µs" for p in per)
        + f" ({'linear or better' if per[-1] <= per[0] * 1.25 else 'WORSE than linear'})"
    )
    folder = args.dir / f"sessions-{size}"
    if not args.skip_cli:
        python = sys.executable
        base_cli = run([python, "-c", PARSE_ONLY, str(folder)])
        fresh_cache()
        first_cli = run([python, "-m", "vbwizard", "list", "--sessions-dir", str(folder)])
        repeat_cli = median(
            [
                run([python, "-m", "vbwizard", "list", "--sessions-dir", str(folder)])
                for _ in range(5)
            ]
        )
        print(f"process, parse only: {base_cli:.2f} s")
        print(f"process, vbwizard list first: {first_cli:.2f} s ({first_cli / base_cli:.2f}x)")
        print(f"process, vbwizard list repeated: {ms(repeat_cli)} ({repeat_cli / base_cli:.3f}x)")
    if not args.skip_review:
        first_rows, all_rows, shown = review_timing(folder)  # warm cache, as after a listing
        print(
            f"review screen, {shown} sessions, warm cache: first rows after {ms(first_rows)}, "
            f"all in after {ms(all_rows)}"
        )
        fresh_cache()
        first_rows, all_rows, shown = review_timing(folder)
        print(
            f"review screen, {shown} sessions, empty cache: first rows after {ms(first_rows)}, "
            f"all in after {all_rows:.1f} s"
        )


if __name__ == "__main__":
    main()
