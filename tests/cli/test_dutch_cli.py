"""The command line speaks Dutch only: help, usage, argparse's errors and our own."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, MINI_BANK
from tests.faults.conftest import run_cli
from vbwizard.cli import main
from vbwizard.session.create import new_session
from vbwizard.session.storage import save_session

ENGLISH = [
    "usage:",
    "positional arguments",
    "options:",
    "show this help message",
    "show program's version",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
    "error:",
    "no session with id",
    "no such",
    "COMMAND",
]


def _english(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run the CLI in-process; argparse leaves by SystemExit."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["report", "--help"],
        ["merge", "--help"],
        ["list", "--help"],
        ["validate", "--help"],
        ["compare", "--help"],
    ],
)
def test_help_is_dutch(argv, capsys):
    code, text = _run(argv, capsys)
    assert code == 0
    assert text.startswith("gebruik: vbwizard")
    assert "opties:" in text and "toon deze hulp en stop" in text
    assert _english(text) == []


def test_subcommand_help_has_one_options_section(capsys):
    _, text = _run(["show", "--help"], capsys)
    assert text.count("opties:") == 1
    assert "argumenten:" in text and "SESSIE" in text


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report"], "deze argumenten ontbreken: SESSIE"),
        (
            ["report", "x", "--format", "odt"],
            "--format: ongeldige keuze 'odt' (kies uit 'md', 'html', 'docx', 'pdf')",
        ),
        (["lijst"], "OPDRACHT: ongeldige keuze 'lijst' (kies uit 'open',"),
        (["list", "--onzin"], "onbekende argumenten: --onzin"),
        (["show", "x", "--bank"], "--bank: hier hoort één waarde achter"),
        (["merge"], "deze argumenten ontbreken: SESSIE"),
    ],
)
def test_argparse_errors_are_dutch(argv, expected, capsys):
    code, text = _run(argv, capsys)
    assert code == 2
    assert text.startswith("gebruik: vbwizard")
    assert ": fout: " in text and expected in text, text
    assert _english(text) == []


def test_a_missing_session_is_said_in_dutch(sessions_dir, capsys):
    code, text = _run(["show", "nope", "--sessions-dir", str(sessions_dir)], capsys)
    assert code == 2
    assert f"geen sessie met id 'nope' in {sessions_dir}" in text
    assert _english(text) == []


def test_report_without_format_still_says_the_session_is_missing(sessions_dir, capsys):
    code, text = _run(["report", "nope", "--sessions-dir", str(sessions_dir)], capsys)
    assert code == 2
    assert "geen sessie met id 'nope'" in text
    assert "kies een formaat" in text


def test_report_without_format_of_an_existing_session_asks_for_a_format(
    mini_bank, sessions_dir, capsys
):
    session = save_session(new_session(mini_bank, title="Plein", area="Oost"), sessions_dir)
    argv = ["report", str(session), "--bank", str(MINI_BANK)]
    code, text = _run(argv, capsys)
    assert code == 2
    assert text.strip() == "vbwizard: kies een formaat: --format md, html, docx of pdf"


def test_a_plain_start_with_a_broken_option_prints_one_dutch_error(tmp_path):
    """The quick start-up parser stays silent; the full parser reports once, in Dutch."""
    result = run_cli(["--bank"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("fout:") == 1
    assert _english(result.stderr) == []


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_terminal_output_never_carries_raw_bidi_overrides(tmp_path, capsys):
    """A title with U+202E would show the rest of the terminal line reversed."""
    folder = tmp_path / "sessies"
    folder.mkdir()
    source = DATA / "bad" / "sessions" / "hostile-title.toml"
    (folder / "vijandige-titel.toml").write_bytes(source.read_bytes())
    for argv in (["show", "vijandige-titel"], ["list"]):
        code = main([*argv, "--sessions-dir", str(folder), "--bank", str(MINI_BANK)])
        out = capsys.readouterr().out
        assert code == 0
        assert "Stationsplein" in out
        assert not any(ch in out for ch in BIDI), argv
        assert "\\u202e" in out  # shown escaped, so the reader sees it is there
