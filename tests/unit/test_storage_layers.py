"""Storage layers: no import cycle, the cache folder from platformdirs, a lock that never kills."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest

from vbwizard.paths import resolve_cache_dir
from vbwizard.session import lock as lock_module
from vbwizard.session.lock import SessionLock, SessionLockedError, lock_path

SESSION_PACKAGE = Path(__file__).resolve().parents[2] / "src" / "vbwizard" / "session"


def _session_imports() -> dict[str, set[str]]:
    """Which modules of ``vbwizard.session`` each one imports (also inside functions)."""
    graph: dict[str, set[str]] = {}
    for path in SESSION_PACKAGE.glob("*.py"):
        if path.stem == "__init__":
            continue
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            found |= {n.split(".")[2] for n in names if n.startswith("vbwizard.session.")}
        graph[path.stem] = found - {path.stem}
    return graph


def test_session_modules_import_each_other_without_a_cycle():
    # storage.py used to import listing.py, which imported storage.py.
    graph = _session_imports()
    assert "listing" not in graph["storage"]
    assert "atomic" in graph["list_cache"] and "atomic" in graph["storage"]
    assert "list_cache" in graph["listing"]

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in graph.get(start, ())
        )

    assert [name for name in graph if reaches(name, name, set())] == []


def test_cache_folder_follows_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.delenv("VBWIZARD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert resolve_cache_dir() == tmp_path / "xdg" / "vbwizard"


def test_cache_folder_defaults_to_the_home_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("VBWIZARD_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_cache_dir() == tmp_path / ".cache" / "vbwizard"


def test_own_cache_setting_wins_and_empty_turns_it_off(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", str(tmp_path / "own"))
    assert resolve_cache_dir() == tmp_path / "own"
    monkeypatch.setenv("VBWIZARD_CACHE_DIR", "")
    assert resolve_cache_dir() is None


def test_without_flock_another_holder_is_reported_held_and_never_signalled(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    session = sessions_dir / "s.toml"
    session.write_text("")
    holder = {"pid": os.getppid(), "host": "elders", "since": "2026-11-30T10:00:00"}
    lock_path(session).write_text(json.dumps(holder), encoding="utf-8")
    signals: list[tuple[int, int]] = []
    monkeypatch.setattr(lock_module, "fcntl", None)  # as on Windows
    monkeypatch.setattr(os, "kill", lambda pid, sig: signals.append((pid, sig)))
    with pytest.raises(SessionLockedError) as caught:
        SessionLock(session).acquire()
    assert not caught.value.stale
    assert "al geopend door proces" in str(caught.value)
    assert signals == []
    assert json.loads(lock_path(session).read_text(encoding="utf-8")) == holder
