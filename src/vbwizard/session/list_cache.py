"""The session list's cache file: where it lives, what it was written for, reading and writing.

One file per sessions folder in the user's cache folder (``platformdirs``), never in the
sessions folder itself. It is only ever a shortcut: a cache that is missing, foreign, too big or
broken reads as empty, and one that cannot be written is simply not written.

The file is JSON Lines: a header, then one line per session file. Decoding or encoding
ten thousand summaries in one call holds Python's interpreter lock for 40–70 ms, and
the review screen reads the folder in a thread while the user types; line by line,
the UI gets its turn every few milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from vbwizard import __version__
from vbwizard.paths import resolve_cache_dir
from vbwizard.session.atomic import SaveError, atomic_write
from vbwizard.session.schema import SCHEMA_VERSION

CACHE_FORMAT = "vbwizard-session-list/4"
LINES_PER_DECODE = 256
"""Cache lines decoded per call: about 2 ms each, while a UI thread may be waiting."""
MAX_CACHE_BYTES = 256 * 1024 * 1024
"""A larger cache file is not one vbwizard wrote (10,000 sessions make about 4 MB)."""


def cache_file_for(sessions_dir: Path) -> Path | None:
    """The file holding the list cache of ``sessions_dir``; ``None`` when caching is off."""
    root = resolve_cache_dir()
    if root is None:
        return None
    digest = hashlib.sha256(os.fsencode(os.path.realpath(sessions_dir))).hexdigest()
    return root / f"sessions-{digest[:32]}.json"


def cache_header(sessions_dir: Path) -> dict[str, object]:
    """What a cache must have been written for; any change may change a summary or verdict."""
    return {
        "format": CACHE_FORMAT,
        "vbwizard": __version__,
        "schema": SCHEMA_VERSION,
        "folder": os.path.realpath(sessions_dir),
    }


def load_cache(cache: Path, header: dict[str, object]) -> dict[str, Any]:
    """The cached entries by file name; empty when the cache is missing, broken or not ours."""
    try:
        with open(cache, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_CACHE_BYTES:
                return {}
            lines = handle.read().split(b"\n")
        first = json.loads(lines[0])
        if not isinstance(first, dict) or any(first.get(k) != v for k, v in header.items()):
            return {}
        files: dict[str, Any] = {}
        body = [line for line in lines[1:] if line]
        for start in range(0, len(body), LINES_PER_DECODE):
            # A few hundred lines per call: few calls, yet the lock is free again soon.
            items = json.loads(b"[" + b",".join(body[start : start + LINES_PER_DECODE]) + b"]")
            for item in items:
                if not isinstance(item, list) or not item or not isinstance(item[0], str):
                    return {}
                files[item[0]] = item[1:]  # what each entry holds, listing checks
    except (OSError, ValueError, TypeError, RecursionError):
        return {}  # a torn or foreign file: as if there were none
    return files


def save_cache(cache: Path, header: dict[str, object], files: dict[str, Any]) -> None:
    """Write the cache; silently skipped when that is not possible."""
    lines = [json.dumps(header, separators=(",", ":"))]
    lines += [json.dumps([name, *entry], separators=(",", ":")) for name, entry in files.items()]
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(cache, "\n".join(lines).encode("ascii"))
    except (OSError, SaveError):
        pass  # a read-only or full disk: the next listing simply parses again
