"""Declared polarity and municipal actions: strict when wrong, explained when used."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI_BANK
from vbwizard.bank import load_bank
from vbwizard.problems import ProblemsError
from vbwizard.proposals import reasons_for

GOOD = MINI_BANK.read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bank.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_sub_question_declares_its_polarity() -> None:
    bank = load_bank()
    undeclared = [q.id for f in bank.factors for q in f.sub_questions if q.problem_answer is None]
    assert undeclared == []


def test_an_unknown_polarity_names_file_line_and_key(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        GOOD.replace(
            'text = "Is er vertrouwen?"\n', 'text = "Is er vertrouwen?"\nproblem_answer = "soms"\n'
        ),
    )
    with pytest.raises(ProblemsError) as caught:
        load_bank(path)
    [problem] = [str(p) for p in caught.value.problems]
    assert "factors[0].sub_questions[1].problem_answer" in problem
    line = int(problem.split(":")[1])
    assert "problem_answer" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_duplicate_municipal_action_ids_are_refused(tmp_path: Path) -> None:
    action = '[[municipal_actions]]\nid = "ivp"\ntitle = "IVP"\ndescription = "D."\nwhy = "W."\n\n'
    head, factors = GOOD.split("[[factors]]", 1)
    path = _write(tmp_path, head + action + action + "[[factors]]" + factors)
    with pytest.raises(ProblemsError) as caught:
        load_bank(path)
    problems = [str(p) for p in caught.value.problems]
    assert any("gemeentelijke actie" in p and "'ivp'" in p for p in problems), problems


def test_the_reason_says_which_answer_points_to_a_problem() -> None:
    bank = load_bank()
    factor = bank.factor("kwaliteit-van-de-aanpak")
    action = next(a for a in factor.actions if a.id == "andere-samenwerkingsvorm")
    reasons = reasons_for(
        bank,
        factor,
        action,
        2,
        {"samenwerking-constructief": "no", "werkwijze-wekt-vertrouwen": "partly"},
    )
    assert reasons is not None
    assert reasons[0] == "de factor hier gewicht 2 heeft (voor deze actie is minstens 2 nodig)"
    assert reasons[1].endswith("‘nee’ is geantwoord (wijst op een probleem)")
    assert reasons[2].endswith("‘deels’ is geantwoord (wijst deels op een probleem)")
    # A question asked the other way round: here "ja" is the problem answer.
    left_out = next(a for a in factor.actions if a.id == "ervaring-bewoners-toetsen")
    why = reasons_for(bank, factor, left_out, 1, {"in-de-steek-gelaten": "yes"})
    assert why is not None and why[-1].endswith("‘ja’ is geantwoord (wijst op een probleem)")
