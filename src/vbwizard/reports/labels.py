"""Dutch labels for the stored values of a session, shared by every report and view."""

from __future__ import annotations

import datetime as dt

from vbwizard.bank.models import Bank
from vbwizard.proposals import MUNICIPAL, MUNICIPAL_TITLE

MODE_LABELS = {"group": "groepssessie", "self": "zelfanalyse"}
STATUS_LABELS = {"in_progress": "bezig", "completed": "afgerond"}
SCOPE_TYPE_LABELS = {
    "municipality": "hele gemeente",
    "neighbourhood": "wijk of buurt",
    "place": "specifieke plek",
    "hangplek": "hang- en handelplek",
    "target_group": "doelgroep",
    "communication": "communicatie",
    "other": "anders",
}
SOURCE_STATUS_LABELS = {"available": "beschikbaar", "missing": "ontbreekt", "planned": "gepland"}
SOURCE_KIND_LABELS = {"quantitative": "kwantitatief", "qualitative": "kwalitatief"}
EVALUATION_LABELS = {
    "done": "uitgevoerd",
    "partly": "deels uitgevoerd",
    "not": "niet uitgevoerd",
    "unknown": "uitvoering onbekend",
}
DECISION_LABELS = {"continue": "voortzetten", "adjust": "aanpassen", "stop": "stoppen"}
CONCLUSION_LABELS = {"consolidate": "bestendigen", "adjust": "bijsturen"}
ACTION_STATUS_LABELS = {"proposed": "voorgesteld", "accepted": "aanvaard", "rejected": "afgewezen"}


def factor_title(bank: Bank, factor_id: str) -> str:
    """``"9. Kwaliteit van de aanpak"``, or the id for a factor the bank lacks."""
    if factor_id == MUNICIPAL:
        return MUNICIPAL_TITLE
    try:
        factor = bank.factor(factor_id)
    except KeyError:
        return factor_id
    return f"{factor.number}. {factor.title}"


BUIKPIJN_LABELS = {
    "yes": "ja: expliciet en gericht communiceren",
    "no": "nee: terughoudend communiceren",
    "unsure": "weet niet: eerst nagaan of mensen zich zorgen maken",
}
"""The communication check ("do people have buikpijn about it?") and what it implies."""


def iso_date(value: dt.date | None) -> str:
    """A date in reports as ``2026-01-05`` (sorts, and never misreads as month-first), or ``""``."""
    return value.isoformat() if value is not None else ""
