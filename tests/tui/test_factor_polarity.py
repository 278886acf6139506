"""The factor page says, per sub-question, which answer points to a problem."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from tests.tui.conftest import MakeApp
from vbwizard.session.models import Session
from vbwizard.tui.screens.factor import FactorScreen


@pytest.mark.parametrize(
    ("factor", "question", "note"),
    [
        ("kwaliteit-van-de-aanpak", "ervaring-optreden", "‘Nee’ wijst op een probleem."),
        ("kwaliteit-van-de-aanpak", "in-de-steek-gelaten", "‘Ja’ wijst op een probleem."),
        ("fysieke-inrichting", "plannen-op-komst", "Neutrale vraag"),
    ],
)
async def test_polarity_note_beside_the_question(
    make_app: MakeApp, demo: Session, factor: str, question: str, note: str
) -> None:
    app, _ = make_app(demo, "factors")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.goto("factors", factor)
        await pilot.pause()
        assert isinstance(app.screen, FactorScreen)
        row = app.screen.query_one(f"#sq-{question}")
        notes = [str(label.render()) for label in row.query(Label).filter(".choice-note")]
        assert len(notes) == 1 and notes[0].startswith(note)
