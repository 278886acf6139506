"""``vbwizard lint`` finds each kind of unsound rule in crafted banks, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI_BANK
from vbwizard.bank.lint import lint_bank
from vbwizard.cli import main

HEAD = MINI_BANK.read_text(encoding="utf-8").split("[[factors]]")[0]

CLEAN_FACTOR = """
[[factors]]
id = "alfa"
number = 1
cluster = "een"
title = "Alfa"
main_question = "Speelt alfa?"
explanation = "Uitleg alfa."

[[factors.sub_questions]]
id = "afspraken"
text = "Worden afspraken nagekomen?"
problem_answer = "no"

[[factors.sub_questions]]
id = "onrust"
text = "Is er onrust?"
problem_answer = "yes"

[[factors.actions]]
id = "licht"
title = "Lichte actie"
description = "Iets lichts."
intensity = "light"
[factors.actions.propose_when]
min_weight = 1
answers = [
  { question = "afspraken", in = ["no", "partly"] },
  { question = "onrust", in = ["yes", "partly"] },
]

[[factors.actions]]
id = "zwaar"
title = "Zware actie"
description = "Iets zwaars."
intensity = "heavy"
propose_when = { min_weight = 2, answers = [{ question = "afspraken", in = ["no"] }] }
"""


def _bank(tmp_path: Path, old: str = "", new: str = "") -> Path:
    factor = CLEAN_FACTOR
    if old:
        assert old in factor, old
        factor = factor.replace(old, new, 1)
    path = tmp_path / "bank.toml"
    path.write_text(HEAD + factor, encoding="utf-8")
    return path


def _findings(path: Path) -> list[str]:
    _, found = lint_bank(path)
    return [str(p) for problems in found.values() for p in problems]


def _line_of(path: Path, finding: str) -> str:
    number = int(finding.split(":")[1])
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


def test_crafted_clean_bank_has_no_findings(tmp_path):
    assert _findings(_bank(tmp_path)) == []


def test_bundled_bank_lints_clean():
    _, found = lint_bank()
    assert found == {}


def test_unused_sub_question_is_found_unless_context_only(tmp_path):
    extra = (
        '[[factors.sub_questions]]\nid = "sfeer"\ntext = "Hoe is de sfeer?"\n'
        'problem_answer = "no"\n'
    )
    path = _bank(tmp_path, "[[factors.actions]]", extra + "\n[[factors.actions]]")
    [finding] = _findings(path)
    assert "‘sfeer’ wordt door geen enkele regel gebruikt" in finding
    assert 'id = "sfeer"' in _line_of(path, finding)
    marked = _bank(
        tmp_path, "[[factors.actions]]", extra + "context_only = true\n\n[[factors.actions]]"
    )
    assert _findings(marked) == []


def test_missing_polarity_is_found(tmp_path):
    path = _bank(tmp_path, 'problem_answer = "yes"\n', "")
    found = _findings(path)
    assert any("‘onrust’ zegt niet welk antwoord op een probleem wijst" in f for f in found)


def test_rule_that_fires_on_every_answer_pattern(tmp_path):
    path = _bank(
        tmp_path,
        'answers = [\n  { question = "afspraken", in = ["no", "partly"] },\n'
        '  { question = "onrust", in = ["yes", "partly"] },\n]',
        "",
    )
    found = _findings(path)
    always = [f for f in found if "altijd voorgesteld" in f]
    assert always and "‘licht’ wordt bij gewicht 1 altijd voorgesteld" in always[0]
    assert "propose_when" in _line_of(path, always[0])


def test_rule_that_can_never_fire(tmp_path):
    # The loader refuses a minimum above the maximum, so the impossible rule is an
    # "all" rule that asks one question for two answers at once.
    path = _bank(
        tmp_path,
        'answers = [{ question = "afspraken", in = ["no"] }] }',
        'answers = [{ question = "afspraken", in = ["no"] }, '
        '{ question = "afspraken", in = ["yes"] }], match = "all" }',
    )
    found = _findings(path)
    assert any("‘zwaar’ wordt nooit voorgesteld" in f for f in found), found


def test_heavy_action_on_partial_evidence(tmp_path):
    path = _bank(tmp_path, 'in = ["no"] }] }', 'in = ["no", "partly"] }] }')
    [finding] = _findings(path)
    assert "zware actie ‘zwaar’ kan bij gewicht 2" in finding
    assert "propose_when" in _line_of(path, finding)
    # At weight 3 a "deels" is strong enough.
    assert _findings(_bank(tmp_path, "min_weight = 2", "min_weight = 3")) == []


def test_weight_at_which_nothing_is_proposed(tmp_path):
    path = _bank(tmp_path, "min_weight = 1", "min_weight = 2")
    found = _findings(path)
    assert any("bij gewicht 1 stelt deze factor nooit iets voor" in f for f in found), found


def test_problem_answer_that_alone_proposes_nothing(tmp_path):
    path = _bank(
        tmp_path,
        '  { question = "onrust", in = ["yes", "partly"] },\n]',
        '  { question = "onrust", in = ["yes", "partly"] },\n]\nmatch = "all"',
    )
    found = _findings(path)
    assert any("‘onrust’ = yes wijst op een probleem, maar stelt bij gewicht 2" in f for f in found)


def test_cli_exit_codes(tmp_path, capsys):
    assert main(["lint"]) == 0
    assert "geen bevindingen" in capsys.readouterr().out
    assert main(["lint", str(_bank(tmp_path, "min_weight = 1", "min_weight = 2"))]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Factor 1: Alfa\n")
    assert "1 bevinding(en) bij 1 factor(en)." in out
    broken = tmp_path / "kapot.toml"
    broken.write_text("id = [", encoding="utf-8")
    assert main(["lint", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "Traceback" not in err


@pytest.mark.parametrize("missing", ["geen-bank", "geen-map/bank.toml"])
def test_cli_missing_bank_is_a_user_error(tmp_path, missing, capsys):
    assert main(["lint", str(tmp_path / missing)]) == 2
    assert "bestand of map niet gevonden" in capsys.readouterr().err
