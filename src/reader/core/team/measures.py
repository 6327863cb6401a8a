"""Agreement measures between two annotators: span F1 (exact and overlap), Cohen's κ
and Krippendorff's α (nominal) on binary units (a character or a word is marked
with a tag, or not).

Every unit counts: a unit only one annotator marked, and a unit neither marked,
are units like any other (INCEpTION's κ drops units one annotator left empty,
which inflates it). κ and α are undefined (None) when chance agreement is
total, e.g. when neither annotator used the tag.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int, int, str]  # article, start, end, tag


@dataclass(frozen=True)
class Confusion:
    """Counts of binary units: both marked, only a, only b, neither."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    def __add__(self, other: Confusion) -> Confusion:
        return Confusion(
            self.both + other.both,
            self.only_a + other.only_a,
            self.only_b + other.only_b,
            self.neither + other.neither,
        )

    @property
    def units(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither


def confusion(a: Sequence[bool], b: Sequence[bool]) -> Confusion:
    """Counts from two equal-length sequences of marks (lists or numpy arrays)."""
    import numpy as np

    left = np.asarray(a, dtype=bool)
    right = np.asarray(b, dtype=bool)
    both = int(np.count_nonzero(left & right))
    only_a = int(np.count_nonzero(left)) - both
    only_b = int(np.count_nonzero(right)) - both
    return Confusion(both, only_a, only_b, len(left) - both - only_a - only_b)


def cohen_kappa(c: Confusion) -> float | None:
    """Cohen's κ = (p_o − p_e) / (1 − p_e), chance from each annotator's own marginals."""
    n = c.units
    if n == 0:
        return None
    observed = (c.both + c.neither) / n
    a_yes = (c.both + c.only_a) / n
    b_yes = (c.both + c.only_b) / n
    expected = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(c: Confusion) -> float | None:
    """Krippendorff's α, nominal, two annotators, no missing values, by the ``krippendorff``
    package.

    Units are handed over as value counts, with the units both annotators gave the
    same value pooled into one unit per value: a unit of 2k equal values adds 2k to
    the coincidence matrix's diagonal, as k units of two do, so α is exactly that of
    the full data (``tests/test_team_agreement.py`` checks it against the full data).
    Each disagreeing unit stays a unit of its own.
    """
    if c.units == 0:
        return None
    if (c.both + c.only_a + c.only_b) == 0 or (c.neither + c.only_a + c.only_b) == 0:
        return None  # one value only: no variation to agree on
    import krippendorff
    import numpy as np

    rows = [[2 * c.neither, 0]] if c.neither else []
    rows += [[0, 2 * c.both]] if c.both else []
    counts = np.array(rows, dtype=np.int64).reshape(-1, 2)
    differing = c.only_a + c.only_b
    if differing:
        counts = np.vstack([counts, np.ones((differing, 2), dtype=np.int64)])
    value = float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))
    return None if value != value else value  # NaN: undefined


def span_f1(a: Iterable[Span], b: Iterable[Span]) -> float | None:
    """F1 of exact matches (same article, start, end and tag); None when neither marked any."""
    left, right = set(a), set(b)
    if not left and not right:
        return None
    return 2 * len(left & right) / (len(left) + len(right))


def overlap_f1(a: Iterable[Span], b: Iterable[Span]) -> float | None:
    """F1 where a span counts as found when the other annotator has a span with the same
    tag overlapping it (by at least one character): precision is the share of a's spans
    found by b, recall the share of b's spans found by a."""
    return overlap_f1_of(overlap_counts(a, b))


def overlap_counts(a: Iterable[Span], b: Iterable[Span]) -> tuple[int, int, int, int]:
    """(a's spans b found, a's spans, b's spans a found, b's spans): these add up over tags."""
    left, right = sorted(set(a)), sorted(set(b))
    return _found(left, right), len(left), _found(right, left), len(right)


def overlap_f1_of(counts: tuple[int, int, int, int]) -> float | None:
    found_a, n_a, found_b, n_b = counts
    if not n_a and not n_b:
        return None
    if not n_a or not n_b:
        return 0.0
    precision, recall = found_a / n_a, found_b / n_b
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _found(spans: list[Span], others: list[Span]) -> int:
    """How many of ``spans`` overlap a span of ``others`` with the same article and tag."""
    groups: dict[tuple[int, str], tuple[list[int], list[int]]] = {}
    for article, start, end, tag in sorted(others, key=lambda s: (s[0], s[3], s[1])):
        starts, reach = groups.setdefault((article, tag), ([], []))
        starts.append(start)
        reach.append(max(end, reach[-1]) if reach else end)  # furthest end so far
    count = 0
    for article, start, end, tag in spans:
        group = groups.get((article, tag))
        if group is None:
            continue
        before = bisect.bisect_left(group[0], end)  # the spans starting before our end
        if before and group[1][before - 1] > start:
            count += 1
    return count
