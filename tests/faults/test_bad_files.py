"""Every broken session or bank file gets a clear message naming it; nothing crashes or changes.

The corpus lives in ``tests/data/bad``: small files checked in, large and
binary ones written by ``make_corpus.py``; ``EXPECTED.toml`` says what a user
should see for each.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, MINI_BANK
from tests.faults.conftest import child_env, run_cli, snapshot
from vbwizard.cli import main
from vbwizard.problems import printable
from vbwizard.safe_read import MAX_FILE_BYTES

BAD = DATA / "bad"
EXPECTED = tomllib.loads((BAD / "EXPECTED.toml").read_text(encoding="utf-8"))
make_corpus = pytest.importorskip("tests.data.bad.make_corpus")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus with the generated files added."""
    root = tmp_path_factory.mktemp("corpus")
    for kind in ("sessions", "banks"):
        shutil.copytree(BAD / kind, root / kind)
    make_corpus.generate(root)
    return root


def _cases(kind: str) -> list[str]:
    return sorted(EXPECTED[kind])


def test_manifest_covers_every_file_and_the_corpus_is_big_enough(corpus):
    for kind in ("sessions", "banks"):
        on_disk = {p.name for p in (corpus / kind).iterdir()}
        assert on_disk == set(EXPECTED[kind]), kind
        checked_in = {p.name for p in (BAD / kind).iterdir()}
        generated = {name for name, e in EXPECTED[kind].items() if e.get("generated")}
        assert checked_in == on_disk - generated, kind
    bad = [e for kind in ("sessions", "banks") for e in EXPECTED[kind].values() if e["bad"]]
    assert len(bad) >= 30
    assert sum(e["bad"] for e in EXPECTED["sessions"].values()) >= 30
    assert sum(e["bad"] for e in EXPECTED["banks"].values()) >= 20


def _assert_clear_lines(lines: list[str], path: Path, expect: dict[str, object]) -> None:
    assert lines, "no message at all"
    for line in lines:
        assert line.startswith(f"{path}"), line  # every line names the file
        assert len(line) < 1000, line[:200]
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in line), repr(line)
    wanted = str(expect["reason"])
    key = str(expect.get("key", ""))
    matching = [line for line in lines if wanted in line and (not key or f": {key}" in line)]
    assert matching, (wanted, key, lines)


def _untouched(folder: Path, before: dict[str, tuple[str, int]]) -> None:
    assert snapshot(folder) == before, "a file was created, changed or removed"


@pytest.fixture(scope="module")
def sessions_before(corpus: Path) -> dict[str, tuple[str, int]]:
    return snapshot(corpus / "sessions")


@pytest.mark.parametrize("name", _cases("sessions"))
def test_show_each_session(name, corpus, sessions_before, capsys):
    expect = EXPECTED["sessions"][name]
    path = corpus / "sessions" / name
    code = main(["show", str(path), "--bank", str(MINI_BANK)])
    out, err = capsys.readouterr()
    if expect["bad"]:
        assert code == 2
        assert out == ""
        _assert_clear_lines(err.splitlines(), path, expect)
    else:
        assert code == 0, err
        assert "Stationsplein" in out
    _untouched(corpus / "sessions", sessions_before)


@pytest.fixture(scope="module")
def banks_before(corpus: Path) -> dict[str, tuple[str, int]]:
    return snapshot(corpus / "banks")


@pytest.mark.parametrize("name", _cases("banks"))
def test_validate_each_bank(name, corpus, banks_before, capsys):
    expect = EXPECTED["banks"][name]
    path = corpus / "banks" / name
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    if expect["bad"]:
        assert code == 2
        *lines, summary = err.splitlines()
        assert summary == f"{len(lines)} probleem/problemen gevonden."
        _assert_clear_lines(lines, path, expect)
    else:
        assert code == 0, err
        assert out.startswith("OK: mini 1.0: 2 clusters, 2 factoren")
    _untouched(corpus / "banks", banks_before)


