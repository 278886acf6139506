"""Report, compare, merge and CSV export (filled in by the reporting work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the reporting subcommands (none yet)."""
