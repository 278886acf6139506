"""argparse in Dutch: usage, section titles, help and error messages.

argparse fetches its English texts through ``gettext``, bound inside its own
module; replacing that would change every parser in the process (pytest's too).
So this parser subclass puts Dutch texts where argparse lets us (usage prefix,
group titles, the help option) and translates the few error messages argparse
builds, by pattern, in :meth:`DutchArgumentParser.error`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from vbwizard.printable import printable

HELP_TEXT = "toon deze hulp en stop"
VERSION_TEXT = "toon het versienummer en stop"

_ARG = r"^argument (.*?): "
# (English pattern, Dutch replacement): every error argparse itself can raise.
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"^the following arguments are required: (.*)$", r"deze argumenten ontbreken: \1"),
        (
            _ARG + r"invalid choice: (.*) \(choose from (.*)\)$",
            r"\1: ongeldige keuze \2 (kies uit \3)",
        ),
        (_ARG + r"invalid (\S+) value: (.*)$", r"\1: ongeldige waarde \3"),
        (_ARG + r"expected one argument$", r"\1: hier hoort één waarde achter"),
        (_ARG + r"expected at least one argument$", r"\1: hier hoort minstens één waarde achter"),
        (_ARG + r"expected at most one argument$", r"\1: hier hoort hoogstens één waarde achter"),
        (_ARG + r"expected (\d+) arguments?$", r"\1: hier horen \2 waarden achter"),
        (_ARG + r"not allowed with argument (.*)$", r"\1: kan niet samen met \2"),
        (_ARG + r"ignored explicit argument (.*)$", r"\1: neemt geen waarde (\2)"),
        (r"^unrecognized arguments: (.*)$", r"onbekende argumenten: \1"),
        (r"^ambiguous option: (.*) could match (.*)$", r"optie \1 is dubbelzinnig: \2"),
        (r"^one of the arguments (.*) is required$", r"een van deze argumenten is nodig: \1"),
        (r"^unexpected option string: (.*)$", r"onverwachte optie: \1"),
    ]
]


def dutch_error(message: str) -> str:
    """Translate one of argparse's error messages; an unknown one is returned as is."""
    for pattern, replacement in _ERRORS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    """Help text with a Dutch usage line."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        """Add the usage line, headed ``gebruik:``."""
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose every text a user sees is Dutch.

    Subparsers made from it are of this class too (argparse uses the parent's type).
    """

    def __init__(
        self,
        prog: str | None = None,
        *,
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(prog, add_help=False, **kwargs)
        # Titles first, then the parents' options: argparse files copied options
        # by group title, so they join these groups instead of a second "opties".
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_TEXT
            )
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the Dutch message, and exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {printable(dutch_error(message), 400)}\n")
