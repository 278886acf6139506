"""Allow ``python -m vbwizard`` as an equivalent of the ``vbwizard`` command."""

from vbwizard.entry import main

if __name__ == "__main__":  # not when a worker process imports it (multiprocessing)
    raise SystemExit(main())
