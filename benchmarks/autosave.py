"""Autosave: one committed answer of a full session until it is durable on disk.

Measured through ``SessionStore.commit`` (the TUI's one save path: touch, dump,
temporary file, fsync, rename, fsync of the folder) after changing one answer,
against a bare baseline on the same data: ``tomli_w.dumps`` of the session's dict,
then open/write/fsync/rename. Runs alternate so disk drift hits both equally.
The baseline skips the folder fsync that makes the rename itself survive power
loss; a second baseline with it is printed too, to show what durability costs.

Usage: python benchmarks/autosave.py [SAVES] [--dir DIR]   (DIR: where to save; a temp dir)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms, p95  # noqa: E402
from make_sessions import realistic_session  # noqa: E402

from vbwizard.bank import load_bank  # noqa: E402
from vbwizard.session.storage import fsync_dir  # noqa: E402
from vbwizard.session.store import SessionStore  # noqa: E402


def bare_save(document: dict[str, object], path: Path, *, dir_fsync: bool) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    data = tomli_w.dumps(document).encode("utf-8")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    if dir_fsync:
        fsync_dir(path.parent)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("saves", nargs="?", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vb-autosave-", dir=args.dir))
    bank = load_bank()
    import random

    session = realistic_session(bank, 1, random.Random(1), "group")
    assert len(session.factors) == 12 and len(session.actions) == 8
    store = SessionStore.create(session, folder)
    base_path = folder / "baseline.toml"
    base_dir_path = folder / "baseline-dirsync.toml"
    # The same data as the session holds: its dict, pruned the way the app writes it.
    from vbwizard.session.storage import _prune

    document = _prune(session.model_dump(mode="python", exclude_none=True))
    factor_ids = list(session.factors)
    values = [0, 1, 2, 3]

    def commit(i: int) -> None:
        # One keystroke's worth of change: a weight on some factor.
        store.session.factors[factor_ids[i % 12]].weight = values[i % 4]
        if not store.commit():
            raise SystemExit(f"save failed: {store.last_error}")

    for i in range(20):  # warm up caches and the disk's journal
        commit(i)
        bare_save(document, base_path, dir_fsync=False)
        bare_save(document, base_dir_path, dir_fsync=True)
    ours, base, base_dir = [], [], []
    for i in range(args.saves):
        base.append(timed(lambda: bare_save(document, base_path, dir_fsync=False)))
        ours.append(timed(lambda i=i: commit(i)))  # type: ignore[misc]
        base_dir.append(timed(lambda: bare_save(document, base_dir_path, dir_fsync=True)))
    store.close()
    size = store.path.stat().st_size
    print(f"machine: {machine()}")
    print(f"folder: {folder} ({os.statvfs(folder).f_bsize} B blocks); file {size / 1024:.1f} KiB")
    print(f"saves: {args.saves} each, alternating")
    print(f"baseline (dumps+write+fsync+rename): median {ms(median(base))}, p95 {ms(p95(base))}")
    print(
        f"baseline + folder fsync:             median {ms(median(base_dir))}, "
        f"p95 {ms(p95(base_dir))}"
    )
    print(f"SessionStore.commit:                 median {ms(median(ours))}, p95 {ms(p95(ours))}")
    print(f"ratio p95: {p95(ours) / p95(base):.2f}x (budget 2.0x)")
    print(f"ratio median: {median(ours) / median(base):.2f}x")
    print(f"ratio p95 vs baseline + folder fsync: {p95(ours) / p95(base_dir):.2f}x")


if __name__ == "__main__":
    main()
