"""Listing: ``vbwizard list`` and the review screen over many sessions, first and repeated.

Baseline: merely parsing every file of the folder with tomllib (read + decode + loads),
in the same process, files already in the OS page cache, as the listing's are.

* first listing (empty cache): budget <= 1.0x the baseline;
* repeated listing, files unchanged (cache warm): budget <= 0.02x the baseline;
* growth: both at each size (100, 1,000, 10,000; 100,000 on request), per session;
  before every timed listing the processor's caches are emptied (a 128 MiB write), as
  they are for a user who lists a folder now and then: otherwise a 100-session list,
  repeated back to back, would run from the L2 cache and look cheaper than it is;
* files vbwizard did not write (no checksum line: older or hand-edited files), 1,000,
  first listing: reported (these are parsed in full, as before);
* ``vbwizard list`` as a real process at 10,000 (output to /dev/null), first and repeated,
  against the same in-process baseline (so the process start counts against it);
* the review screen at 10,000, empty and warm cache: time until its first rows show and
  until all are in, and the UI event loop's lag meanwhile (10 ms sleeps on the app's
  loop, overshoot recorded): budget first rows <= 0.5 s, lag p95 <= 30 ms.

Folders are generated with make_sessions.py under --dir (reused when present; 10,000
take about two minutes). 100,000 are sampled: the 10,000 copied ten times under new
names, and the baseline parses a 10,000-file sample and scales it. Caches go to a fresh
temporary folder for every "first" figure.

Usage: python benchmarks/listing.py [--dir DIR] [--sizes 100,1000,10000[,100000]]
       [--skip-cli] [--skip-review]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms, p95  # noqa: E402
from make_sessions import write_sessions  # noqa: E402

from vbwizard.session.listing import list_sessions  # noqa: E402

UNIQUE = 10_000
"""Larger folders are copies of this many generated sessions."""
PAIRS = 5
"""Alternating pairs of a cold review screen and a cold listing."""


def _settle(folder: Path) -> None:
    # Files changed in the last two seconds are never cached (summary.RACY_NS):
    # a "repeated listing of unchanged files" needs files that have settled.
    time.sleep(2.5)
    for path in folder.glob("*.toml"):  # into the page cache, for both sides alike
        path.read_bytes()


def folder_of(root: Path, size: int) -> Path:
    folder = root / f"sessions-{size}"
    if len(list(folder.glob("*.toml"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        if size <= UNIQUE:
            write_sessions(size, folder)
        else:
            source = folder_of(root, UNIQUE)
            folder.mkdir(parents=True)
            for copy in range(size // UNIQUE):
                for path in source.glob("*.toml"):
                    shutil.copyfile(path, folder / f"{path.stem}-k{copy}.toml")
        print(f"  (made {size} sessions in {time.perf_counter() - start:.0f} s)")
    _settle(folder)
    return folder


def legacy_folder(root: Path, size: int) -> Path:
    """Copies without the checksum line: files an older vbwizard (or a person) wrote."""
    folder = root / f"legacy-{size}"
    if len(list(folder.glob("*.toml"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in folder_of(root, size).glob("*.toml"):
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(text.split("\n", 1)[1], encoding="utf-8")
    _settle(folder)
    return folder


def parse_all(folder: Path, sample: int | None = None) -> float:
    """Seconds to parse every file (or a seeded sample, scaled to all) with tomllib."""
    paths = sorted(folder.glob("*.toml"))
    chosen = paths if sample is None else random.Random(1).sample(paths, sample)
    start = time.perf_counter()
    for path in chosen:
        tomllib.loads(path.read_bytes().decode("utf-8"))
    return (time.perf_counter() - start) * len(paths) / len(chosen)


_EVICT = bytearray(128 * 1024 * 1024)


def evict_cpu_caches() -> None:
    """Write more memory than the processor caches hold, so no listing starts warm."""
    _EVICT[:] = bytes([_EVICT[0] ^ 1]) * len(_EVICT)


def timed_list(folder: Path) -> tuple[float, int]:
    evict_cpu_caches()
    start = time.perf_counter()
    entries = list_sessions(folder)
    return time.perf_counter() - start, len(entries)


def fresh_cache() -> None:
    os.environ["VBWIZARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="vb-cache-")


def run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=os.environ.copy())
    return time.perf_counter() - start


def review_timing(folder: Path, *, cold: bool) -> tuple[float, float, float, int, list[float]]:
    """Opening the review screen: seconds to its first rows, to all, to all once on screen,
    rows, loop lags.

    With ``cold``, the cache is emptied once the start screen has counted the sessions
    (that count lists the folder and so fills the cache).
    """
    from vbwizard.bank import load_bank
    from vbwizard.tui.app import VbWizardApp
    from vbwizard.tui.screens.review import ReviewScreen

    async def measure() -> tuple[float, float, float, int, list[float]]:
        app = VbWizardApp(bank=load_bank(), sessions_dir=folder, handle_signals=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            if cold:
                fresh_cache()
            lags: list[float] = []
            done = False

            async def probe() -> None:  # on the app's own event loop
                while not done:
                    before = time.perf_counter()
                    await asyncio.sleep(0.01)
                    lags.append(time.perf_counter() - before - 0.01)

            task = asyncio.create_task(probe())
            start = time.perf_counter()
            # Not awaited: Pilot's press returns only once the app is idle, long after
            # the first rows show on a busy screen.
            press = asyncio.create_task(pilot.press("b"))
            first = shown = None
            while True:
                screen = app.screen
                if isinstance(screen, ReviewScreen):
                    if shown is None:
                        shown = time.perf_counter() - start
                    if first is None and screen.table.row_count:
                        first = time.perf_counter() - start
                    if not screen.filling:
                        break
                await asyncio.sleep(0.005)
            total = time.perf_counter() - start
            done = True
            await task
            await press
            rows = len(screen.table.rows_loaded)
            return first or total, total, total - (shown or 0.0), rows, lags

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
        sampled = size > UNIQUE
        base = parse_all(folder, UNIQUE if sampled else None)
        fresh_cache()
        first, count = timed_list(folder)
        assert count == size, (count, size)
        repeat = median([timed_list(folder)[0] for _ in range(3 if sampled else 5)])
        rows.append((size, base, first, repeat))
        print(
            f"{size:>6} sessions: parse {base:7.2f} s{' (sampled)' if sampled else ''} "
            f"({base / size * 1e3:.2f} ms/session) | first list {first:6.2f} s "
            f"({first / size * 1e3:.3f} ms/session, {first / base:.3f}x) | repeat {ms(repeat)} "
            f"({repeat / size * 1e6:.1f} µs/session, {repeat / base:.4f}x)"
        )
    by_size = {r[0]: r for r in rows}
    size, base, first, repeat = by_size.get(UNIQUE, rows[-1])
    print(f"ratio first listing at {size}: {first / base:.3f}x (budget 1.0x)")
    print(f"ratio repeated listing at {size}: {repeat / base:.4f}x (budget 0.02x)")
    for label, column in (("first", 2), ("repeated", 3)):
        per = [r[column] / r[0] for r in rows]
        verdict = "linear or better" if max(per[1:], default=0) <= per[0] * 1.25 else "WORSE"
        print(
            f"growth, {label} listing per session: "
            + " → ".join(f"{p * 1e6:.1f} µs" for p in per)
            + f" ({verdict} than linear)"
        )
    legacy = legacy_folder(args.dir, 1000)
    legacy_base = parse_all(legacy)
    fresh_cache()
    legacy_first, _ = timed_list(legacy)
    print(
        f"files without the checksum line, 1000, first list: {legacy_first:.2f} s "
        f"({legacy_first / legacy_base:.2f}x their parse, {legacy_base:.2f} s)"
    )
    folder = args.dir / f"sessions-{size}"
    if not args.skip_cli:
        command = [sys.executable, "-m", "vbwizard", "list", "--sessions-dir", str(folder)]
        fresh_cache()
        first_cli = run(command)
        repeat_cli = median([run(command) for _ in range(5)])
        print(f"process, vbwizard list first: {first_cli:.2f} s ({first_cli / base:.3f}x parse)")
        print(f"process, vbwizard list repeated: {ms(repeat_cli)} ({repeat_cli / base:.4f}x)")
    if not args.skip_review:
        for label in ("empty", "warm"):
            # Empty cache: PAIRS alternating pairs (review, then a cold listing) and the
            # median of their ratios; a single cold listing varies by 10-20 %.
            runs = []
            for _ in range(PAIRS if label == "empty" else 1):
                timing = review_timing(folder, cold=label == "empty")
                listed = None
                if label == "empty":
                    fresh_cache()
                    listed = timed_list(folder)[0]
                runs.append((timing, listed))
            first_rows = median([t[0] for t, _ in runs])
            all_rows = median([t[1] for t, _ in runs])
            loaded = runs[0][0][3]
            lags = [lag for (*_, run_lags), _listed in runs for lag in run_lags]
            versus = ""
            if label == "empty":
                ratios = [t[1] / lst for t, lst in runs if lst]
                shown = [t[2] / lst for t, lst in runs if lst]
                versus = (
                    f" (vs a cold listing just after, {len(runs)} pairs: median "
                    f"{median(ratios):.2f}x, from the screen shown {median(shown):.2f}x; "
                    f"all in: {', '.join(ms(t[1]) for t, _ in runs)}; listings: "
                    f"{', '.join(ms(lst) for _, lst in runs if lst)})"
                )
            print(
                f"review screen, {loaded} sessions, {label} cache: first rows after "
                f"{ms(first_rows)}, all in after {ms(all_rows)} (medians){versus}; "
                "event-loop lag (all runs) median "
                f"{ms(median(lags))}, p95 {ms(p95(lags))}, max {ms(max(lags))} "
                f"({len(lags)} probes)"
            )


if __name__ == "__main__":
    main()
