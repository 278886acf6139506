"""Participants keep their identity: renaming never splits their weights."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from tests.conftest import DATA
from vbwizard.participants import (
    format_weights,
    named,
    parse_weights,
    rename_participants,
    spread_text,
)
from vbwizard.session.create import new_session
from vbwizard.session.models import SCHEMA_VERSION, Participant
from vbwizard.session.storage import backup_path, read_session
from vbwizard.session.store import SessionStore

ABC = [Participant(id="p1", name="Anna"), Participant(id="p2", name="Bert"),
       Participant(id="p3", name="Cor")]  # fmt: skip


@pytest.mark.parametrize(
    ("names", "in_use", "expected"),
    [
        (["Anna", "Bert (bewoner)", "Cor"], set(), [("p1", "Anna"), ("p2", "Bert (bewoner)"), ("p3", "Cor")]),  # noqa: E501
        (["Anna", "Bert", "Cor", "Dina"], set(), [("p1", "Anna"), ("p2", "Bert"), ("p3", "Cor"), ("p4", "Dina")]),  # noqa: E501
        (["Cor", "Anna", "Bert"], set(), [("p3", "Cor"), ("p1", "Anna"), ("p2", "Bert")]),  # noqa: E501
        (["Anna", "Cor"], {"p1", "p3"}, [("p1", "Anna"), ("p3", "Cor")]),  # Bert had no weights  # noqa: E501
        (["Anna", "Eva", "Cor"], {"p2"}, [("p1", "Anna"), ("p2", "Eva"), ("p3", "Cor")]),  # in place  # noqa: E501
        ([], set(), []),
    ],
    ids=["rename", "add", "reorder", "remove unused", "replace", "clear"],
)  # fmt: skip
def test_renaming_keeps_ids(names, in_use, expected):
    result = rename_participants(ABC, names, in_use)
    assert [(p.id, p.name) for p in result] == expected


@pytest.mark.parametrize("names", [["Anna", "Cor"], ["Anna", "Cor", "Eva"], []])
def test_removing_someone_who_gave_weights_is_refused_in_dutch(names):
    """Bert's weights never pass to someone else, also not to a name typed in his place."""
    with pytest.raises(ValueError, match="Bert gaf al gewichten"):
        rename_participants(ABC, names, {"p2"})


def test_new_ids_are_never_reused_from_present_ones():
    people = [Participant(id="p2", name="Bert")]
    assert [p.id for p in rename_participants(people, ["Bert", "Nieuw"], set())] == ["p2", "p1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 3 1", {"p1": 2, "p2": 3, "p3": 1}),
        ("2,3", {"p1": 2, "p2": 3}),
        ("2 - 1", {"p1": 2, "p3": 1}),
        ("", {}),
    ],
)
def test_quick_entry(text, expected):
    assert parse_weights(text, ABC) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2 3 1 2", "4 gewichten voor 3 deelnemers"),  # no participant P4 is made up
        ("2 5", "‘5’ is geen gewicht"),
    ],
)
def test_quick_entry_refuses_in_dutch(text, message):
    with pytest.raises(ValueError, match=message):
        parse_weights(text, ABC)


def test_quick_entry_without_participants_says_where_to_add_them():
    with pytest.raises(ValueError, match="stap 1"):
        parse_weights("2", [])


def test_format_keeps_positions_with_a_gap():
    assert format_weights({"p1": 2, "p3": 1}, ABC) == "2 - 1"
    assert parse_weights(format_weights({"p1": 2, "p3": 1}, ABC), ABC) == {"p1": 2, "p3": 1}
    assert format_weights({"p1": 2}, ABC) == "2"


def test_shown_by_name_after_a_rename(bank):
    session = new_session(bank, title="Groep")
    session.scope.participants = list(ABC)
    session.answer("verloedering").participant_weights = {"p1": 0, "p2": 3}
    session.scope.participants = rename_participants(ABC, ["Anna", "Bert (bewoner)", "Cor"], {"p2"})
    assert named(session.factors["verloedering"].participant_weights, session) == {
        "Anna": 0,
        "Bert (bewoner)": 3,
    }
    text = spread_text(session.factors["verloedering"].participant_weights, session)
    assert "Bert (bewoner): 3" in text and "Verschil van mening" in text


def test_a_weight_of_an_unknown_participant_is_refused(bank):
    session = new_session(bank, title="Groep")
    data = session.model_dump()
    data["factors"] = {"verloedering": {"participant_weights": {"p7": 2}}}
    with pytest.raises(ValueError, match="geen deelnemer met dit id"):
        type(session).model_validate(data)


def test_schema1_names_become_ids_with_a_backup(sessions_dir):
    """A version-1 file keyed weights by name; a lingering old name and P4 stay participants."""
    source = DATA / "sessions" / "schema1-renamed.toml"
    path = sessions_dir / source.name
    shutil.copyfile(source, path)
    original = path.read_bytes()
    session, migrated_from = read_session(path)
    assert migrated_from == 1 and session.schema_version == SCHEMA_VERSION == 2
    names = {p.id: p.name for p in session.scope.participants}
    assert names == {"p1": "Anna", "p2": "Bert (bewoner)", "p3": "Cor", "p4": "Bert", "p5": "P4"}
    first = session.factors["signaalcriminaliteit-en-overlast"].participant_weights
    assert first == {"p1": 1, "p4": 2, "p3": 3, "p5": 0}
    assert session.factors["verloedering"].participant_weights == {"p1": 2, "p2": 2}
    assert session.factors["verloedering"].participant_notes == {"p2": "Veel zwerfvuil."}
    store = SessionStore.open(path)
    assert store.commit()
    store.close()
    assert backup_path(path, 1).read_bytes() == original
    rewritten = tomllib.loads(path.read_text(encoding="utf-8"))
    assert rewritten["schema_version"] == 2
    assert rewritten["scope"]["participants"][1] == {"id": "p2", "name": "Bert (bewoner)"}
