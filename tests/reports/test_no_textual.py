"""Reports, compare and merge belong to the core: they must load without Textual."""

from __future__ import annotations

import subprocess
import sys
import textwrap

MODULES = [
    "vbwizard.reports",
    "vbwizard.reports.markdown",
    "vbwizard.reports.html",
    "vbwizard.reports.word",
    "vbwizard.reports.csv_export",
    "vbwizard.compare",
    "vbwizard.merge",
    "vbwizard.cli.report_commands",
]


def test_report_modules_import_without_textual() -> None:
    code = textwrap.dedent(
        f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "textual" or name.startswith("textual."):
                    raise ImportError("textual is blocked in this test")
        sys.meta_path.insert(0, Block())
        for name in {MODULES!r}:
            importlib.import_module(name)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
