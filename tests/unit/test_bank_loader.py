"""The bank loader accepts a good bank and names file, line and key for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI_BANK
from vbwizard.bank import load_bank
from vbwizard.problems import ProblemsError

GOOD = MINI_BANK.read_text(encoding="utf-8")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD, old
    path = tmp_path / "bank.toml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load_bank(path)
    return [str(p) for p in caught.value.problems]


def test_mini_bank_loads(mini_bank):
    assert [f.id for f in mini_bank.factors] == ["alfa", "beta"]
    assert mini_bank.content_hash.startswith("sha256:")


def test_broken_toml_names_file_and_line(tmp_path):
    path = _broken(tmp_path, 'title = "Alfa"', 'title = "Alfa')
    [message] = _problems(path)
    assert message.startswith(f"{path}:")
    assert "geen geldige TOML" in message
    line = int(message.split(":")[1])
    assert 'title = "Alfa' in path.read_text().splitlines()[line - 1]


def test_unknown_key_names_key_path_and_line_with_suggestion(tmp_path):
    path = _broken(tmp_path, 'main_question = "Speelt beta?"', 'main_questoin = "Speelt beta?"')
    problems = _problems(path)
    unknown = [p for p in problems if "onbekende sleutel" in p]
    assert unknown, problems
    assert "factors[1].main_questoin" in unknown[0]
    assert "bedoel je 'main_question'" in unknown[0]
    line = int(unknown[0].split(":")[1])
    assert "main_questoin" in path.read_text().splitlines()[line - 1]


def test_missing_required_field(tmp_path):
    path = _broken(tmp_path, 'explanation = "Uitleg alfa."\n', "")
    problems = _problems(path)
    assert any("factors[0].explanation: verplicht veld ontbreekt" in p for p in problems)


def test_wrong_type(tmp_path):
    path = _broken(tmp_path, "number = 2\ncluster", 'number = "twee"\ncluster')
    problems = _problems(path)
    assert any("factors[1].number" in p and "geheel getal" in p for p in problems), problems


def test_duplicate_factor_id(tmp_path):
    path = _broken(tmp_path, 'id = "beta"', 'id = "alfa"')
    assert any("factor-id 'alfa' komt twee keer voor" in p for p in _problems(path))


def test_rule_naming_missing_sub_question(tmp_path):
    path = _broken(tmp_path, 'question = "afspraken"', 'question = "bestaat-niet"')
    problems = _problems(path)
    assert any(
        "factors[0].actions[1].propose_when.answers[0].question" in p and "bestaat-niet" in p
        for p in problems
    ), problems


def test_unknown_cluster(tmp_path):
    path = _broken(tmp_path, 'cluster = "twee"', 'cluster = "drie"')
    problems = _problems(path)
    assert any("factors[1].cluster: onbekend cluster 'drie'" in p for p in problems), problems


def test_actions_must_run_light_to_heavy(tmp_path):
    path = _broken(tmp_path, 'intensity = "medium"', 'intensity = "light"')
    load_bank(path)  # equal intensities are fine
    path = _broken(
        tmp_path,
        'description = "A."\nintensity = "light"',
        'description = "A."\nintensity = "heavy"',
    )
    assert any("van licht naar zwaar" in p for p in _problems(path))


def test_scales_must_label_fixed_values(tmp_path):
    path = _broken(tmp_path, 'value = "partly"', 'value = "misschien"')
    assert any("scales.answer" in p for p in _problems(path))


def test_every_problem_is_reported_at_once(tmp_path):
    text = GOOD.replace('cluster = "twee"', 'cluster = "drie"').replace(
        'main_question = "Speelt alfa?"', 'hoofdvraag = "x"\nmain_question = "Speelt alfa?"'
    )
    path = tmp_path / "bank.toml"
    path.write_text(text, encoding="utf-8")
    problems = _problems(path)
    assert len(problems) >= 2


def test_folder_bank_with_factor_files_names_the_factor_file(tmp_path, bank):
    import shutil

    from vbwizard.bank.loader import bundled_bank_path

    copy = tmp_path / "bank"
    shutil.copytree(bundled_bank_path(), copy)
    factor_file = sorted((copy / "factors").glob("*.toml"))[2]
    factor_file.write_text(
        factor_file.read_text(encoding="utf-8") + '\nonbekend = "x"\n', encoding="utf-8"
    )
    [problem] = _problems(copy)
    assert problem.startswith(f"{factor_file}:")
    assert "onbekend: onbekende sleutel" in problem


def test_missing_folder_is_a_clear_problem(tmp_path):
    [problem] = _problems(tmp_path / "nergens")
    assert "bestand of map niet gevonden" in problem


def test_a_control_character_in_a_bank_text_is_refused_by_name(tmp_path):
    # Bank texts are shown as they are: an escape code would steer the user's terminal.
    import shutil

    from vbwizard.bank.loader import bundled_bank_path

    copy = tmp_path / "bank"
    shutil.copytree(bundled_bank_path(), copy)
    factor_file = sorted((copy / "factors").glob("*.toml"))[1]
    text = factor_file.read_text(encoding="utf-8")
    factor_file.write_text(text.replace('title = "', 'title = "\\u001b[2J', 1), encoding="utf-8")
    [problem] = _problems(copy)
    assert problem.startswith(f"{factor_file}:")
    assert "title: bevat een stuurteken (U+001B); haal het weg in een teksteditor" in problem
