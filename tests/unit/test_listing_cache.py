"""The session list's cache is never wrong: what a fresh listing would show, it shows.

Most tests set ``RACY_NS`` to 0, so files written a moment ago are cached at once
(normally a file changed in the last two seconds is parsed again next time, because
timestamps are coarse); ``test_racy_*`` keep the real value.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbwizard.bank import Bank
from vbwizard.session import list_cache, listing, summary
from vbwizard.session.create import new_session
from vbwizard.session.listing import cache_file_for, iter_sessions, list_sessions
from vbwizard.session.storage import save_session, session_to_toml


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"  # the conftest points VBWIZARD_CACHE_DIR here


@pytest.fixture
def no_racy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary, "RACY_NS", 0)


def _save(bank: Bank, folder: Path, title: str, session_id: str) -> Path:
    return save_session(new_session(bank, title=title, area="Oost", session_id=session_id), folder)


def _fresh(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[listing.SessionEntry]:
    """The listing without any cache: the truth the cached one must equal."""
    with monkeypatch.context() as m:
        m.setenv("VBWIZARD_CACHE_DIR", "")
        return list_sessions(folder)


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file the listing summarises (from its head or in full) from now on."""
    parsed: list[Path] = []
    real = summary.summarise

    def spy(path: Path, raw: bytes):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return real(path, raw)

    monkeypatch.setattr(summary, "summarise", spy)
    return parsed


@pytest.fixture
def folder(mini_bank: Bank, sessions_dir: Path) -> Path:
    for i in range(3):
        _save(mini_bank, sessions_dir, f"Sessie {i}", f"sessie-{i}")
    (sessions_dir / "kapot.toml").write_text('title = "half', encoding="utf-8")
    text = session_to_toml(new_session(mini_bank, title="x", session_id="zeven"))
    (sessions_dir / "zeven.toml").write_text(
        text + "\n[factors.alfa]\nweight = 7\n", encoding="utf-8"
    )
    return sessions_dir


def test_repeat_listing_parses_nothing_and_equals_a_fresh_one(folder, no_racy, monkeypatch):
    first = list_sessions(folder)
    parsed = _no_parsing(monkeypatch)
    again = list_sessions(folder)
    assert parsed == []
    assert again == first == _fresh(folder, monkeypatch)
    assert len(again) == 5


def test_changed_file_shows_its_new_title(folder, mini_bank, no_racy, monkeypatch):
    list_sessions(folder)
    _save(mini_bank, folder, "Nieuwe titel", "sessie-1")
    parsed = _no_parsing(monkeypatch)
    titles = {e.id: e.title for e in list_sessions(folder)}
    assert titles["sessie-1"] == "Nieuwe titel"
    assert parsed == [folder / "sessie-1.toml"]


def test_same_size_rewrite_in_place_with_restored_mtime_shows(folder, no_racy, monkeypatch):
    path = folder / "sessie-1.toml"
    before = path.stat()
    list_sessions(folder)
    time.sleep(0.01)  # a later change time than the cached one, whatever the clock's tick
    text = path.read_text(encoding="utf-8").replace("Sessie 1", "Sessie X")
    with open(path, "r+", encoding="utf-8") as handle:  # same inode, same size
        handle.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or rsync do
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert {e.id: e.title for e in list_sessions(folder)}["sessie-1"] == "Sessie X"


def test_racy_file_is_not_cached_until_it_is_old_enough(folder, monkeypatch, cache_dir):
    list_sessions(folder)  # every file was written just now: none may be cached
    cache = cache_file_for(folder)
    assert cache is not None
    assert not list_cache.load_cache(cache, list_cache.cache_header(folder))
    parsed = _no_parsing(monkeypatch)
    list_sessions(folder)
    assert len(parsed) == 5  # parsed again, not trusted


def test_racy_same_tick_rewrite_is_seen(folder, monkeypatch):
    # The worst case: rewritten in place, same size, times restored, at once after a
    # listing. Only the "too recent to trust" rule can catch it; it must.
    path = folder / "sessie-2.toml"
    for n in range(5):
        before = path.stat()
        assert len(list_sessions(folder)) == 5
        text = path.read_text(encoding="utf-8")
        text = text.replace(f"Sessie {2 if n == 0 else n - 1}", f"Sessie {n}")
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert {e.id: e.title for e in list_sessions(folder)}["sessie-2"] == f"Sessie {n}"


