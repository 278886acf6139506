"""docs/session-format.md stays true: its example loads, and every field is documented."""

from __future__ import annotations

import datetime as dt
import re
import typing
from pathlib import Path

from pydantic import BaseModel

from vbwizard.bank import Bank
from vbwizard.session.models import SCHEMA_VERSION, Session
from vbwizard.session.storage import read_session, session_to_toml

DOC = Path(__file__).resolve().parents[2] / "docs" / "session-format.md"


def _example() -> str:
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the doc has exactly one complete example"
    return blocks[0]


def _models(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    seen[model.__name__] = model
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            annotation = stack.pop()
            is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
            if is_model and annotation.__name__ not in seen:
                _models(annotation, seen)
            stack.extend(typing.get_args(annotation))


def test_example_loads_and_holds_what_the_doc_says(tmp_path, bank: Bank):
    path = tmp_path / "example.toml"
    path.write_text(_example(), encoding="utf-8")
    session, migrated_from = read_session(path)
    assert migrated_from is None
    assert session.schema_version == SCHEMA_VERSION
    assert session.id == "2026-03-12-horstplein-a1b2"
    assert session.updated == dt.datetime(2026, 3, 12, 11, 42, 7, tzinfo=dt.UTC)
    assert session.bank.id == bank.id and session.bank.hash.startswith("sha256:")
    assert session.scope.scope_type == "place"
    overlast = session.factors["signaalcriminaliteit-en-overlast"]
    assert overlast.weight == 3 and overlast.spread == 1
    assert overlast.sub_answers["zichtbare-reactie"] == "no"
    assert session.factors["fysieke-inrichting"].weight == "unknown"
    assert session.priority_ids == ["signaalcriminaliteit-en-overlast", "verloedering"]
    assert session.goal.smart is not None and session.goal.smart.deadline == dt.date(2027, 3, 1)
    assert [a.bank_action for a in session.actions] == ["snel-zichtbaar-optreden", None]
    assert session.progress.step == "actions"
    # The evaluation of the baseline's plan (step 9): optional fields, all loaded.
    evaluation = session.evaluation
    assert evaluation is not None and evaluation.conclusion == "adjust"
    first, second = evaluation.actions
    assert (first.action, first.done, first.decision) == (
        "snel-zichtbaar-optreden",
        "partly",
        "adjust",
    )
    assert first.measured_on == dt.date(2026, 2, 28) and first.independent is False
    assert first.evaluated and second.evaluated and second.indicator is None
    assert evaluation.goal is not None and evaluation.goal.target == "40%"
    assert evaluation.goal.independent is True
    # Every factor id in the example exists in the bundled bank: the example is realistic.
    known = {f.id for f in bank.factors}
    assert set(session.factors) <= known and set(session.priority_ids) <= known
    # And it is exactly what vbwizard itself writes for that session, but for the
    # checksum line's version and hash, which change with every release.
    written, example = session_to_toml(session), _example()
    assert written.split("\n", 1)[1] == example.split("\n", 1)[1]
    assert re.fullmatch(
        rf"# vbwizard \S+; schema {SCHEMA_VERSION}; overzicht \d+ bytes; sha256 [0-9a-f]{{64}}",
        example.split("\n", 1)[0],
    )


def test_every_field_of_every_session_model_is_documented():
    text = DOC.read_text(encoding="utf-8")
    models: dict[str, type[BaseModel]] = {}
    _models(Session, models)
    assert len(models) >= 12
    missing = [
        f"{name}.{field}"
        for name, model in models.items()
        for field in model.model_fields
        if f"`{field}`" not in text
    ]
    assert missing == []
    assert f"schema version **{SCHEMA_VERSION}**" in text
