"""Fixtures for the report tests: the demo session with hostile text."""

from __future__ import annotations

import pytest

from tests.samples import evil_session
from vbwizard.bank import Bank
from vbwizard.session.models import Session


@pytest.fixture
def evil(bank: Bank) -> Session:
    """The demo session with hostile text in a note, a participant, an action and the title."""
    return evil_session(bank)
