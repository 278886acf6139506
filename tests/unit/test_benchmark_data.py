"""The benchmarks' generated sessions are valid sessions (a broken generator broke them once)."""

from __future__ import annotations

import sys
from pathlib import Path

from vbwizard.session.listing import list_sessions
from vbwizard.session.storage import load_session

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))

from make_sessions import write_sessions  # noqa: E402


def test_generated_sessions_load_and_list(tmp_path: Path) -> None:
    write_sessions(6, tmp_path)
    files = sorted(tmp_path.glob("*.toml"))
    assert len(files) == 6
    for path in files:
        load_session(path, keep_backup=False)
    assert len(list_sessions(tmp_path)) == 6
