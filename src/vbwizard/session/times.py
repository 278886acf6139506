"""Times in session files: always with a UTC offset.

Kept apart from the models so that the session list can use it without pydantic.
"""

from __future__ import annotations

import datetime as dt


def aware(value: dt.datetime) -> dt.datetime:
    """A time without a UTC offset (typed by hand) is read as this computer's local time.

    Every time vbwizard writes has an offset; one without would fail every comparison
    with those (sorting a list, a chain of sessions) instead of simply sorting.
    """
    if value.tzinfo is not None:
        return value
    try:
        return value.astimezone()
    except (OverflowError, OSError, ValueError):  # year 1 or 9999: no local time there
        return value.replace(tzinfo=dt.UTC)
