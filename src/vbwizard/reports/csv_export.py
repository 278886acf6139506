"""All sessions as one CSV table: a row per session and factor, for spreadsheets.

Values are the stored ones (``group``, ``unknown``, ``high``), not labels, so a
spreadsheet can filter and count them; the header names are Dutch.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from vbwizard.bank.models import Bank
from vbwizard.session.models import Session

HEADER = (
    "sessie_id",
    "titel",
    "gebied",
    "datum",
    "modus",
    "factor_id",
    "factor_nummer",
    "gewicht",
    "zekerheid",
    "prioriteit",
)


def csv_rows(bank: Bank, session: Session) -> list[list[str]]:
    """One row per factor of ``session``: the bank's factors first, then any others.

    A factor the session answered but the bank does not know keeps its row
    (with an empty number), so nothing recorded drops out of the export.
    """
    date = session.scope.date or session.created.date()
    ranks = {p.factor: str(i) for i, p in enumerate(session.priorities, start=1)}
    known = [(f.id, str(f.number)) for f in bank.factors]
    ids = {fid for fid, _ in known}
    factors = known + [(fid, "") for fid in session.factors if fid not in ids]
    rows = []
    for factor_id, number in factors:
        answer = session.factors.get(factor_id)
        weight = "" if answer is None or answer.weight is None else str(answer.weight)
        rows.append(
            [
                session.id,
                session.scope.title,
                session.scope.area,
                date.isoformat(),
                session.mode,
                factor_id,
                number,
                weight,
                (answer.confidence or "") if answer else "",
                ranks.get(factor_id, ""),
            ]
        )
    return rows


def _guard(value: str) -> str:
    # A cell starting with = + - @ runs as a formula in Excel and LibreOffice;
    # a leading apostrophe keeps a typed title from becoming one (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def sessions_csv(bank: Bank, sessions: Iterable[Session], delimiter: str = ",") -> str:
    """Return the CSV text (header plus rows) for ``sessions``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for session in sessions:
        for row in csv_rows(bank, session):
            writer.writerow([_guard(cell) for cell in row])
    return buffer.getvalue()
