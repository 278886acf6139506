"""One Dutch table of operating-system refusals, for the command line and the wizard."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.faults.conftest import run_cli
from vbwizard.errors import errno_reason
from vbwizard.session.storage import SaveError
from vbwizard.session.store import dutch_reason

# Words of Python's English strerror texts that must never reach a user.
ENGLISH = ("disk", "permission", "denied", "file", "folder", "exists", "space", "too long")


@pytest.mark.parametrize(
    "code", [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.ENAMETOOLONG, errno.EIO, errno.EXDEV]
)
def test_cli_and_wizard_give_the_same_dutch_reason(code, tmp_path):
    inject = (
        "import os\n"
        "from vbwizard.session import atomic\n"
        "def fail(*a, **k):\n"
        f"    raise OSError({code}, os.strerror({code}))\n"
        "atomic.tempfile.mkstemp = fail\n"
    )
    result = run_cli(["demo", "--sessions-dir", "sessies"], cwd=tmp_path, code=inject)
    assert result.returncode == 2
    reason = errno_reason(code, writing=True)
    assert result.stderr.strip().endswith(f"kon niet opslaan: {reason}")
    assert os.strerror(code) not in result.stderr
    wizard = dutch_reason(SaveError(Path("x.toml"), reason, code))
    assert wizard == reason
    assert not any(word in reason.lower() for word in ENGLISH), reason


def test_an_unknown_errno_is_named_not_described_in_english():
    reason = errno_reason(errno.ENOTSOCK)
    assert reason == "fout van het besturingssysteem (ENOTSOCK)"
