"""Reports of a session in Markdown, HTML, Word and PDF, and the CSV export.

:func:`~vbwizard.reports.build.build_report` describes a report as sections of
blocks (:mod:`vbwizard.reports.blocks`); one renderer per format draws those
blocks. :func:`render_report` is what the CLI and the TUI call.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from vbwizard.bank.models import Bank
from vbwizard.reports.blocks import Report
from vbwizard.reports.build import build_report
from vbwizard.reports.open_points import open_points
from vbwizard.session.models import Session

ReportFormat = Literal["md", "html", "docx", "pdf"]
FORMATS: tuple[ReportFormat, ...] = ("md", "html", "docx", "pdf")


def render_report(
    bank: Bank, session: Session, fmt: ReportFormat, now: dt.datetime | None = None
) -> bytes:
    """Render ``session`` as a report in ``fmt`` and return the file's bytes.

    ``now`` is the generation moment printed in the report (default: now).
    """
    report = build_report(bank, session, now)
    # Renderers are imported on use: python-docx, lxml and fpdf2 take a moment
    # to load, and each export needs only one.
    if fmt == "md":
        from vbwizard.reports.markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "html":
        from vbwizard.reports.html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "docx":
        from vbwizard.reports.word import render_docx

        return render_docx(report)
    if fmt == "pdf":
        from vbwizard.reports.pdf import render_pdf

        return render_pdf(report)
    raise ValueError(f"unknown report format: {fmt}")


__all__ = ["FORMATS", "Report", "ReportFormat", "build_report", "open_points", "render_report"]
