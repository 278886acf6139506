"""Comparing a baseline with its follow-up (fixture sessions in tests/data/sessions)."""

from __future__ import annotations

from tests.samples import BASELINE, FOLLOWUP
from vbwizard.bank import Bank
from vbwizard.compare import change_symbol, compare_sessions
from vbwizard.session.storage import load_session


def test_change_symbols() -> None:
    assert [change_symbol(1, 2), change_symbol(2, 1), change_symbol(2, 2)] == ["↑", "↓", "="]
    assert change_symbol(None, 2) == change_symbol(1, None) == "?"


def test_compare_fixture_sessions(bank: Bank) -> None:
    result = compare_sessions(bank, load_session(BASELINE), load_session(FOLLOWUP))
    assert result.linked
    changes = {c.factor_id: (c.before, c.after, c.change) for c in result.factors}
    assert changes["signaalcriminaliteit-en-overlast"] == (3, 2, "↓")
    assert changes["sociale-kwaliteit"] == (2, 3, "↑")
    assert changes["kwaliteit-van-de-aanpak"] == (3, 3, "=")
    assert changes["communicatie"] == (1, "unknown", "?")
    assert len(changes) == 12
    assert result.priorities_added == ["5. Sociale kwaliteit"]
    assert result.priorities_dropped == ["2. Verloedering", "8. Vertrouwenwekkend toezicht"]
    assert result.priorities_kept == [
        "9. Kwaliteit van de aanpak",
        "1. Signaalcriminaliteit en -overlast",
    ]
    status = {a.title: a.status for a in result.actions}
    assert status["Convenant De Horst"] == "done"
    assert status["Wijkregisseur De Horst"] == "partly"
    assert status["Schoonmaak- en lichtoffensief Beukenlaan"] == "not"
    assert status["Beheerplan openbare ruimte"] == ""
    assert result.new_actions == ["Buurtpreventie-app opzetten"]
