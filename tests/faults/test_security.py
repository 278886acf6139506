"""Private files, ids that stay inside the folder, no code from data, banks kept in their folder."""

from __future__ import annotations

import ast
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import MINI_BANK
from tests.faults.conftest import REPO, run_cli
from vbwizard.bank.loader import bundled_bank_path, load_bank
from vbwizard.cli import main
from vbwizard.problems import ProblemsError
from vbwizard.session.create import new_session
from vbwizard.session.lock import lock_path
from vbwizard.session.storage import find_session, save_session
from vbwizard.session.store import SessionStore

SRC = REPO / "src" / "vbwizard"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_folder_file_and_lock_are_private(mini_bank, tmp_path):
    folder = tmp_path / "nieuw" / "sessies"
    session = new_session(mini_bank, title="Privé", area="Oost")
    store = SessionStore.create(session, folder)
    assert _mode(folder) == 0o700
    assert _mode(store.path) == 0o600
    assert _mode(lock_path(store.path)) == 0o600
    store.session.scope.title = "Nog steeds privé"
    assert store.commit()
    assert _mode(store.path) == 0o600  # a rewrite does not widen it
    store.close()


def test_cli_demo_folder_and_file_are_private(tmp_path):
    result = run_cli(["demo", "--sessions-dir", "nieuw"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / result.stdout.strip()
    assert _mode(tmp_path / "nieuw") == 0o700
    assert _mode(path) == 0o600


ESCAPING_IDS = ["..", "../x", "./../x", "sessies/../x", "x..y", "x/", "A", "a b", ".x"]


@pytest.mark.parametrize("ref", ESCAPING_IDS)
def test_ids_never_reach_outside_the_folder(ref, mini_bank, tmp_path, capsys, monkeypatch):
    # A real session "x" beside the sessions folder, where "sessies/../x" would lead.
    folder = tmp_path / "sessies"
    folder.mkdir()
    beside = new_session(mini_bank, title="buiten", area="x", session_id="x")
    outside = save_session(beside, tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProblemsError):
        find_session(ref, folder)
    for command in ("show", "open"):
        code = main([command, ref, "--sessions-dir", str(folder)])
        err = capsys.readouterr().err
        assert code == 2, (command, ref)
        assert len(err.strip().splitlines()) == 1
    assert outside.read_text(encoding="utf-8")  # untouched, and never shown


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("a\x00b", "geen sessiebestand en geen geldige sessie-id (a-z, 0-9, '-')"),
        ("x\x00.toml", "geen geldige bestandsnaam"),
        ("a" * 5000, "geen sessiebestand en geen geldige sessie-id (a-z, 0-9, '-')"),
        ("a" * 5000 + ".toml", "de naam is te lang"),
        ("b" * 300 + "/x.toml", "de naam is te lang"),
    ],
)
def test_strange_references_get_one_plain_line(ref, reason, sessions_dir, capsys):
    code = main(["show", ref, "--sessions-dir", str(sessions_dir)])
    err = capsys.readouterr().err
    assert code == 2
    [line] = err.strip().splitlines()
    assert line.endswith(reason)
    assert "\x00" not in line and len(line) < 800


def test_an_explicit_path_is_read_where_the_user_points(mini_bank, tmp_path, capsys):
    """A path (not an id) is the user's own choice, as with any command's file argument."""
    path = save_session(new_session(mini_bank, title="Elders", area="x"), tmp_path)
    assert main(["show", str(path), "--bank", str(MINI_BANK)]) == 0
    assert "Elders" in capsys.readouterr().out


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "yaml"}
FORBIDDEN_ATTRIBUTES = {("os", "system"), ("os", "popen"), ("yaml", "load")}


