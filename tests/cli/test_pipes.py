"""Output piped into a reader that stops early (``| head``) is no error."""

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
