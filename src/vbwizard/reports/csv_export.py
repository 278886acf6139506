"""The export tables as CSV, for tools: RFC 4180, UTF-8, Dutch values.

Same columns and values as the workbook (see :mod:`vbwizard.reports.export_table`);
the header holds the column keys (``sessie_id``), which scripts can rely on.
Dates are ISO 8601 (``2026-03-01``, moments with their UTC offset). The
workbook is the format to hand a person; this one is for scripts and tools.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from vbwizard.bank.models import Bank
from vbwizard.reports.export_table import Table, TableName, Value, build_table, starts_like_formula
from vbwizard.session.models import Session


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value)
    # A cell starting with = + - @ runs as a formula once the file is opened
    # in a spreadsheet; a leading apostrophe keeps it text (CSV injection).
    return "'" + text if starts_like_formula(text) else text


def table_csv(table: Table, delimiter: str = ",") -> str:
    """The CSV text of ``table``: a header of column keys, then the rows, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.key for c in table.columns])
    writer.writerows([_text(v) for v in row] for row in table.rows)
    return buffer.getvalue()


def sessions_csv(
    bank: Bank, sessions: Iterable[Session], delimiter: str = ",", table: TableName = "weights"
) -> str:
    """Return the CSV text of one export table (default: a row per session × factor)."""
    return table_csv(build_table(bank, sessions, table), delimiter)
