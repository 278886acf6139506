"""The command line with pipes and missing folders: what a script or a typo meets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    # The bank as JSON is ~100 kB, more than a pipe holds: the writer meets the closed end.
    run = [sys.executable, "-m", "vbwizard", "--sessions-dir", str(tmp_path)]
    reader = subprocess.Popen(
        [*run, "bank", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(10)  # like `head -c 10`
    reader.stdout.close()
    error = reader.stderr.read().decode()
    assert reader.wait(timeout=30) == 0
    assert error == ""


def test_listing_a_folder_that_does_not_exist_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "getypt-maar-niet-gemaakt"
    result = subprocess.run(
        [sys.executable, "-m", "vbwizard", "list", "--sessions-dir", str(missing)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Geen sessies in {missing} (deze map bestaat nog niet)."
    assert not missing.exists()  # listing creates nothing