def test_list_marks_each_bad_session_and_still_lists_the_good_ones(corpus, tmp_path, capsys):
    folder = tmp_path / "sessies"
    shutil.copytree(corpus / "sessions", folder)
    (folder / "een-map.toml").mkdir()  # a folder that looks like a session file
    before = snapshot(folder)

    assert main(["list", "--sessions-dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = out.splitlines()
    assert len(rows) == len(EXPECTED["sessions"]) + 1
    by_id = {row.split("  ", 1)[0]: row for row in rows}
    for name, expect in EXPECTED["sessions"].items():
        stem = name.removesuffix(".toml")
        readable = [r for r in rows if r.startswith(stem + "  ") and "ONLEESBAAR" not in r]
        if expect["bad"]:
            row = by_id[stem]
            assert row.startswith(f"{stem}  ONLEESBAAR: "), row
            assert str(expect["reason"]) in row, row
            assert len(row) < 500
            assert not any(ord(ch) < 32 for ch in row), repr(row)
        elif name == "unknown-bank.toml":
            assert by_id["andere-bank-sessie"].startswith("andere-bank-sessie  Stationsplein |")
        else:
            assert readable or any("Stationsplein" in r for r in rows), name
    assert by_id["een-map"] == "een-map  ONLEESBAAR: is een map, geen bestand"
    titles = [r for r in rows if "ONLEESBAAR" not in r]
    assert len(titles) == sum(not e["bad"] for e in EXPECTED["sessions"].values())
    assert all("| Oost |" in r for r in titles)

    assert main(["list", "--json", "--sessions-dir", str(folder)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sum(not row["readable"] for row in listed) == len(rows) - len(titles)
    _untouched(folder, before)


def test_session_from_an_unknown_bank_is_shown_with_a_warning(corpus, capsys):
    """Decision: such a session loads, is never rewritten by showing, and says so."""
    path = corpus / "sessions" / "unknown-bank.toml"
    before = path.read_bytes()
    assert main(["show", str(path)]) == 0  # the bundled bank: none of its factor ids match
    out = capsys.readouterr().out
    assert "Let op: gemaakt met vragenbank andere-bank 3.1" in out
    assert out.count("niet bekeken") == 12  # its answers cannot be placed, and are not guessed
    # A priority keeps its id rather than vanishing (rank · factor · weight · reason).
    assert any(
        line.startswith("  - 1 · alfa · ") and "Speelt sterk." in line for line in out.splitlines()
    )
    assert path.read_bytes() == before


# The nastiest files once more in real processes: exit code 2, no traceback, no raw escapes.
REAL = [
    ("show", "sessions/deep-tables.toml"),
    ("show", "sessions/deep-arrays.toml"),
    ("show", "sessions/ansi-key.toml"),
    ("show", "sessions/binary.toml"),
    ("show", "sessions/huge-unknown-key.toml"),
    ("validate", "banks/deep-arrays.toml"),
    ("validate", "banks/binary.toml"),
    ("validate", "banks/code-in-rule.toml"),
]


@pytest.mark.parametrize(("command", "name"), REAL)
def test_real_process_reports_cleanly(command, name, corpus):
    result = run_cli([command, name], cwd=corpus)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    assert result.stderr.startswith((name, str(corpus / name)))  # banks name the full path


# Every command that takes a path, by the kind of path it takes. {x} is the hostile
# path, {good} a readable session, {bank} a valid bank, {dir} a sessions folder.
SLOTS: dict[str, list[list[str]]] = {
    "session": [
        ["show", "{x}", "--bank", "{bank}"],
        ["open", "{x}", "--bank", "{bank}"],
        ["report", "{x}", "--format", "md", "--bank", "{bank}"],
        ["compare", "{x}", "{good}", "--bank", "{bank}"],
        ["merge", "{x}", "{good}", "--bank", "{bank}"],
    ],
    "bank": [
        ["validate", "{x}"],
        ["bank", "--bank", "{x}"],
        ["show", "{good}", "--bank", "{x}"],
    ],
    "output": [
        ["report", "{good}", "--format", "md", "-o", "{x}", "--bank", "{bank}"],
        ["merge", "{good}", "{good}", "-o", "{x}", "--bank", "{bank}"],
        ["export-csv", "-o", "{x}", "--sessions-dir", "{dir}", "--bank", "{bank}"],
    ],
    "folder": [
        ["list", "--sessions-dir", "{x}"],
        ["demo", "--sessions-dir", "{x}"],
        ["export-csv", "--sessions-dir", "{x}"],
        ["show", "stationsplein", "--sessions-dir", "{x}"],
    ],
}
LONG = "x" * 300  # over every file system's 255-byte limit for one name
HOSTILE_CASES = [
    (case, slot, index)
    for case, expect in sorted(EXPECTED["hostile"].items())
    for slot in expect["slots"]
    for index in range(len(SLOTS[slot]))
]


@pytest.fixture(scope="module")
def hostile_root() -> Iterator[Path]:
    """A folder anyone may enter (for the runs as nobody) holding the hostile paths."""
    root = Path(tempfile.mkdtemp(prefix="vbwizard-hostile-"))
    try:
        root.chmod(0o755)
        make_corpus.make_hostile(root, MAX_FILE_BYTES)
        folder = root / "sessies"
        folder.mkdir(mode=0o755)
        shutil.copy(BAD / "sessions" / "good.toml", folder / "stationsplein-2026.toml")
        for path in (root / "good.toml", folder / "stationsplein-2026.toml"):
            shutil.copy(BAD / "sessions" / "good.toml", path)
            path.chmod(0o644)
        yield root
    finally:
        shutil.rmtree(root)


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail (rather than hang) when a command blocks, e.g. opening a FIFO."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _as_nobody(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run ``vbwizard ARGS`` as the user nobody (root may read any file)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv is missing: cannot drop privileges")
        prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    script = "import sys\nfrom vbwizard.cli import main\nsys.exit(main(sys.argv[1:]))"
    env = child_env()
    env["VBWIZARD_CACHE_DIR"] = ""  # nobody has no home to cache in
    result = subprocess.run(
        [*prefix, sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize(("case", "slot", "index"), HOSTILE_CASES)
def test_every_command_refuses_hostile_paths(case, slot, index, hostile_root, capsys):
    """One clear Dutch line and exit 2 for each hostile path in each command; no hang."""
    expect = EXPECTED["hostile"][case]
    x = str(hostile_root / expect["path"].format(long=LONG))
    values = {
        "x": x,
        "good": str(hostile_root / "good.toml"),
        "bank": str(MINI_BANK),
        "dir": str(hostile_root / "sessies"),
    }
    args = [part.format(**values) for part in SLOTS[slot][index]]
    if expect.get("as_nobody"):
        code, out, err = _as_nobody(args, hostile_root)
    else:
        with _deadline(20):
            code = main(args)
        out, err = capsys.readouterr()
    assert code == 2, (args[0], out, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines and all(len(line) < 1200 for line in lines), err
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in err.replace("\n", ""))
    assert any(expect["reason"] in line for line in lines), (expect["reason"], err)
    # The line names what was refused: the path as given, or where a link led.
    named = {printable(x)[:200], printable(os.path.realpath(x))[:200]}
    assert any(name in err for name in named), err


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_report_format_takes_a_hostile_title(fmt, tmp_path, capsys):
    """300+ characters, combining marks, bidi overrides and markup: the report is whole."""
    source = BAD / "sessions" / "hostile-title.toml"
    title = tomllib.loads(source.read_text(encoding="utf-8"))["scope"]["title"]
    target = tmp_path / f"rapport.{fmt}"
    code = main(["report", str(source), "-o", str(target), "--bank", str(MINI_BANK)])
    _, err = capsys.readouterr()
    assert code == 0, err
    if fmt == "docx":
        import docx

        document = docx.Document(str(target))
        assert title in [p.text for p in document.paragraphs]  # the heading: in full
        assert document.core_properties.title == title[:254] + "…"  # Word's 255 limit
    else:
        text = target.read_text(encoding="utf-8")
        assert title.split(" [/b]")[0] in text
        assert "\u202eRTL-override" in text


def test_list_names_each_hostile_file_type_without_blocking(hostile_root, capsys):
    with _deadline(20):
        code = main(["list", "--sessions-dir", str(hostile_root), "--bank", str(MINI_BANK)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    rows = {row.split("  ", 1)[0]: row for row in out.splitlines()}
    for case in ("fifo", "dev-zero", "folder", "link-to-folder", "too-big"):
        expect = EXPECTED["hostile"][case]
        row = rows[Path(expect["path"]).stem]
        assert "ONLEESBAAR: " + expect["reason"] in row, row
    assert "Stationsplein" in rows["stationsplein-2026"]
