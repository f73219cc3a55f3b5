"""Item analysis of a test, as Moodle's quiz statistics compute it.

Rows are students, columns are items (questions); each cell is the item score
as a fraction of the item's maximum (0..1, partial credit allowed).

- Facility index: the mean item score, i.e. the share of the marks students got.
- Discrimination index: Pearson's correlation of the item score with the score
  on the rest of the test (total minus this item), the "corrected item-total
  correlation". Undefined (None) when either side does not vary.

Sums are exactly rounded (`math.fsum`), so the result does not depend on the
order of the students, down to the last bit.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import repeat

from quiz.deck.datarecord import datarecord


@datarecord
class ItemStats:
    facility: float
    discrimination: float | None


def facility(scores: Sequence[float]) -> float:
    """Share of the item's marks the class got: 0 (nobody right) .. 1 (everybody right)."""
    if not scores:
        raise ValueError("facility needs at least one score")
    return math.fsum(scores) / len(scores)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when there are fewer than two points or a side is constant."""
    if len(xs) != len(ys):
        raise ValueError("correlation needs two sequences of the same length")
    n = len(xs)
    if n < 2 or _constant(xs) or _constant(ys):
        return None
    return _pearson(xs, ys, math.fsum(xs) / n)


def _constant(values: Sequence[float]) -> bool:
    """Every value equal to the first: what `len(set(values)) < 2` says, without hashing them."""
    return values.count(values[0]) == len(values)


def _pearson(xs: Sequence[float], ys: Sequence[float], mx: float) -> float | None:
    """Pearson's r of two sequences that vary, the mean of `xs` given (an item's facility already is)."""
    my = math.fsum(ys) / len(ys)
    # (x - mx) * (y - my), (x - mx) ** 2 and (y - my) ** 2, each computed once and summed without a Python loop
    dx = list(map(operator.sub, xs, repeat(mx)))
    dy = list(map(operator.sub, ys, repeat(my)))
    sxy = math.fsum(map(operator.mul, dx, dy))
    sxx = math.fsum(map(pow, dx, repeat(2)))
    syy = math.fsum(map(pow, dy, repeat(2)))
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def discrimination(item: Sequence[float], rest: Sequence[float]) -> float | None:
    """Correlation of the item score with the score on the rest of the test."""
    return correlation(item, rest)


def item_statistics(matrix: Sequence[Sequence[float]]) -> list[ItemStats]:
    """Facility and discrimination of every column of a students x items score matrix."""
    if not matrix:
        return []
    width = len(matrix[0])
    if any(len(row) != width for row in matrix):
        raise ValueError("every student needs a score for every item")
    totals = list(map(math.fsum, matrix))
    out: list[ItemStats] = []
    for column in zip(*matrix, strict=True):
        rest = list(map(operator.sub, totals, column))
        share = facility(column)  # the item's mean score, which its discrimination starts from too
        varies = len(column) > 1 and not _constant(column) and not _constant(rest)
        out.append(ItemStats(share, _pearson(column, rest, share) if varies else None))  # `discrimination`, exactly
    return out


def wrong_answer_counts(wrong: Iterable[str], distractors: Sequence[str] = ()) -> list[tuple[str, int]]:
    """How often each wrong answer was given, most frequent first.

    Every listed distractor appears, even if nobody picked it (a distractor that
    fools nobody is worth knowing about too); ties keep the distractors' order.
    """
    counts: Counter[str] = Counter(dict.fromkeys(distractors, 0))
    counts.update(wrong)
    return sorted(counts.items(), key=_count, reverse=True)  # stable: ties keep their order


_count = operator.itemgetter(1)
