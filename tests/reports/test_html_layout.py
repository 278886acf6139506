"""The HTML report on a phone, in greyscale and in print; checked in real Chromium where present."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vbwizard.bank import Bank
from vbwizard.reports import render_report
from vbwizard.session.models import Session

from .test_report_formats import parse

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def _rule(css: str, selector: str) -> str:
    match = re.search(re.escape(selector) + r"[^{]*\{([^}]*)\}", css)
    assert match, selector
    return match.group(1)


def test_weights_differ_without_colour(bank: Bank, demo: Session) -> None:
    """Greyscale print: 0, 1 and unknown differ by border and by a printed mark."""
    demo.factors["verloedering"].weight = "unknown"
    page = parse(render_report(bank, demo, "html").decode("utf-8"))
    borders = {w: _rule(page.style, f".hm-cell.w{w}") for w in ("0", "1", "unknown", "none")}
    assert len(set(borders.values())) == 4
    marks = [t for t in page.text if t in {"0", "1", "2", "3", "?", "–"}]
    assert {"0", "1", "?"} <= set(marks)


def test_print_keeps_headings_with_their_content(bank: Bank, demo: Session) -> None:
    html = render_report(bank, demo, "html").decode("utf-8")
    css = parse(html).style
    assert "break-after: avoid" in _rule(css, "h2, h3, h4")
    assert "break-inside: avoid" in _rule(css, ".keep")
    # "Doel" and its text, "SMART" and its list: each pair in one unbreakable box.
    doel = html.split('<section id="doel">')[1].split("</section>")[0]
    assert re.search(r'<div class="keep">\s*<h2>Doel</h2>\s*<p>', doel)
    assert re.search(r'<div class="keep">\s*<h3>SMART</h3>\s*<dl class="facts">', doel)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        reason = "no /usr/bin/chromium or /usr/bin/chromedriver (.ci/run installs them)"
        print(reason)
        pytest.skip(reason)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    with tempfile.TemporaryDirectory() as profile:
        for flag in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def test_phone_width_fits_and_heat_map_is_a_list(
    browser: Any, bank: Bank, demo: Session, tmp_path: Path
) -> None:
    demo.factors["verloedering"].notes = "https://example.org/" + "een-heel-lange-adres-" * 8
    path = tmp_path / "rapport.html"
    path.write_bytes(render_report(bank, demo, "html"))
    browser.set_window_size(390, 900)
    browser.get(path.as_uri())
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert width <= 390
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    lefts = browser.execute_script(
        "return [...document.querySelectorAll('.hm-cell')].map(e => e.getBoundingClientRect().left)"
    )
    assert len(lefts) == 12 and len(set(lefts)) == 1  # one column: a list
    # No text squeezed to a few pixels: every table cell is readable.
    sizes = browser.execute_script(
        "return [...document.querySelectorAll('td, .hm-cell')].map(e =>"
        " [parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().width])"
    )
    shown = [(size, w) for size, w in sizes if w > 0]  # empty cells are hidden on a phone
    assert min(size for size, _ in shown) >= 12 and min(w for _, w in shown) >= 150


def test_desktop_heat_map_is_a_grid(
    browser: Any, bank: Bank, demo: Session, tmp_path: Path
) -> None:
    path = tmp_path / "rapport.html"
    path.write_bytes(render_report(bank, demo, "html"))
    browser.set_window_size(1280, 900)
    browser.get(path.as_uri())
    lefts = browser.execute_script(
        "return [...document.querySelectorAll('.hm-cell')].map(e => e.getBoundingClientRect().left)"
    )
    assert len(set(lefts)) == 4  # four factors side by side per cluster
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
