"""An accepted municipal-level action reaches the report with its level and reason."""

from __future__ import annotations

from vbwizard.bank import Bank
from vbwizard.demo import demo_session
from vbwizard.proposals import MUNICIPAL, MUNICIPAL_TITLE, municipal_why
from vbwizard.reports import render_report
from vbwizard.session.models import PlannedAction


def test_municipal_action_in_the_plan(bank: Bank) -> None:
    session = demo_session(bank)
    ivp = bank.manifest.municipal_actions[0]
    session.actions.append(
        PlannedAction(
            id="actie-99", factor=MUNICIPAL, bank_action=ivp.id, title=ivp.title, owner="Gemeente"
        )
    )
    report = " ".join(render_report(bank, session, "md").decode("utf-8").split())
    assert MUNICIPAL_TITLE in report
    assert municipal_why(bank, ivp.id) == ivp.why
    assert " ".join(ivp.why.split()) in report
    assert MUNICIPAL not in report  # the internal id never shows
