"""Reports and merge, each against the time to load its session(s) alone.

* Markdown, HTML and Word reports of one full session (12 factors, 8 actions):
  ``render_report`` (warm: python-docx already imported; its first import is
  printed separately), against ``read_session`` of the file.
* A merge of 50 self-assessments: load all + ``check_compatible`` +
  ``merge_sessions`` + TOML of the result, against loading the 50 alone.
* Growth: the same merge over 100, 1,000 and 10,000 sessions, per session (the
  folders listing.py uses, generated when missing: a merge reads any session).

Usage: python benchmarks/reports_merge.py [--dir DIR] [--sizes 100,1000,10000] [--runs R]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms  # noqa: E402
from listing import folder_of  # noqa: E402
from make_sessions import realistic_session, write_sessions  # noqa: E402

from vbwizard.bank import load_bank  # noqa: E402
from vbwizard.bulk import collector_paused  # noqa: E402
from vbwizard.merge import load_merge_inputs, merge_sessions  # noqa: E402
from vbwizard.session.storage import read_session, save_session, session_to_toml  # noqa: E402


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return median(times)


def self_folder(root: Path, size: int) -> Path:
    folder = root / f"self-{size}"
    if len(list(folder.glob("*.toml"))) != size:
        write_sessions(size, folder, mode="self", seed=50)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "vb-bench")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    bank = load_bank()
    print(f"machine: {machine()}")

    session = realistic_session(bank, 7, random.Random(7), "group")
    path = save_session(session, Path(tempfile.mkdtemp(prefix="vb-report-")))
    load = best_of(args.runs, lambda: read_session(path))
    print(f"load one full session: median {ms(load)} ({path.stat().st_size / 1024:.1f} KiB)")
    from vbwizard.reports import render_report

    start = time.perf_counter()
    render_report(bank, session, "docx")
    print(f"first Word report (imports python-docx): {ms(time.perf_counter() - start)}")
    for fmt in ("md", "html", "docx"):
        t = best_of(args.runs, lambda fmt=fmt: render_report(bank, session, fmt))  # type: ignore[misc]
        print(f"report {fmt:>4}: median {ms(t)} ({t / load:.2f}x loading the session)")

    def merge(paths: list[Path]) -> float:
        # The same steps as `vbwizard merge`, including its paused cycle collector.
        start = time.perf_counter()
        with collector_paused():
            sessions = load_merge_inputs(bank, paths)
            merged = merge_sessions(bank, sessions)
            session_to_toml(merged)
        return time.perf_counter() - start

    def load_all(paths: list[Path]) -> float:
        start = time.perf_counter()
        for p in paths:
            read_session(p)
        return time.perf_counter() - start

    paths = sorted(self_folder(args.dir, 50).glob("*.toml"))
    load50 = median([load_all(paths) for _ in range(5)])
    merge50 = median([merge(paths) for _ in range(5)])
    print(
        f"merge of 50 self-assessments: median {ms(merge50)}; loading them alone {ms(load50)} "
        f"({merge50 / load50:.2f}x)"
    )
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        paths = sorted(folder_of(args.dir, size).glob("*.toml"))
        loaded, merged = load_all(paths), merge(paths)
        rows.append((size, merged / size))
        print(
            f"merge of {size:>6}: {merged:7.2f} s ({merged / size * 1e3:.2f} ms/session; "
            f"loading alone {loaded / size * 1e3:.2f} ms/session, {merged / loaded:.2f}x)"
        )
    per = [r[1] for r in rows]
    print(
        "growth, merge per session: "
        + " → ".join(f"{p * 1e3:.2f} ms" for p in per)
        + f" ({'linear or better' if per[-1] <= per[0] * 1.25 else 'WORSE than linear'})"
    )


if __name__ == "__main__":
    main()