def test_added_file_shows_and_removed_file_disappears(folder, mini_bank, no_racy, monkeypatch):
    list_sessions(folder)
    _save(mini_bank, folder, "Erbij", "erbij")
    (folder / "sessie-0.toml").unlink()
    ids = {e.id for e in list_sessions(folder)}
    assert "erbij" in ids
    assert "sessie-0" not in ids
    assert list_sessions(folder) == _fresh(folder, monkeypatch)


def test_unreadable_files_keep_their_reason_from_the_cache(folder, no_racy, monkeypatch):
    first = {e.id: e.error for e in list_sessions(folder) if not e.readable}
    parsed = _no_parsing(monkeypatch)
    again = {e.id: e.error for e in list_sessions(folder) if not e.readable}
    assert parsed == []
    assert again == first
    assert "geen geldige TOML" in (again["kapot"] or "")
    assert "factors.alfa.weight" in (again["zeven"] or "")


def test_read_failures_are_never_cached(folder, no_racy, monkeypatch):
    # A folder named like a session, and a dangling link: reported, never cached.
    (folder / "een-map.toml").mkdir()
    (folder / "weg.toml").symlink_to(folder / "bestaat-niet")
    first = {e.id: e.error for e in list_sessions(folder)}
    assert first["een-map"] == "is een map, geen bestand"
    assert first["weg"] == "bestand niet gevonden"
    parsed = _no_parsing(monkeypatch)
    real_read = listing.read_entry
    read: list[str] = []

    def spy(path: Path):  # type: ignore[no-untyped-def]
        read.append(path.name)
        return real_read(path)

    monkeypatch.setattr(listing, "read_entry", spy)
    assert {e.id: e.error for e in list_sessions(folder)} == first
    assert sorted(read) == ["een-map.toml", "weg.toml"]
    assert parsed == []


def test_permission_change_is_seen(folder, no_racy):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = folder / "sessie-0.toml"
    list_sessions(folder)
    path.chmod(0)
    try:
        error = {e.id: e.error for e in list_sessions(folder)}["sessie-0"]
        assert error is not None and error.startswith("kan niet lezen")
    finally:
        path.chmod(0o600)
    assert {e.id: e.error for e in list_sessions(folder)}["sessie-0"] is None


CORRUPT = [
    b"",
    b"\x00\xff garbage",
    b"[]",
    b'{"format": "iets anders", "files": {}}',
    b"[" * 100_000,  # nested too deeply for the parser
    b'{"format": "vbwizard-session-list/4"}\n["sessie-0.toml", [1, 2',  # torn
]


@pytest.mark.parametrize("content", CORRUPT)
def test_corrupt_cache_is_ignored_and_rebuilt(folder, no_racy, monkeypatch, content):
    truth = list_sessions(folder)
    cache = cache_file_for(folder)
    assert cache is not None and cache.exists()
    cache.write_bytes(content)
    assert list_sessions(folder) == truth
    assert list_cache.load_cache(cache, list_cache.cache_header(folder))  # rebuilt


def _tamper(cache: Path, folder: Path, change) -> None:  # type: ignore[no-untyped-def]
    header = list_cache.cache_header(folder)
    files = list_cache.load_cache(cache, header)
    assert files
    for item in files.values():
        change(item)
    list_cache.save_cache(cache, header, files)


TAMPERING = {
    "title not text": lambda item: item[1].update(title=3),
    "unknown field": lambda item: item[1].update(kleur="rood"),
    "missing field": lambda item: item[1].pop("area"),
    "bad date": lambda item: item[1].update(date="gisteren"),
    "bad updated": lambda item: item[1].update(updated=12),
    "readable without a change time": lambda item: item[1].update(updated=None, error=None),
    "priorities not a list": lambda item: item[1].update(priorities="alfa"),
    "identity short": lambda item: item[0].pop(),
    "identity off by one": lambda item: item[0].__setitem__(2, item[0][2] + 1),
    "not a pair": lambda item: item.append(1),
}


@pytest.mark.parametrize("change", TAMPERING.values(), ids=TAMPERING.keys())
def test_malformed_cache_entries_are_parsed_again(folder, no_racy, monkeypatch, change):
    truth = list_sessions(folder)
    cache = cache_file_for(folder)
    assert cache is not None
    _tamper(cache, folder, change)
    parsed = _no_parsing(monkeypatch)
    assert list_sessions(folder) == truth
    assert len(parsed) == 5


