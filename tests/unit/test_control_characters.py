"""Control characters in a session's texts are written out (``\\x1b``) as they enter the model.

Whatever screen or document shows the text later, no terminal obeys an escape code
from a session file; tab and line breaks stay, and nothing is lost.
"""

from __future__ import annotations

from pathlib import Path

from vbwizard.bank import Bank
from vbwizard.printable import control_written_out
from vbwizard.session.create import new_session
from vbwizard.session.models import FactorAnswer, Scope
from vbwizard.session.storage import load_session, session_to_toml

HOSTILE = "\x1b]0;gehackt\x07Plein\x1b[2J\x9b"


def test_control_characters_are_written_out_and_layout_stays() -> None:
    assert control_written_out(HOSTILE) == "\\x1b]0;gehackt\\x07Plein\\x1b[2J\\x9b"
    assert control_written_out("tab\tnieuwe\nregel\r\n") == "tab\tnieuwe\nregel\r\n"
    assert control_written_out("gewoon") == "gewoon"


def test_a_file_with_escape_codes_loads_written_out(mini_bank: Bank, tmp_path: Path) -> None:
    text = session_to_toml(new_session(mini_bank, title="Plein", session_id="plein"))
    text = text.replace('title = "Plein"', 'title = "\\u001b[2JPlein\\u0007"')
    path = tmp_path / "plein.toml"
    path.write_text(text, encoding="utf-8")
    session = load_session(path, keep_backup=False)
    assert session.scope.title == "\\x1b[2JPlein\\x07"


def test_assignments_and_nested_texts_are_written_out() -> None:
    scope = Scope(title="a", area="b")
    scope.title = HOSTILE
    assert "\x1b" not in scope.title and "\\x1b" in scope.title
    scope.target_groups = ["jongeren\x07", "ouderen"]
    assert scope.target_groups == ["jongeren\\x07", "ouderen"]
    answer = FactorAnswer(participant_notes={"p1": "zie\x1b[0m hier"})
    assert answer.participant_notes == {"p1": "zie\\x1b[0m hier"}


def test_a_forged_head_with_escape_codes_lists_as_a_full_parse_would(
    mini_bank: Bank, tmp_path: Path
) -> None:
    # The list reads a sealed file's first lines without the model: the same written-out
    # text all the same, whoever recomputed the checksum.
    from vbwizard.session import list_head, summary
    from vbwizard.session.schema import SCHEMA_VERSION
    from vbwizard.session.storage import save_session

    path = save_session(new_session(mini_bank, title="Plein", session_id="plein"), tmp_path)
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    forged = body.replace('title = "Plein"', 'title = "\\u001b[2JPlein"', 1)
    path.write_text(list_head.seal(forged, SCHEMA_VERSION), encoding="utf-8")
    raw = path.read_bytes()
    assert list_head.trusted_head(raw, SCHEMA_VERSION) is not None
    entry = summary.summarise(path, raw)
    assert entry.title == "\\x1b[2JPlein"
    assert entry == summary.SessionEntry.from_session(path, load_session(path, keep_backup=False))
