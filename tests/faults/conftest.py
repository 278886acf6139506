"""Helpers for the fault-injection tests: child processes and file snapshots."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from vbwizard.bank.models import Bank
from vbwizard.session.create import new_session
from vbwizard.session.storage import save_session

REPO = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    """The environment for a child: this repo importable, nothing from the user's setup."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("VBWIZARD_SESSIONS_DIR", None)
    return env


def start_child(*args: str) -> subprocess.Popen[bytes]:
    """Start ``python -m tests.faults.children ARGS`` with pipes on stdin and stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.children", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=REPO,
        env=child_env(),
    )


def run_cli(args: Sequence[str], cwd: Path, code: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``vbwizard ARGS`` in a real process; ``code`` runs first (to inject faults)."""
    script = f"{code}\nimport sys\nfrom vbwizard.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=child_env(),
        timeout=60,
    )


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder`` with its content hash and modification time."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(folder))] = (digest, path.stat().st_mtime_ns)
    return out


@pytest.fixture
def saved(mini_bank: Bank, sessions_dir: Path) -> Path:
    """A saved session in the sessions folder."""
    return save_session(new_session(mini_bank, title="stand 0", area="Oost"), sessions_dir)