def test_cache_of_another_folder_or_version_is_ignored(folder, no_racy, monkeypatch, tmp_path):
    list_sessions(folder)
    copy = tmp_path / "kopie"
    shutil.copytree(folder, copy)  # times copied (copy2), but not inodes or change times
    own, other = cache_file_for(folder), cache_file_for(copy)
    assert own is not None and other is not None and own != other
    shutil.copyfile(own, other)  # a cache claiming to be the copy's
    truth = _fresh(copy, monkeypatch)
    parsed = _no_parsing(monkeypatch)
    assert list_sessions(copy) == truth
    assert len(parsed) == 5
    parsed.clear()
    monkeypatch.setattr(list_cache, "__version__", "99.0")
    list_sessions(folder)
    assert len(parsed) == 5


def test_cache_is_private_and_outside_the_sessions_folder(folder, no_racy, cache_dir):
    before = sorted(p.name for p in folder.iterdir())
    list_sessions(folder)
    assert sorted(p.name for p in folder.iterdir()) == before
    cache = cache_file_for(folder)
    assert cache is not None and cache.parent == cache_dir
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


def test_unwritable_cache_or_read_only_folder_still_lists(folder, monkeypatch, tmp_path):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("")
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    truth = _fresh(folder, monkeypatch)
    folder.chmod(0o500)
    try:
        assert list_sessions(folder) == truth
        assert list_sessions(folder) == truth
    finally:
        folder.chmod(0o700)


def test_empty_cache_setting_turns_the_cache_off(folder, monkeypatch, cache_dir):
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", "")
    assert cache_file_for(folder) is None
    assert len(list_sessions(folder)) == 5
    assert not cache_dir.exists()


def test_missing_folder_lists_nothing(tmp_path):
    assert list_sessions(tmp_path / "bestaat-niet") == []
    assert list(iter_sessions(tmp_path / "bestaat-niet")) == []


def test_iter_sessions_gives_cached_entries_first(folder, mini_bank, no_racy):
    list_sessions(folder)
    _save(mini_bank, folder, "Nieuw", "aaa-nieuw")  # first by name, but not cached
    ids = [e.id for e in iter_sessions(folder)]
    assert ids[-1] == "aaa-nieuw"
    assert len(ids) == 6


def test_abandoned_iteration_leaves_the_cache_alone(folder, no_racy):
    list_sessions(folder)
    cache = cache_file_for(folder)
    assert cache is not None
    before = cache.read_bytes()
    (folder / "sessie-0.toml").unlink()
    entries = iter_sessions(folder)
    next(entries)
    entries.close()
    assert cache.read_bytes() == before


# Arbitrary sequences of saves, edits in place, removals and listings: the cached
# listing always equals one made without any cache. Every change here also changes
# the file's size, so that caching at once (RACY_NS = 0) is safe on any clock; the
# same-size cases have their own tests above.
_OPS = st.lists(
    st.tuples(st.sampled_from(["save", "edit", "remove", "list"]), st.integers(0, 3)),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=_OPS)
def test_cached_listing_always_equals_a_fresh_one(ops, mini_bank, tmp_path, monkeypatch):
    monkeypatch.setattr(summary, "RACY_NS", 0)
    folder = tmp_path / "prop"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", str(tmp_path / "prop-cache"))
    shutil.rmtree(tmp_path / "prop-cache", ignore_errors=True)
    for step, (kind, n) in enumerate(ops, start=1):
        path = folder / f"s-{n}.toml"
        grow = "x" * (len(path.read_bytes()) if path.exists() else 0)
        if kind == "save":
            _save(mini_bank, folder, f"t{grow}{step}", f"s-{n}")
        elif kind == "edit" and path.exists():
            text = path.read_text(encoding="utf-8")
            with open(path, "w", encoding="utf-8") as handle:  # in place, same inode
                handle.write(text.replace('title = "', f'title = "{step}', 1))
        elif kind == "remove" and path.exists():
            path.unlink()
        assert list_sessions(folder) == _fresh(folder, monkeypatch)


@pytest.mark.parametrize("cut", [1, 40, 400])
def test_a_torn_cache_line_reads_as_no_cache(folder, no_racy, monkeypatch, cut):
    truth = list_sessions(folder)
    cache = cache_file_for(folder)
    assert cache is not None
    whole = cache.read_bytes()
    assert whole.count(b"\n") == 5, "a header line and a line per session"
    cache.write_bytes(whole[:-cut])  # a write cut short (the atomic save rules it out)
    assert list_cache.load_cache(cache, list_cache.cache_header(folder)) == {}
    parsed = _no_parsing(monkeypatch)
    assert list_sessions(folder) == truth
    assert len(parsed) == 5
