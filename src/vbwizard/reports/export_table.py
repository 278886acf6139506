"""The tables of the spreadsheet and CSV exports, defined once for both.

Three tables: one row per session, one per session × factor (the weights), and
one per session × factor × participant. The workbook has a sheet per table and
the CSV writes one of them, with the same columns and the same Dutch values,
so a tool and a person read the same thing. Values keep their type here (a
weight is a number, a date a date); each writer decides how to spell them.

The first ten columns of the weights table are those of the original
``export-csv``, in the same order, so scripts that read them keep working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from vbwizard.bank.models import Bank
from vbwizard.labels import (
    MODE_LABELS,
    SCOPE_TYPE_LABELS,
    STATE_LABELS,
    STATUS_LABELS,
    confidence_label,
)
from vbwizard.merge import answered_label
from vbwizard.scoring import factor_state
from vbwizard.session.models import FactorAnswer, Session

Value = str | int | dt.date | dt.datetime | None
"""A cell: text, a whole number, a date, a moment, or empty."""

TableName = Literal["sessions", "weights", "participants"]
TABLES: tuple[TableName, ...] = ("sessions", "weights", "participants")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(text: str) -> bool:
    """True when a spreadsheet could run ``text`` as a formula (CSV injection)."""
    return text.startswith(_FORMULA_STARTS)


@dataclass(frozen=True)
class Column:
    """A column: a key for tools (CSV header) and a label for people (sheet header)."""

    key: str
    label: str
    width: int
    """Typical width in characters, for the sheet."""
    centered: bool = False
    """Short values (numbers, dates, counts) that read best centred in the sheet."""


@dataclass(frozen=True)
class Table:
    """A named table of typed cells."""

    name: TableName
    title: str
    """The sheet name people see."""
    columns: tuple[Column, ...]
    rows: list[list[Value]]


def _c(key: str, label: str, width: int, *, centered: bool = False) -> Column:
    return Column(key, label, width, centered)


SESSION_COLUMNS = (
    _c("sessie_id", "Sessie-id", 40),
    _c("titel", "Titel", 36),
    _c("status", "Status", 10),
    _c("modus", "Vorm", 14),
    _c("soort", "Soort afbakening", 18),
    _c("gebied", "Gebied", 30),
    _c("datum", "Datum", 11, centered=True),
    _c("aangemaakt", "Aangemaakt", 17, centered=True),
    _c("bijgewerkt", "Bijgewerkt", 17, centered=True),
    _c("vragenbank", "Vragenbank", 14),
    _c("vragenbank_versie", "Versie vragenbank", 10, centered=True),
    _c("vervolg_op", "Vervolg op", 40),
    _c("samengevoegd_uit", "Samengevoegd uit", 28),
    _c("facilitator", "Facilitator", 20),
    _c("deelnemers", "Deelnemers", 30),
    _c("gewogen", "Factoren gewogen", 10, centered=True),
    _c("prioriteiten", "Prioriteiten", 40),
)
WEIGHT_COLUMNS = (
    _c("sessie_id", "Sessie-id", 40),
    _c("titel", "Titel", 30),
    _c("gebied", "Gebied", 36),
    _c("datum", "Datum", 11, centered=True),
    _c("modus", "Vorm", 14),
    _c("factor_id", "Factor-id", 34),
    _c("factor_nummer", "Nr", 5, centered=True),
    _c("gewicht", "Gewicht", 9, centered=True),
    _c("zekerheid", "Zekerheid", 10),
    _c("prioriteit", "Prioriteit", 9, centered=True),
    _c("status", "Status", 10),
    _c("factor", "Factor", 36),
    _c("stand", "Stand", 20),
    _c("deelnemers_laagste", "Deelnemers: laagste", 8, centered=True),
    _c("deelnemers_hoogste", "Deelnemers: hoogste", 8, centered=True),
    _c("beantwoord", "Beantwoord", 11, centered=True),
)
PARTICIPANT_COLUMNS = (
    _c("sessie_id", "Sessie-id", 40),
    _c("titel", "Titel", 30),
    _c("datum", "Datum", 11, centered=True),
    _c("factor_id", "Factor-id", 34),
    _c("factor_nummer", "Nr", 5, centered=True),
    _c("factor", "Factor", 36),
    _c("deelnemer", "Deelnemer", 20),
    _c("gewicht", "Gewicht", 9, centered=True),
    _c("notitie", "Notitie", 50),
)


def _date(session: Session) -> dt.date:
    return session.scope.date or session.created.date()


def _local(moment: dt.datetime) -> dt.datetime:
    """The moment in the computer's time zone, to the second: what people expect to read."""
    return moment.astimezone().replace(microsecond=0)


