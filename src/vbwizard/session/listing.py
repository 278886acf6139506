"""The session list: a summary of every session file in a folder, and its cache.

Listing says of every file what opening it would say, so a file the list calls
readable really opens, and a broken one says why. Profiling showed where the time
of a first listing goes: tomllib's parsing about 95 %, pydantic's validation about
4 %. So a file that vbwizard itself wrote, unchanged since (its checksum line
matches, see :mod:`~vbwizard.session.list_head`), is summarised from its first
lines alone; any other file is parsed and validated in full, as opening it would.
What makes a repeated listing cheap is not reading files at all when nothing changed.

Summaries are therefore cached per user (see
:func:`~vbwizard.paths.resolve_cache_dir`), never in the sessions folder: listing
must leave that folder untouched, and it may be read-only, shared or synced. Each
summary is filed under its file's identity: modification and change time in
nanoseconds, size, inode and device. A repeated listing stats every file and parses
only those whose identity differs; added files are parsed, removed ones drop out.
The change time cannot be set by tools that restore a modification time, and a
rename over the file (every save) gives it a new inode.

The cache is a hint that is never trusted blindly:

* a cache of another format, vbwizard version, schema or folder, or one that does
  not parse, is ignored and rebuilt; each entry is checked field by field;
* a file changed less than :data:`~vbwizard.session.summary.RACY_NS` before it was
  read is not cached: timestamps are coarse, so a same-size rewrite within one tick could otherwise
  look unchanged (git's "racily clean" problem);
* the identity comes from the open file the bytes were read from, taken before and
  after reading; a file that changed meanwhile is not cached;
* failures to read (permissions, I/O) are never cached, only what a file's content
  says; and when the cache cannot be written, listing works the same, only slower.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vbwizard.bulk import collector_paused
from vbwizard.session.list_cache import cache_file_for as cache_file_for
from vbwizard.session.list_cache import cache_header, load_cache, save_cache
from vbwizard.session.naming import SESSION_SUFFIX
from vbwizard.session.summary import (
    Identity,
    from_summary,
    identity_of,
    read_entry,
    to_summary,
)
from vbwizard.session.summary import SessionEntry as SessionEntry

PARALLEL_FROM = 1000
"""Files to parse from which worker processes pay off.

Starting them costs ~0.1 s; a file vbwizard wrote takes ~0.2 ms, any other ~2 ms.
"""


def _scan(folder: Path) -> list[tuple[str, Identity | None]] | None:
    """The session file names in ``folder`` with their identities, by name.

    Returns:
        ``None`` when the folder cannot be read (missing, not a folder, no access).
        An identity is ``None`` when the name is not a regular file or cannot be
        stat'ed: such names are always read, and report why.
    """
    found: list[tuple[str, Identity | None]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                # Hidden names are temporary files of a save in progress, or not ours.
                if name.startswith(".") or not name.endswith(SESSION_SUFFIX):
                    continue
                try:
                    st = entry.stat()  # follows a symlink: the target is what is read
                except OSError:
                    found.append((name, None))
                    continue
                found.append((name, identity_of(st) if stat.S_ISREG(st.st_mode) else None))
    except OSError:
        return None
    found.sort()
    return found


def _from_cache(path: Path, cached: object, identity: Identity) -> SessionEntry | None:
    """The cached entry of ``path`` if it is for this identity and well-formed, else ``None``."""
    if not isinstance(cached, list) or len(cached) != 2:
        return None
    key, summary = cached
    if key != list(identity):
        return None
    return from_summary(path, summary)


def _read_all(paths: list[Path]) -> Iterator[tuple[SessionEntry, Identity | None]]:
    if len(paths) < PARALLEL_FROM:
        return map(read_entry, paths)
    from vbwizard.session.list_workers import read_in_workers

    return read_in_workers(paths)


class FolderScan:
    """One pass over a sessions folder: its entries, then (when complete) the cache updated.

    Iterate it for the summaries, in no set order: unchanged files first, straight
    from the cache, then the others as they are parsed, so a view can fill
    progressively. Then :meth:`remember` brings the cache up to date (best effort):
    a view can show its last rows first and write the cache after. A pass
    abandoned early leaves the cache as it was.
    """

    def __init__(self, sessions_dir: Path) -> None:
        self.sessions_dir = sessions_dir
        self._cache = cache_file_for(sessions_dir)
        self._header = cache_header(sessions_dir) if self._cache is not None else {}
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        self._fresh = False  # a summary not from the cache is to be cached
        self._complete = False

    def __iter__(self) -> Iterator[SessionEntry]:
        folder = self.sessions_dir
        scan = _scan(folder)
        if scan is None:
            return
        cache, old, new = self._cache, self._old, self._new
        if cache is not None:
            old.update(load_cache(cache, self._header))
        to_read: list[Path] = []
        for name, identity in scan:
            path = folder / name
            entry = None if identity is None else _from_cache(path, old.get(name), identity)
            if entry is None:
                to_read.append(path)
                continue
            new[name] = old[name]
            yield entry
        for entry, identity in _read_all(to_read):
            if identity is not None:
                new[entry.path.name] = [list(identity), to_summary(entry)]
                self._fresh = True
            yield entry
        self._complete = True

    def remember(self) -> None:
        """Write what this complete pass found to the cache, if it changed."""
        # Without fresh summaries, ``new`` holds a subset of ``old``'s entries as they
        # were: equal exactly when no file has gone (no need to compare them all).
        changed = self._fresh or len(self._new) != len(self._old)
        if self._cache is not None and self._complete and changed:
            save_cache(self._cache, self._header, self._new)


def iter_sessions(sessions_dir: Path) -> Iterator[SessionEntry]:
    """Yield a summary of every session file in ``sessions_dir``, in no set order.

    A :class:`FolderScan` that, when exhausted, updates the cache; one abandoned
    early leaves the cache as it was.

    Python's cycle collector keeps running here: a screen filling from this
    iterator would rather have many short collections than, when a pause ends,
    one that scans every summary made meanwhile (60–70 ms at 10,000 sessions,
    with the UI waiting). :func:`list_sessions`, which only returns at the end,
    pauses it.
    """
    scan = FolderScan(sessions_dir)
    yield from scan
    scan.remember()


def list_sessions(sessions_dir: Path) -> list[SessionEntry]:
    """Summarise every session file, newest first; unreadable files say why.

    Sessions changed at the same moment keep the order of their file names.
    """
    # Thousands of new objects and no cycles among them: a cyclic collection now
    # would only rescan everything alive, again and again as the list grows.
    with collector_paused():
        entries = sorted(iter_sessions(sessions_dir), key=lambda e: e.path.name)
    # A stable sort, even reversed: sessions changed at the same moment stay by name.
    entries.sort(key=lambda e: e.recency, reverse=True)
    return entries
