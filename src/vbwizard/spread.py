"""How far the participants' weights on one factor lie apart, and how that reads in Dutch.

Every view that shows the spread (the factor page, the disagreement list, the
merge overview, each report format) takes its numbers and its wording from
:class:`FactorStats`, so "0–3, mediaan 1,5 (verschil van mening)" reads the
same everywhere. Where the participants disagree is decided in
:mod:`vbwizard.disagreement`; the threshold is :data:`DISAGREEMENT`.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from vbwizard.labels import decimal_comma
from vbwizard.session.models import DISAGREEMENT, FactorAnswer

DISAGREEMENT_TEXT = "verschil van mening"
"""How a spread of :data:`DISAGREEMENT` points or more is called."""


@dataclass(frozen=True)
class FactorStats:
    """The spread of the participants' weights on one factor."""

    weights: tuple[int, ...]
    median: float
    low: int
    high: int

    @property
    def spread(self) -> int:
        """Highest minus lowest weight."""
        return self.high - self.low

    @property
    def disputed(self) -> bool:
        """True when the weights differ by :data:`DISAGREEMENT` or more."""
        return self.spread >= DISAGREEMENT

    @property
    def range_text(self) -> str:
        """``"1–3"``: the lowest and the highest weight."""
        return f"{self.low}–{self.high}"

    @property
    def summary(self) -> str:
        """``"1–3, mediaan 2,5 (verschil van mening)"``: range, median and the flag."""
        text = f"{self.range_text}, mediaan {decimal_comma(self.median)}"
        return f"{text} ({DISAGREEMENT_TEXT})" if self.disputed else text


def weight_stats(weights: Iterable[int]) -> FactorStats | None:
    """Median, minimum and maximum of some weights; ``None`` when there are none."""
    values = list(weights)
    if not values:
        return None
    return FactorStats(
        weights=tuple(sorted(values)),
        median=float(statistics.median(values)),
        low=min(values),
        high=max(values),
    )


def factor_stats(answer: FactorAnswer | None) -> FactorStats | None:
    """The statistics of a factor's participant weights (the median stays visible)."""
    if answer is None:
        return None
    return weight_stats(answer.participant_weights.values())
