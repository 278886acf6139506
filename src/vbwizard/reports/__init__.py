"""Reports of a session in Markdown, HTML and Word, and the CSV export.

:func:`build_report` gathers what a report holds; one renderer per format
decides how it looks. :func:`render_report` is what the CLI and the TUI call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from vbwizard.bank.models import Bank
from vbwizard.reports.model import ReportData, build_report
from vbwizard.reports.open_points import open_points
from vbwizard.reports.sections import Section
from vbwizard.session.models import Session

ReportFormat = Literal["md", "html", "docx"]
FORMATS: tuple[ReportFormat, ...] = ("md", "html", "docx")


def render_report(
    bank: Bank, session: Session, fmt: ReportFormat, *, sessions_dir: Path | None = None
) -> bytes:
    """Render ``session`` as a report in ``fmt`` and return the file's bytes.

    With ``sessions_dir``, a session that belongs to a chain (baseline →
    follow-up → …) gets the trajectory of that chain too; HTML draws it as a
    small chart per factor.
    """
    data = build_report(bank, session)
    if sessions_dir is not None and fmt == "html":
        data.trajectory = _trajectory(bank, session, sessions_dir, chart=fmt == "html")
    if fmt == "md":
        from vbwizard.reports.markdown import render_markdown

        return render_markdown(data).encode("utf-8")
    if fmt == "html":
        from vbwizard.reports.html import render_html

        return render_html(data).encode("utf-8")
    if fmt == "docx":
        # Imported here: python-docx and lxml take a moment to load, and only
        # Word export needs them.
        from vbwizard.reports.word import render_docx

        return render_docx(data)
    raise ValueError(f"unknown report format: {fmt}")


def _trajectory(bank: Bank, session: Session, sessions_dir: Path, *, chart: bool) -> list[Section]:
    from vbwizard.chain import load_chain
    from vbwizard.trend import build_trend
    from vbwizard.trend_render import trajectory_sections

    chain = load_chain(sessions_dir, session)
    if len(chain.rounds) < 2 and chain.missing_baseline is None:
        return []  # a session on its own has no trajectory
    return trajectory_sections(build_trend(bank, chain), chart=chart)


__all__ = ["FORMATS", "ReportData", "ReportFormat", "build_report", "open_points", "render_report"]
