"""Summarise many session files at once in worker processes, for the session list.

Parsing TOML is pure Python, so threads would take turns on one core. Worker
processes use every core, and they leave the interpreter of the program waiting
for the summaries free: the review screen keeps answering its user while ten
thousand files are read.

Each worker is ``python -m vbwizard.session.list_workers``: it reads its share of
the paths from stdin (one JSON string per line), then writes one JSON line per
path, in order: ``[identity or null, summary]`` (see
:func:`~vbwizard.session.summary.to_summary`). Its stderr goes nowhere, so it can
never draw over a terminal UI.

``multiprocessing`` is not used on purpose: it passes the parent's stderr to its
helper process (Textual replaces stderr with an object without a file, which
makes that fail) and its "spawn" start re-runs the parent's main script.

Whatever a worker does not deliver (it could not start, it died, it wrote
something unexpected) is read here, one by one: a file is never left out.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from vbwizard.session.summary import (
    Identity,
    SessionEntry,
    from_summary,
    read_entry,
    to_summary,
)

WORKERS_MAX = 4
"""More processes than this gain little: reading the disk and the results then dominate."""
STALL_SECONDS = 60
"""A worker silent this long is given up on (a file on a disk that stopped answering)."""
CHUNK_BYTES = 1 << 20
LINES_PER_WRITE = 64
_DONE = object()


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform (macOS, Windows)
        return os.cpu_count() or 1


def read_in_workers(paths: list[Path]) -> Iterator[tuple[SessionEntry, Identity | None]]:
    """Each path's entry and cache identity, as :func:`~.summary.read_entry` gives them.

    In no set order (each worker's share in order). A caller that stops early
    stops the workers.
    """
    count = min(cores(), WORKERS_MAX)
    if count < 2:
        yield from map(read_entry, paths)
        return
    shares = [paths[k * len(paths) // count : (k + 1) * len(paths) // count] for k in range(count)]
    results: queue.Queue[tuple[int, object]] = queue.Queue()
    workers: list[subprocess.Popen[bytes]] = []
    delivered = [0] * count
    try:
        for number, share in enumerate(shares):
            worker = _start(number, share, results)
            if worker is not None:
                workers.append(worker)
            else:
                results.put((number, _DONE))
        running, broken = count, set()
        pending = [b""] * count
        while running:
            try:
                number, chunk = results.get(timeout=STALL_SECONDS)
            except queue.Empty:
                break  # a worker that stalls: what is left is read below
            if chunk is _DONE:
                running -= 1
                continue
            assert isinstance(chunk, bytes)
            *lines, pending[number] = (pending[number] + chunk).split(b"\n")
            share = shares[number]
            for line in lines:
                if number in broken or delivered[number] >= len(share):
                    break
                item = _decode(share[delivered[number]], line)
                if item is None:
                    broken.add(number)  # its next lines may be off by one: read the rest below
                    break
                delivered[number] += 1
                yield item
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
            worker.wait()
    for number, share in enumerate(shares):
        yield from map(read_entry, share[delivered[number] :])


def _start(
    number: int, share: list[Path], results: queue.Queue[tuple[int, object]]
) -> subprocess.Popen[bytes] | None:
    # The worker imports this very vbwizard, wherever it was imported from.
    home = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [home, os.environ.get("PYTHONPATH")])),
    }
    try:
        worker = subprocess.Popen(
            [sys.executable, "-m", "vbwizard.session.list_workers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
        )
    except OSError:
        return None
    assert worker.stdin is not None and worker.stdout is not None
    feed = b"".join(json.dumps(os.fspath(p)).encode() + b"\n" for p in share)
    threading.Thread(target=_feed, args=(worker.stdin, feed), daemon=True).start()
    threading.Thread(target=_collect, args=(number, worker.stdout, results), daemon=True).start()
    return worker


def _feed(pipe: IO[bytes], data: bytes) -> None:
    try:
        with pipe:
            pipe.write(data)
    except OSError:
        pass  # the worker is gone; what it did not deliver is read by the caller


def _collect(number: int, pipe: IO[bytes], results: queue.Queue[tuple[int, object]]) -> None:
    # Whole chunks, not lines: every hand-over needs the interpreter lock, and a
    # worker whose pipe is full waits for it.
    try:
        with pipe:
            while chunk := os.read(pipe.fileno(), CHUNK_BYTES):
                results.put((number, chunk))
    except (OSError, ValueError):
        pass
    finally:
        results.put((number, _DONE))


def _decode(path: Path, line: object) -> tuple[SessionEntry, Identity | None] | None:
    try:
        identity, summary = json.loads(line)  # type: ignore[arg-type]
        entry = from_summary(path, summary)
        if entry is None:
            return None
        if identity is None:
            return entry, None
        if (
            isinstance(identity, list)
            and len(identity) == 5
            and all(type(n) is int for n in identity)
        ):
            return entry, (identity[0], identity[1], identity[2], identity[3], identity[4])
    except (ValueError, TypeError):
        pass
    return None


def main() -> None:
    """The worker: summarise the paths on stdin, one JSON line each on stdout."""
    import gc

    gc.disable()  # a short life, many objects, no cycles
    out = sys.stdout.buffer
    lines: list[bytes] = []
    for line in sys.stdin.buffer.read().splitlines():
        entry, identity = read_entry(Path(json.loads(line)))
        key = None if identity is None else list(identity)
        lines.append(json.dumps([key, to_summary(entry)]).encode("ascii"))
        if len(lines) == LINES_PER_WRITE:  # few, large writes: each costs the reader a wake-up
            out.write(b"\n".join(lines) + b"\n")
            out.flush()
            lines.clear()
    out.write(b"".join(line + b"\n" for line in lines))
    out.flush()


if __name__ == "__main__":
    main()
