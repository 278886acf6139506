"""The domain core never imports Textual, and the installed wheel finds its bank."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = [
    "vbwizard",
    "vbwizard.bank",
    "vbwizard.session",
    "vbwizard.session.lock",
    "vbwizard.session.create",
    "vbwizard.scoring",
    "vbwizard.proposals",
    "vbwizard.planning",
    "vbwizard.labels",
    "vbwizard.spread",
    "vbwizard.textsummary",
    "vbwizard.demo",
    "vbwizard.cli",
    "vbwizard.cli.bank_commands",
    "vbwizard.cli.session_commands",
    "vbwizard.cli.report_commands",
    "vbwizard.cli.merge_commands",
    "vbwizard.cli.export_commands",
    "vbwizard.reports",
    "vbwizard.reports.markdown",
    "vbwizard.reports.html",
    "vbwizard.reports.word",
    "vbwizard.reports.csv_export",
    "vbwizard.reports.export_table",
    "vbwizard.reports.xlsx_export",
    "vbwizard.compare",
    "vbwizard.merge",
    "vbwizard.anonymity",
    "vbwizard.participants",
    "vbwizard.dates",
]


def test_core_imports_without_textual():
    code = textwrap.dedent(
        f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "textual" or name.startswith("textual."):
                    raise ImportError("textual is blocked in this test")
        sys.meta_path.insert(0, Block())
        for name in {CORE!r}:
            importlib.import_module(name)
        from vbwizard.bank import load_bank
        assert len(load_bank().factors) == 12
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_built_wheel_carries_the_bank_and_finds_it_from_another_folder(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = wheels.glob("vbwizard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "vbwizard/_bank/bank.toml" in names
    assert sum(n.startswith("vbwizard/_bank/factors/") for n in names) == 12
    assert "vbwizard/data/demo-de-horst-2026.toml" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import vbwizard, vbwizard.bank.loader as l; b = l.load_bank(); "
        "print(vbwizard.__file__); print(l.bundled_bank_path()); print(len(b.factors)); "
        "from vbwizard.demo import demo_session; print(demo_session(b).id)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    module_file, bank_path, count, demo_id = result.stdout.split()
    assert module_file.startswith(str(target))
    assert bank_path == str(target / "vbwizard" / "_bank")
    assert count == "12"
    assert demo_id == "demo-de-horst-2026"


def test_start_path_waits_for_neither_pydantic_nor_toml():
    # What `vbwizard` imports before its start screen is drawn; the bank, the session
    # models and the file checks load in the background once the screen shows.
    code = textwrap.dedent(
        """
        import sys
        import vbwizard.cli, vbwizard.cli.tui_commands, vbwizard.tui.launch
        import vbwizard.tui.screens.start
        print(sorted(m for m in ("pydantic", "tomllib", "vbwizard.problems") if m in sys.modules))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_listing_sessions_vbwizard_wrote_needs_no_pydantic(tmp_path):
    # `vbwizard list` is run from scripts; files vbwizard wrote are listed from their head.
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from vbwizard.cli import main
        folder = Path({str(tmp_path)!r})
        main(["list", "--sessions-dir", str(folder)])
        print(sorted(m for m in ("pydantic", "vbwizard.session.models") if m in sys.modules))
        """
    )
    from vbwizard.bank import load_bank
    from vbwizard.session.create import new_session
    from vbwizard.session.storage import save_session

    save_session(new_session(load_bank(), title="Horstplein"), tmp_path)
    env = {**os.environ, "VBWIZARD_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Horstplein" in result.stdout
    assert result.stdout.strip().endswith("[]")


def test_every_core_module_is_in_the_import_contract():
    """A new core module must join the contract that keeps Textual out of the core."""
    import pkgutil
    import tomllib
    from pathlib import Path

    import vbwizard

    config = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    contract = config["tool"]["importlinter"]["contracts"][0]
    listed = set(contract["source_modules"])
    front_ends = {"vbwizard.tui", "vbwizard.cli", "vbwizard.__main__", "vbwizard.entry"}
    modules = {f"vbwizard.{m.name}" for m in pkgutil.iter_modules(vbwizard.__path__)}
    assert modules - front_ends - listed == set()
    assert {"textual", "vbwizard.tui", "vbwizard.cli"} <= set(contract["forbidden_modules"])
