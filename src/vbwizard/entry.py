"""The ``vbwizard`` command's entry point: start quickly, then hand over to the CLI.

Starting the wizard imports Textual and builds the first screen: many objects
are made and almost none freed, so Python's cycle collector would only scan
them again and again (about an eighth of start-up on a 2-core machine). It is
off from the first line; the command line turns it back on for every command
but the wizard, and the wizard does so once its first screen is drawn.
"""

from __future__ import annotations

import gc


def main() -> int:
    """Run ``vbwizard`` with the arguments of this process; return the exit code."""
    gc.disable()
    from vbwizard.cli import main as run

    return run()
