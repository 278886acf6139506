"""A file vbwizard wrote is listed from its head alone, and only when that is safe.

The short way must give exactly the entry a full parse gives, and any change to the
file that vbwizard did not make must send the list back to the full parse.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import sessions
from vbwizard.bank import Bank
from vbwizard.session import list_head, storage, summary
from vbwizard.session.create import new_session
from vbwizard.session.listing import SessionEntry, list_sessions
from vbwizard.session.models import SCHEMA_VERSION, Priority, Session
from vbwizard.session.storage import read_session, save_session


def _full(path: Path) -> SessionEntry:
    session, _ = read_session(path)
    return SessionEntry.from_session(path, session)


def _full_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file the list parses in full from now on."""
    parsed: list[Path] = []
    real = storage.parse_session

    def spy(path: Path, raw: bytes):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return real(path, raw)

    monkeypatch.setattr(storage, "parse_session", spy)
    return parsed


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(session=sessions)
def test_head_of_any_saved_session_gives_the_full_parse_entry(session: Session, tmp_path: Path):
    folder = tmp_path / "s"
    folder.mkdir(exist_ok=True)
    path = save_session(session, folder)
    raw = path.read_bytes()
    head = list_head.trusted_head(raw, SCHEMA_VERSION)
    assert head is not None  # the short way is really taken
    assert len(head) < len(raw) or not (session.factors or session.actions or session.sources)
    assert summary.summarise(path, raw) == _full(path)


@pytest.fixture
def saved(mini_bank: Bank, sessions_dir: Path) -> Path:
    session = new_session(mini_bank, title="Horstplein", area="Oost", session_id="horst")
    session.priorities = [Priority(factor="alfa"), Priority(factor="beta")]
    session.answer("alfa").weight = 2
    return save_session(session, sessions_dir)


def test_saved_file_is_listed_without_a_full_parse(saved, monkeypatch):
    parsed = _full_parses(monkeypatch)
    [entry] = list_sessions(saved.parent)
    assert parsed == []
    assert (entry.title, entry.area, entry.priorities) == ("Horstplein", "Oost", ["alfa", "beta"])
    assert entry == _full(saved)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "readable"),
    [
        ("weight = 2", "weight = 7", False),  # after the head: invalid now
        ('title = "Horstplein"', 'title = "Marktplein"', True),  # inside the head
        ("\n", "\r\n", True),  # line ends converted (a Windows editor, git autocrlf)
        ("# vbwizard 0.1.0;", "# vbwizard 0.0.9;", True),  # written by another version
        ("overzicht ", "overzicht 9", True),  # the head's length changed
        ("sha256 ", "sha256 0", True),  # the hash itself changed
    ],
)
def test_any_other_change_means_a_full_parse(saved, monkeypatch, old, new, readable):
    _edit(saved, old, new)
    parsed = _full_parses(monkeypatch)
    [entry] = list_sessions(saved.parent)
    assert parsed == [saved]
    assert entry.readable is readable
    if readable:
        assert entry == _full(saved)
        assert entry.title == ("Marktplein" if "Marktplein" in new else "Horstplein")
    else:
        assert "weight" in (entry.error or "")


def test_file_without_the_line_is_parsed_in_full(saved, monkeypatch):
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.split("\n", 1)[1], encoding="utf-8")
    parsed = _full_parses(monkeypatch)
    assert list_sessions(saved.parent) == [_full(saved)]
    assert parsed == [saved]


def test_list_fields_come_first_and_every_reader_sees_the_same_session(saved):
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# vbwizard ")
    head = list_head.trusted_head(saved.read_bytes(), SCHEMA_VERSION)
    assert head is not None
    doc = tomllib.loads(head.decode("utf-8"))
    assert {"id", "updated", "scope", "priorities"} <= doc.keys()
    assert doc.keys().isdisjoint({"bank", "factors", "progress"})
    assert read_session(saved)[0].scope.title == "Horstplein"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('title = "Horstplein"', "title = 3"),
        ('factor = "alfa"', "factor = [1]"),
        ("date = ", "date = 2026-01-01T10:00:00Z\nx = "),
        ('id = "horst"', "id = 7"),
    ],
)
def test_a_forged_checksum_over_wrong_types_is_still_parsed_in_full(saved, old, new):
    # Someone who recomputes the hash could claim anything; the list must still say
    # what opening the file says, and never fail itself.
    text = saved.read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]
    if old not in body:
        pytest.skip(f"{old!r} not written for this session")
    saved.write_text(list_head.seal(body.replace(old, new, 1), SCHEMA_VERSION), encoding="utf-8")
    assert list_head.trusted_head(saved.read_bytes(), SCHEMA_VERSION) is not None
    [entry] = list_sessions(saved.parent)
    assert not entry.readable
