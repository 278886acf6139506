"""One wording per concept: factor titles, confidence, factor states, numbers, spreads."""

from __future__ import annotations

import pytest

from vbwizard.bank import Bank
from vbwizard.labels import (
    STATE_LABELS,
    confidence_label,
    decimal_comma,
    factor_title,
)
from vbwizard.proposals import MUNICIPAL
from vbwizard.spread import weight_stats


@pytest.mark.parametrize(
    ("number", "text"),
    [(2.0, "2"), (1.5, "1,5"), (0.0, "0"), (2.25, "2,25"), (3, "3")],
)
def test_decimal_comma(number: float, text: str) -> None:
    assert decimal_comma(number) == text


@pytest.mark.parametrize(
    ("factor_id", "title"),
    [
        ("kwaliteit-van-de-aanpak", "9. Kwaliteit van de aanpak"),
        ("verloedering", "2. Verloedering"),
        (MUNICIPAL, "Gemeentelijk niveau"),
        ("uit-een-andere-bank", "uit-een-andere-bank"),
    ],
)
def test_factor_title(bank: Bank, factor_id: str, title: str) -> None:
    assert factor_title(bank, factor_id) == title


def test_short_titles_are_numbered_like_the_full_ones(bank: Bank) -> None:
    for factor in bank.factors:
        assert factor.numbered_title == factor_title(bank, factor.id)
        assert factor.numbered_short_title.startswith(f"{factor.number}. ")


@pytest.mark.parametrize(
    ("confidence", "label"),
    [("low", "Laag"), ("medium", "Middel"), ("high", "Hoog"), (None, "")],
)
def test_confidence_comes_from_the_bank(bank: Bank, confidence: str | None, label: str) -> None:
    assert confidence_label(bank, confidence) == label


def test_a_bank_with_other_confidence_words_is_followed(mini_bank: Bank) -> None:
    for option in mini_bank.manifest.scales.confidence:
        assert confidence_label(mini_bank, option.value) == option.label


def test_state_labels_narrow_down_and_keep_never_opened_apart() -> None:
    for label in STATE_LABELS.values():
        assert len(label.narrow) <= len(label.short) <= len(label.full)
    shorts = [label.short for label in STATE_LABELS.values()]
    assert len(set(shorts)) == len(shorts)
    assert STATE_LABELS["no_weight"].full != STATE_LABELS["unvisited"].full


@pytest.mark.parametrize(
    ("weights", "range_text", "summary"),
    [
        ([2], "2–2", "2–2, mediaan 2"),
        ([1, 2], "1–2", "1–2, mediaan 1,5"),
        ([3, 0, 1], "0–3", "0–3, mediaan 1 (verschil van mening)"),
        ([0, 3, 1, 2], "0–3", "0–3, mediaan 1,5 (verschil van mening)"),
        ([1, 3], "1–3", "1–3, mediaan 2 (verschil van mening)"),
    ],
)
def test_spread_wording(weights: list[int], range_text: str, summary: str) -> None:
    stats = weight_stats(weights)
    assert stats is not None
    assert (stats.range_text, stats.summary) == (range_text, summary)


def test_no_weights_no_spread() -> None:
    assert weight_stats([]) is None
