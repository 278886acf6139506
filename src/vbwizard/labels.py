"""Dutch labels for the stored values of a session, shared by every report, view and command."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # `vbwizard list` uses the tables here and must not wait for pydantic
    from vbwizard.bank.models import Bank
    from vbwizard.scoring import FactorState

MODE_LABELS = {"group": "groepssessie", "self": "zelfanalyse"}
"""The session's mode (``group`` or ``self``), in the list, the reports and the exports."""
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
INTENSITY_LABELS = {"light": "licht", "medium": "middel", "heavy": "zwaar"}
"""How heavy a bank action is, light to heavy."""
ACTION_STATUS_LABELS = {"proposed": "voorgesteld", "accepted": "aanvaard", "rejected": "afgewezen"}


def factor_title(bank: Bank, factor_id: str) -> str:
    """``"9. Kwaliteit van de aanpak"``, or the id for a factor the bank lacks."""
    from vbwizard.proposals import MUNICIPAL, MUNICIPAL_TITLE

    if factor_id == MUNICIPAL:
        return MUNICIPAL_TITLE
    try:
        factor = bank.factor(factor_id)
    except KeyError:
        return factor_id
    return factor.numbered_title


def confidence_label(bank: Bank, confidence: str | None) -> str:
    """The bank's label for a confidence (``"Hoog"``), or ``""`` when none was given.

    The bank owns the wording; a table cell or a data value that wants lower
    case takes ``.lower()`` of this, never a spelling of its own.
    """
    return bank.label("confidence", confidence) if confidence else ""


class StateLabel(NamedTuple):
    """One factor state in the three widths it is shown in."""

    full: str
    """Unambiguous on its own (the exports' "Staat" column)."""
    short: str
    """Where it stands for the weight (the grid, the reports' weight column)."""
    narrow: str
    """A grid cell narrower than the short text."""


STATE_LABELS: dict[FactorState, StateLabel] = {
    "unvisited": StateLabel("niet bekeken", "niet bekeken", "niet bekeken"),
    "no_weight": StateLabel("bekeken, geen gewicht", "geen gewicht", "geen gew."),
    "unknown": StateLabel("onbekend", "onbekend", "onbekend"),
    "weighted": StateLabel("gewogen", "gewogen", "gewogen"),
}
"""Where a factor stands; "bekeken, geen gewicht" is not the same as never opened."""


def decimal_comma(number: float) -> str:
    """A number as a Dutch reader writes it: ``1,5`` and ``2`` (no trailing ``,0``)."""
    return f"{number:g}".replace(".", ",")


BUIKPIJN_LABELS = {
    "yes": "ja: expliciet en gericht communiceren",
    "no": "nee: terughoudend communiceren",
    "unsure": "weet niet: eerst nagaan of mensen zich zorgen maken",
}
"""The communication check ("do people have buikpijn about it?") and what it implies."""


def iso_date(value: dt.date | None) -> str:
    """A date in reports as ``2026-01-05`` (sorts, and never misreads as month-first), or ``""``."""
    return value.isoformat() if value is not None else ""
