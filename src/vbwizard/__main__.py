"""Allow ``python -m vbwizard`` as an equivalent of the ``vbwizard`` command."""

from vbwizard.cli import main

raise SystemExit(main())
