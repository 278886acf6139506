"""The export tables as an Excel workbook (.xlsx), the format to hand a person.

One sheet per table of :mod:`vbwizard.reports.export_table` (sessions, weights,
participants' weights), with Dutch column labels, a frozen and filterable
header row, column widths that fit, dates as real dates and weights as
numbers, so sorting, filtering and sums work in Excel and LibreOffice alike.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from vbwizard import __version__
from vbwizard.bank.models import Bank
from vbwizard.reports.export_table import Table, Value, build_tables, starts_like_formula
from vbwizard.session.models import Session

DATE_FORMAT = "dd-mm-yyyy"
MOMENT_FORMAT = "dd-mm-yyyy hh:mm"
_TEXT_PER_DIGIT = 1.2
"""Characters of mixed text that fit in the width of one digit, roughly."""
_LINE_HEIGHT = 15
"""Points per line of 11-point text."""
_PRINT_WIDTH = 190
"""Characters of column width that still print readably across landscape A4."""
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


def _put(cell: Cell | MergedCell, value: Value) -> None:
    """Write one value with its type; text that looks like a formula stays text."""
    if isinstance(value, dt.datetime):
        # Excel has no time zones: the local time people expect, without the offset.
        cell.value = value.replace(tzinfo=None)
        cell.number_format = MOMENT_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str):
        # Control characters are not allowed in the file format; they carry no meaning here.
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text or None
        if starts_like_formula(text):
            # Stored as text, never a formula, and marked the way a typed
            # apostrophe is, so editing the cell does not turn it into one.
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value


def _width(table: Table, index: int) -> int:
    """Fit the longest value up to the column's typical width; longer text wraps."""
    column = table.columns[index]
    longest = max((len(_shown(row[index])) for row in table.rows), default=0)
    # The label needs room for the filter button beside it.
    return max(len(column.label) + 3, min(longest, column.width)) + 1


def _lines(text: str, width: int) -> int:
    """Roughly how many lines ``text`` takes when wrapped at ``width`` characters."""
    # A width counts digits; ordinary text is narrower, but wrapping at spaces loses some.
    room = max(1, int(width * _TEXT_PER_DIGIT))
    return sum(max(1, math.ceil(len(part) / room)) for part in text.splitlines() or [""])


def _shown(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return "00-00-0000 00:00"
    if isinstance(value, dt.date):
        return "00-00-0000"
    return max(str(value).splitlines() or [""], key=len)


def _fill_sheet(sheet: Worksheet, table: Table) -> None:
    sheet.title = table.title
    # Named like the workbook's default font: without a name LibreOffice falls back to a serif.
    bold = Font(name="Calibri", size=11, bold=True)
    for col, column in enumerate(table.columns, start=1):
        head = sheet.cell(row=1, column=col, value=column.label)
        head.font = bold
        head.fill = _HEADER_FILL
        if column.centered:
            head.alignment = Alignment(horizontal="center")
    widths = [_width(table, index) for index in range(len(table.columns))]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # Top-aligned, so a row grown by wrapped text still reads as one line across.
    top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    # Numbers and dates centred: right-aligned beside left-aligned text, two
    # cells read as one value ("2 onbekend").
    center = Alignment(vertical="top", horizontal="center")
    for r, row in enumerate(table.rows, start=2):
        lines = 1
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=col)
            _put(cell, value)
            cell.alignment = center if table.columns[col - 1].centered else top
            if isinstance(value, str) and _lines(value, widths[col - 1]) > 1:
                cell.alignment = wrap
                lines = max(lines, _lines(value, widths[col - 1]))
        if lines > 1:
            # Neither Excel nor LibreOffice grows a row for wrapped text on opening a file.
            sheet.row_dimensions[r].height = _LINE_HEIGHT * lines
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
    sheet.print_title_rows = "1:1"  # and is repeated on every printed page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    # Printed: as few pages across as keep the text readable, as many down as needed.
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = math.ceil(sum(widths) / _PRINT_WIDTH)
    sheet.page_setup.fitToHeight = 0


def sessions_xlsx(bank: Bank, sessions: Sequence[Session]) -> bytes:
    """Return the workbook (.xlsx bytes) with a sheet per export table."""
    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook always has one sheet
    for index, table in enumerate(build_tables(bank, sessions)):
        sheet = first if index == 0 else book.create_sheet()
        _fill_sheet(sheet, table)
    props = book.properties
    props.title = "Veiligheidsbeleving: sessies, gewichten en deelnemers"
    props.subject = "Export van vbwizard-sessies (Tafel van 12, methode: CCV)"
    props.creator = f"vbwizard {__version__}"
    props.lastModifiedBy = props.creator
    props.language = "nl-NL"
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = now
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
