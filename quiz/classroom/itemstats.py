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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
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
    if n < 2 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    mx = math.fsum(xs) / n
    my = math.fsum(ys) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
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
    totals = [math.fsum(row) for row in matrix]
    out: list[ItemStats] = []
    for j in range(width):
        column = [row[j] for row in matrix]
        rest = [total - score for total, score in zip(totals, column, strict=False)]
        out.append(ItemStats(facility(column), discrimination(column, rest)))
    return out


def wrong_answer_counts(wrong: Iterable[str], distractors: Sequence[str] = ()) -> list[tuple[str, int]]:
    """How often each wrong answer was given, most frequent first.

    Every listed distractor appears, even if nobody picked it (a distractor that
    fools nobody is worth knowing about too); ties keep the distractors' order.
    """
    counts: Counter[str] = Counter({d: 0 for d in distractors})
    counts.update(wrong)
    return sorted(counts.items(), key=lambda kv: -kv[1])
