"""Every screen gets the wizard's styles; the start screen's first frame needs only its own."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.screen import Screen

import vbwizard.tui.screens as screens_package
from vbwizard.tui.app import VbWizardApp
from vbwizard.tui.screens.start import StartScreen
from vbwizard.tui.themes import WIZARD_CSS

TUI = Path(__file__).resolve().parents[2] / "src" / "vbwizard" / "tui"


def _screen_classes() -> list[type[Screen[object]]]:
    found = []
    for info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"{screens_package.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def test_every_screen_but_the_start_screen_brings_the_wizard_styles():
    classes = _screen_classes()
    assert len(classes) > 10

    def brings(cls: type[Screen[object]]) -> bool:
        paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
        return WIZARD_CSS in paths

    missing = [c.__name__ for c in classes if c is not StartScreen and not brings(c)]
    assert missing == []
    assert StartScreen.CSS_PATH is None
    assert VbWizardApp.CSS_PATH == "start.tcss"


def _selectors(path: Path) -> list[str]:
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [s.strip() for s in re.findall(r"([^{}]+)\{", text)]


def test_no_rule_is_defined_in_both_stylesheets():
    start = set(_selectors(TUI / "start.tcss"))
    assert {"Screen", ".step-title", "#menu"} <= start
    assert start.isdisjoint(_selectors(WIZARD_CSS))
