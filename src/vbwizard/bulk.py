"""Working with many sessions at once (merge, listing thousands of files)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk load.

    Loading a session makes many small objects and no reference cycles. With
    thousands of sessions alive, every automatic collection rescans all of them,
    so the cost per session grows with the number loaded (measured: 3.1 ms per
    session at 100, 4.3 ms at 10,000). Reference counting still frees memory as
    usual; only the cycle scans wait until the block ends.

    Args:
        keep: Leave what was made meanwhile out of later collections
            (:func:`gc.freeze`) until :func:`release_kept`. The first collection
            after a plain pause scans everything made during it at once: after
            reading ten thousand sessions 60-90 ms, with a screen waiting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if was_enabled:
            gc.enable()


def release_kept() -> None:
    """Let the collector see again what :func:`collector_paused` kept (when it is let go)."""
    gc.unfreeze()
