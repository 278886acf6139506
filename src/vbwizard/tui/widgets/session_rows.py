"""What the session table shows of each session: its cells, detail line and search text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vbwizard.labels import MODE_LABELS, STATUS_LABELS
from vbwizard.printable import control_written_out

if TYPE_CHECKING:
    from vbwizard.bank.models import Bank
    from vbwizard.session.listing import SessionEntry

COLUMNS = ("Titel", "Wie", "Gewijzigd", "Soort", "Status", "Gebied")
"""What tells sessions apart at a glance: the same title is often used by many."""
MODES = {"group": "groep", "self": "zelf"}


@dataclass(frozen=True)
class Row:
    """One session as the table shows it, with the text the filter searches."""

    entry: SessionEntry
    cells: tuple[str, ...]
    haystack: str
    """Lower-case: everything the row and its detail line show, and the id."""
    detail: str = ""
    """The highlighted session in full, below the table."""


def who(entry: SessionEntry) -> str:
    """Whose session: the author of a self-assessment, else the facilitator."""
    if entry.mode == "self":
        return entry.facilitator or next(iter(entry.participants), "")
    return entry.facilitator


def kind(entry: SessionEntry) -> str:
    """Self-assessment, group session, follow-up or merge, in one word."""
    if entry.followup_of:
        return "vervolg"
    if entry.merged_from:
        return "samengev."
    return MODES.get(entry.mode, entry.mode)


def describe(entry: SessionEntry, priorities: list[str]) -> str:
    """The session in full, for the line below the table."""
    parts = [entry.title or "(zonder titel)"]
    if entry.area:
        parts.append(entry.area)
    person = who(entry)
    mode = MODE_LABELS.get(entry.mode, entry.mode)
    if entry.mode == "self":
        parts.append(f"{mode} van {person}" if person else mode)
    else:
        text = f"{mode}, begeleid door {person}" if person else mode
        if entry.participants:
            text += f", {len(entry.participants)} deelnemers"
        parts.append(text)
    if entry.followup_of:
        parts.append(f"vervolg op {entry.followup_of}")
    if entry.merged_from:
        parts.append(f"samengevoegd uit {len(entry.merged_from)} zelfanalyses")
    dates = []
    if entry.date:
        dates.append(f"datum {entry.date.isoformat()}")
    if entry.created:
        dates.append(f"gemaakt {entry.created.date().isoformat()}")
    if entry.updated:
        dates.append(f"gewijzigd {entry.updated.isoformat(' ', 'minutes')[:16]}")
    parts += dates
    parts.append(STATUS_LABELS.get(entry.status, entry.status))
    if priorities:
        parts.append("prioriteiten: " + ", ".join(priorities))
    parts.append(entry.path.name)
    return " · ".join(parts)


class RowMaker:
    """Makes the rows of one bank's sessions (the factor names looked up once)."""

    def __init__(self, bank: Bank) -> None:
        self.names = {factor.id: factor.short_title or factor.title for factor in bank.factors}

    def __call__(self, entry: SessionEntry) -> Row:
        """Build a table row for a session (or for an unreadable file, with the reason)."""
        if not entry.readable:
            # A file's name is the one text here no session model has written out.
            name, error = control_written_out(entry.path.name), entry.error
            cells = (name, f"onleesbaar: {error}", "", "", "", "")
            return Row(
                entry,
                cells,
                f"{name} onleesbaar {error}".casefold(),
                f"{name}: onleesbaar: {error}",
            )
        names = [self.names.get(factor_id, factor_id) for factor_id in entry.priorities]
        status = STATUS_LABELS.get(entry.status, entry.status)
        updated = entry.updated.isoformat()[:10] if entry.updated else ""
        cells = (
            entry.title or "(zonder titel)",
            who(entry),
            updated,
            kind(entry),
            status,
            entry.area,
        )
        detail = control_written_out(describe(entry, names))  # it ends in the file's name
        searched = (
            detail,
            entry.id,
            entry.status,
            entry.mode,
            *entry.participants,
            *entry.merged_from,
        )
        return Row(entry, cells, " ".join(searched).casefold(), detail)
