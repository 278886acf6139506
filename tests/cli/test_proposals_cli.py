"""``vbwizard proposals``: the actions step's advice, with the same Dutch reasons."""

from __future__ import annotations

import json
from pathlib import Path

from vbwizard.bank import Bank
from vbwizard.cli import main
from vbwizard.demo import demo_session
from vbwizard.proposals import propose
from vbwizard.session.models import FactorAnswer, Priority
from vbwizard.session.storage import save_session

QUALITY = "kwaliteit-van-de-aanpak"


def _saved(bank: Bank, folder: Path, **answers: str) -> tuple[Path, str]:
    session = demo_session(bank)
    session.priorities = [Priority(factor=QUALITY)]
    session.factors[QUALITY] = FactorAnswer.model_validate({"weight": 3, "sub_answers": answers})
    return save_session(session, folder), session.id


def test_json_lists_the_same_proposals_and_reasons_as_the_actions_step(
    bank: Bank, tmp_path: Path, capsys
) -> None:
    path, session_id = _saved(
        bank, tmp_path, **{"ervaring-optreden": "no", "in-de-steek-gelaten": "yes"}
    )
    assert main(["--sessions-dir", str(tmp_path), "proposals", session_id, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    per_factor = [r for r in rows if r["factor"] == QUALITY]
    from vbwizard.session.storage import read_session

    session, _ = read_session(path)
    expected = propose(bank, session, QUALITY)
    assert [(r["action"], r["intensity"], r["why"]) for r in per_factor] == [
        (p.action.id, p.action.intensity, p.why) for p in expected
    ]
    assert [r["action"] for r in per_factor] == [
        "ervaring-bewoners-toetsen",
        "afspraken-aanscherpen",
    ]
    assert "wijst op een probleem" in per_factor[0]["why"]
    municipal = [r for r in rows if r["factor"] is None]
    assert {r["action"] for r in municipal} >= {"verankeren-in-ivp", "vuistregels-rotterdam"}


def test_text_output_and_all_factors(bank: Bank, tmp_path: Path, capsys) -> None:
    path, _ = _saved(bank, tmp_path, **{"ervaring-optreden": "no"})
    assert main(["--sessions-dir", str(tmp_path), "proposals", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("9. Kwaliteit van de aanpak (gewicht 3)\n")
    assert "[licht] Leg het oordeel van bewoners naast dat van de partners" in out
    assert main(["--sessions-dir", str(tmp_path), "proposals", str(path), "--all"]) == 0
    everything = capsys.readouterr().out
    assert everything.index("1. Signaalcriminaliteit") < everything.index("9. Kwaliteit")


def test_unknown_session_is_a_user_error(tmp_path: Path, capsys) -> None:
    assert main(["--sessions-dir", str(tmp_path), "proposals", "bestaat-niet"]) == 2
    err = capsys.readouterr().err
    assert "bestaat-niet" in err and err.count("\n") == 1 and "Traceback" not in err
    # The same message as ``show`` gives for the same mistake.
    assert main(["--sessions-dir", str(tmp_path), "show", "bestaat-niet"]) == 2
    assert capsys.readouterr().err == err
    broken = tmp_path / "kapot.toml"
    broken.write_text("schema_version = [", encoding="utf-8")
    assert main(["proposals", str(broken)]) == 2
    assert str(broken) in capsys.readouterr().err