def _violations(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.append(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{func.id}()")
            if isinstance(func, ast.Attribute) and (
                func.attr == "import_module"
                or (isinstance(func.value, ast.Name) and func.value.id == "builtins")
                and func.attr in FORBIDDEN_CALLS
            ):
                found.append(f"{func.attr}()")
            found += [
                "shell=True"
                for kw in node.keywords
                if kw.arg == "shell"
                and not (isinstance(kw.value, ast.Constant) and kw.value.value is False)
            ]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_no_code_execution_or_unsafe_deserialisation_in_src():
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 15
    problems = {}
    for file in files:
        found = _violations(ast.parse(file.read_text(encoding="utf-8"), filename=str(file)))
        if found:
            problems[str(file.relative_to(REPO))] = found
    assert problems == {}


def test_the_scan_finds_what_it_looks_for():
    sample = (
        "import pickle\nfrom marshal import loads\nimport shelve\nimport yaml\n"
        "eval('1')\nexec('x')\nyaml.load(s)\nos.system('ls')\n"
        "subprocess.run('ls', shell=True)\nimportlib.import_module(name)\n"
        "builtins.exec(x)\nre.compile('ok')\n"
    )
    found = _violations(ast.parse(sample))
    for expected in ["pickle", "marshal", "shelve", "eval()", "exec()", "yaml.load", "os.system"]:
        assert expected in found
    assert "shell=True" in found and "import_module()" in found
    assert found.count("exec()") == 2 and "compile()" not in found


def _bank_copy(tmp_path: Path) -> Path:
    bank = tmp_path / "eigen-bank"
    shutil.copytree(bundled_bank_path(), bank)
    return bank


def test_factor_file_linking_outside_the_bank_is_refused(tmp_path, capsys):
    bank = _bank_copy(tmp_path)
    secret = tmp_path / "geheim.toml"
    secret.write_text('wachtwoord = "hunter2"\n', encoding="utf-8")
    (bank / "factors" / "13-extra.toml").symlink_to(secret)
    with pytest.raises(ProblemsError) as caught:
        load_bank(bank)
    [problem] = caught.value.problems
    assert problem.file.name == "13-extra.toml"
    assert "wijst buiten de map van de bank" in problem.message
    assert "hunter2" not in str(caught.value)

    assert main(["validate", str(bank)]) == 2
    err = capsys.readouterr().err
    assert "13-extra.toml: wijst buiten de map van de bank" in err
    assert "hunter2" not in err


def test_factors_folder_linking_outside_the_bank_is_refused(tmp_path):
    bank = _bank_copy(tmp_path)
    elsewhere = tmp_path / "elders"
    shutil.move(bank / "factors", elsewhere)
    (bank / "factors").symlink_to(elsewhere)
    with pytest.raises(ProblemsError) as caught:
        load_bank(bank)
    assert len(caught.value.problems) == 12  # one per factor file, nothing else
    assert all("wijst buiten de map van de bank" in p.message for p in caught.value.problems)


def test_links_inside_the_bank_and_broken_links(tmp_path):
    bank = _bank_copy(tmp_path)
    factors = bank / "factors"
    first = sorted(factors.glob("*.toml"))[0]
    kept = bank / "bewaard" / first.name
    kept.parent.mkdir()
    shutil.move(first, kept)
    first.symlink_to(kept)  # a link that stays inside the bank folder is fine
    assert len(load_bank(bank).factors) == 12

    (factors / "99-weg.toml").symlink_to(tmp_path / "bestaat-niet.toml")
    with pytest.raises(ProblemsError, match="ontbreekt of is een kapotte koppeling"):
        load_bank(bank)


def test_escape_codes_in_a_session_never_reach_the_terminal(mini_bank, sessions_dir, capsys):
    """A shared session file could carry terminal escape codes in its texts."""
    session = new_session(mini_bank, title="\x1b]0;gehackt\x07Plein\x1b[2J", area="Oost\rX")
    path = save_session(session, sessions_dir)
    assert main(["list", "--sessions-dir", str(sessions_dir)]) == 0
    assert main(["show", str(path), "--bank", str(MINI_BANK)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "\\x1b]0;gehackt\\x07Plein\\x1b[2J" in out  # shown, inert
