"""Allow ``python -m vbwizard`` as an equivalent of the ``vbwizard`` command."""

from vbwizard.entry import main

raise SystemExit(main())
