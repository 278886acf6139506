"""Create new sessions bound to a bank."""

from __future__ import annotations

import datetime as dt

from vbwizard.bank.models import Bank
from vbwizard.session.models import BankRef, Mode, Scope, Session
from vbwizard.session.naming import new_session_id


def bank_ref(bank: Bank) -> BankRef:
    """The reference a session keeps to the bank it is answered with."""
    return BankRef(id=bank.id, version=bank.version, hash=bank.content_hash)


def new_session(
    bank: Bank,
    *,
    title: str = "",
    area: str = "",
    mode: Mode = "group",
    now: dt.datetime | None = None,
    session_id: str | None = None,
) -> Session:
    """Start an empty session for ``bank``."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    return Session(
        id=session_id or new_session_id(title, now.date()),
        created=now,
        updated=now,
        language=bank.manifest.language,
        mode=mode,
        bank=bank_ref(bank),
        scope=Scope(title=title, area=area, date=now.date()),
    )
