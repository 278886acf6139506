"""A facilitator runs a whole group session with keys only; the file holds every answer."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SIZE
from tests.tui.factory import wizard
from tests.tui.helpers import type_text
from vbwizard.session.storage import load_session, session_files
from vbwizard.tui.screens.actions import ActionsScreen
from vbwizard.tui.screens.factor import FactorScreen
from vbwizard.tui.screens.goal import GoalScreen
from vbwizard.tui.screens.grid import GridScreen
from vbwizard.tui.screens.priorities import PrioritiesScreen
from vbwizard.tui.screens.problem import ProblemScreen
from vbwizard.tui.screens.sources import SourcesScreen
from vbwizard.tui.screens.summary import SummaryScreen

# Group weight per factor (1..12) and the participants' quick entry for two of them.
WEIGHTS = ["3", "2", "1", "1", "2", "0", "1", "1", "3", "0", "1", "?"]
PARTICIPANTS = {1: "3 3 2", 9: "1 3 3"}


@pytest.mark.long
async def test_complete_group_session_with_keys_only(bank, sessions_dir):
    app = wizard(bank, sessions_dir)
    async with app.run_test(size=SIZE) as pilot:
        # Step 1: scope. Title, area, then straight to the participants field.
        await pilot.press("enter")
        await type_text(pilot, "Horstplein avond")
        await pilot.press("tab")
        await type_text(pilot, "Wijk De Horst")
        app.screen.query_one("#participants").focus()
        await type_text(pilot, "Anna, Bram, Cor")
        await pilot.press("pagedown")
        await pilot.pause()

        # Step 2: sources. Add the first preset (Veiligheidsmonitor).
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("n", "enter")
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()

        # Step 3: problem picture. Who feels unsafe, and yes, it is problematic.
        assert isinstance(app.screen, ProblemScreen)
        await type_text(pilot, "Ouderen rond het plein")
        app.screen.query_one("ChoiceRow").focus()
        await pilot.press("j", "pagedown")
        await pilot.pause()

        # Step 4: all twelve factors from the grid: every sub-question, then the weight by key.
        assert isinstance(app.screen, GridScreen)
        await pilot.press("enter")
        for number, weight in enumerate(WEIGHTS, start=1):
            assert isinstance(app.screen, FactorScreen)
            assert app.screen.factor_id == bank.factors[number - 1].id
            for _ in bank.factors[number - 1].sub_questions:
                await pilot.press("n", "tab")  # every sub-question "nee"
            await pilot.press(weight)
            if number in PARTICIPANTS:
                app.screen.query_one("#participant-weights").focus()
                await type_text(pilot, PARTICIPANTS[number])
            await pilot.press("pagedown")
            await pilot.pause()

        # After factor 12 the grid; all considered, so on to priorities without a question.
        assert isinstance(app.screen, GridScreen)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, PrioritiesScreen)
        # Preselected: the four factors weighing 2 or 3. Give the first one a reason.
        reason = app.screen.query("PriorityCard Input").first()
        reason.focus()
        await type_text(pilot, "Regie ontbreekt")
        await pilot.press("pagedown")
        await pilot.pause()

        # Step 6: the goal.
        assert isinstance(app.screen, GoalScreen)
        await type_text(pilot, "Bewoners durven weer over het plein")
        await pilot.press("pagedown")
        await pilot.pause()

        # Step 7: accept the first proposed action and give it an owner and dates.
        assert isinstance(app.screen, ActionsScreen)
        # The first priority (weight 3, most disputed) has proposals; accept the first.
        assert app.focused is not None and app.focused.proposal is not None
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "Wijkagent")
        await pilot.press("tab")
        await type_text(pilot, "1-3-2026")
        await pilot.press("tab")
        await type_text(pilot, "2026-06-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()

        # Step 8: the summary; mark the session completed.
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    [path] = session_files(sessions_dir)
    saved = load_session(path)
    assert saved.status == "completed"
    assert (saved.scope.title, saved.scope.area) == ("Horstplein avond", "Wijk De Horst")
    assert [(p.id, p.name) for p in saved.scope.participants] == [
        ("p1", "Anna"),
        ("p2", "Bram"),
        ("p3", "Cor"),
    ]
    assert [s.name for s in saved.sources] == ["Veiligheidsmonitor"]
    assert saved.problem.who == "Ouderen rond het plein"
    assert saved.problem.problematic == "yes"
    for factor, weight in zip(bank.factors, WEIGHTS, strict=True):
        answer = saved.factors[factor.id]
        assert answer.visited
        assert answer.weight == ("unknown" if weight == "?" else int(weight)), factor.id
        assert set(answer.sub_answers.values()) == {"no"}
        assert len(answer.sub_answers) == len(factor.sub_questions)
    assert saved.factors[bank.factors[0].id].participant_weights == {"p1": 3, "p2": 3, "p3": 2}
    assert saved.factors[bank.factors[8].id].disputed
    assert saved.priority_ids[0] in {bank.factors[0].id, bank.factors[8].id}
    assert len(saved.priorities) == 4
    assert saved.priorities[0].reason == "Regie ontbreekt"
    assert saved.goal.text == "Bewoners durven weer over het plein"
    [action] = [a for a in saved.actions if a.status == "accepted"]
    assert action.owner == "Wijkagent"
    assert (action.start.isoformat(), action.end.isoformat()) == ("2026-03-01", "2026-06-30")
