"""Who agreed the goal reaches the report, whether or not the goal is SMART."""

from __future__ import annotations

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.reports import render_report
from vbwizard.session.models import Goal


def _markdown(bank: Bank, session: object) -> str:
    return render_report(bank, session, "md").decode("utf-8")  # type: ignore[arg-type]


def test_agreement_without_smart_is_in_the_report(bank: Bank) -> None:
    session = demo_session(bank)
    session.goal = Goal(
        text="Weer over het plein", agreed_by="bewonerscommissie", smart_chosen=False
    )
    report = _markdown(bank, session)
    assert "Afgesproken door" in report and "bewonerscommissie" in report


def test_agreement_kept_in_the_smart_part_still_shows_once(bank: Bank) -> None:
    session = demo_session(bank)
    assert session.goal.smart is not None and session.goal.smart.agreed_by
    report = _markdown(bank, session)
    assert report.count(session.goal.smart.agreed_by) == 1