def _factors(bank: Bank, session: Session) -> list[tuple[str, int | None, str]]:
    """(id, number, title): the bank's factors, then any the session has and the bank lacks.

    A factor the bank does not know keeps its rows (without a number), so
    nothing recorded drops out of the export.
    """
    known = [(f.id, f.number, f.title) for f in bank.factors]
    ids = {f.id for f in bank.factors}
    return known + [(fid, None, fid) for fid in session.factors if fid not in ids]


def _weight(bank: Bank, answer: FactorAnswer | None) -> Value:
    """A number 0–3, the bank's short word for "unknown", or empty."""
    if answer is None or answer.weight is None:
        return None
    if answer.weight == "unknown":
        return next(
            (o.short or o.label for o in bank.manifest.scales.weight if o.value == "unknown"),
            "onbekend",
        )
    return int(answer.weight)


def _session_row(bank: Bank, session: Session) -> list[Value]:
    scope = session.scope
    titles = {f.id: f.numbered_title for f in bank.factors}
    return [
        session.id,
        scope.title,
        STATUS_LABELS[session.status],
        MODE_LABELS[session.mode],
        SCOPE_TYPE_LABELS.get(scope.scope_type or "", ""),
        scope.area,
        _date(session),
        _local(session.created),
        _local(session.updated),
        session.bank.id,
        session.bank.version,
        session.links.followup_of,
        ", ".join(session.links.merged_from),
        scope.facilitator,
        ", ".join(p.name for p in scope.participants),
        sum(factor_state(a) == "weighted" for a in session.factors.values()),
        "; ".join(titles.get(p.factor, p.factor) for p in session.priorities),
    ]


def _weight_rows(bank: Bank, session: Session) -> list[list[Value]]:
    ranks = {p.factor: i for i, p in enumerate(session.priorities, start=1)}
    rows: list[list[Value]] = []
    for factor_id, number, title in _factors(bank, session):
        answer = session.factors.get(factor_id)
        spread = list(answer.participant_weights.values()) if answer else []
        confidence = answer.confidence if answer else None
        rows.append(
            [
                session.id,
                session.scope.title,
                session.scope.area,
                _date(session),
                MODE_LABELS[session.mode],
                factor_id,
                number,
                _weight(bank, answer),
                confidence_label(bank, confidence).lower() or None,
                ranks.get(factor_id),
                STATUS_LABELS[session.status],
                title,
                STATE_LABELS[factor_state(answer)].full,
                min(spread) if spread else None,
                max(spread) if spread else None,
                answered_label(session, factor_id),
            ]
        )
    return rows


def _participant_rows(bank: Bank, session: Session) -> list[list[Value]]:
    rows: list[list[Value]] = []
    for factor_id, number, title in _factors(bank, session):
        answer = session.factors.get(factor_id)
        if answer is None:
            continue
        names = {p.id: p.name for p in session.scope.participants}
        people = dict.fromkeys([*answer.participant_weights, *answer.participant_notes])
        for person in people:
            rows.append(
                [
                    session.id,
                    session.scope.title,
                    _date(session),
                    factor_id,
                    number,
                    title,
                    names.get(person, person),
                    answer.participant_weights.get(person),
                    answer.participant_notes.get(person),
                ]
            )
    return rows


_BUILDERS: dict[TableName, tuple[str, tuple[Column, ...], Callable[..., list[list[Value]]]]] = {
    "sessions": ("Sessies", SESSION_COLUMNS, lambda b, s: [_session_row(b, s)]),
    "weights": ("Gewichten", WEIGHT_COLUMNS, _weight_rows),
    "participants": ("Deelnemers", PARTICIPANT_COLUMNS, _participant_rows),
}


def build_table(bank: Bank, sessions: Iterable[Session], name: TableName) -> Table:
    """One of the export tables over ``sessions``, in the order given."""
    title, columns, rows_of = _BUILDERS[name]
    rows = [row for session in sessions for row in rows_of(bank, session)]
    return Table(name=name, title=title, columns=columns, rows=rows)


def build_tables(bank: Bank, sessions: Sequence[Session]) -> list[Table]:
    """All three tables, in the order of the workbook's sheets."""
    return [build_table(bank, sessions, name) for name in TABLES]
