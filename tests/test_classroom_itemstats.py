"""Item statistics: facility, discrimination (corrected item-total correlation), wrong-answer counts."""

from __future__ import annotations

import math

from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.classroom.itemstats import ItemStats, correlation, facility, item_statistics, wrong_answer_counts

scores = st.sampled_from([0.0, 0.25, 1 / 3, 0.5, 2 / 3, 1.0])


@st.composite
def classes(draw: st.DrawFn, min_students: int = 1) -> list[list[float]]:
    items = draw(st.integers(1, 6))
    return draw(st.lists(st.lists(scores, min_size=items, max_size=items), min_size=min_students, max_size=25))


@given(classes())
def test_facility_stays_within_zero_and_one(matrix: list[list[float]]) -> None:
    for stats in item_statistics(matrix):
        assert 0.0 <= stats.facility <= 1.0
        assert stats.discrimination is None or -1.0 <= stats.discrimination <= 1.0


@given(classes(), st.randoms(use_true_random=False))
def test_reordering_the_students_changes_no_item_statistic(matrix: list[list[float]], rng) -> None:
    shuffled = list(matrix)
    rng.shuffle(shuffled)
    assert item_statistics(shuffled) == item_statistics(matrix)


@st.composite
def rest_and_facility(draw: st.DrawFn) -> tuple[list[list[float]], int, list[int]]:
    """Other items of a test, a number of students who get the new item right, and who they are."""
    others = draw(st.integers(1, 5))
    n = draw(st.integers(3, 20))
    matrix = draw(st.lists(st.lists(st.sampled_from([0.0, 1.0]), min_size=others, max_size=others), min_size=n, max_size=n))
    right = draw(st.integers(1, n - 1))
    who = draw(st.permutations(range(n)))[:right]
    return matrix, right, list(who)


@given(rest_and_facility())
def test_a_perfectly_discriminating_item_scores_highest(case: tuple[list[list[float]], int, list[int]]) -> None:
    """Right for exactly the students best on the rest of the test: no item of the same facility beats it."""
    matrix, right, who = case
    rest = [sum(row) for row in matrix]
    assume(len(set(rest)) > 1)
    best = sorted(range(len(matrix)), key=lambda s: -rest[s])[:right]
    perfect = [row + [1.0 if s in best else 0.0] for s, row in enumerate(matrix)]
    other = [row + [1.0 if s in who else 0.0] for s, row in enumerate(matrix)]
    d_perfect = item_statistics(perfect)[-1].discrimination
    d_other = item_statistics(other)[-1].discrimination
    assert d_perfect is not None and d_perfect > 0
    assert d_other is None or d_other <= d_perfect + 1e-12


def test_an_item_that_splits_the_class_like_the_rest_of_the_test_has_discrimination_one() -> None:
    # rest scores 2, 2, 0, 0 and the item 1, 1, 0, 0: the same shape, r = 1
    matrix = [[1, 1, 1], [1, 1, 1], [0, 0, 0], [0, 0, 0]]
    assert item_statistics(matrix)[2].discrimination == 1.0
    # the reverse item (weak students right, strong ones wrong) has r = -1
    reverse = [[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]]
    assert item_statistics(reverse)[2].discrimination == -1.0


def test_undefined_discrimination_when_nothing_varies() -> None:
    assert correlation([1, 1, 1], [0, 1, 2]) is None
    assert correlation([0.1, 0.1, 0.1], [0, 1, 2]) is None  # not a tiny float residue
    assert correlation([1], [2]) is None
    assert item_statistics([[1.0, 0.0]]) == [ItemStats(1.0, None), ItemStats(0.0, None)]


def test_facility_with_partial_credit() -> None:
    # (1 + 0.5 + 0 + 0.5) / 4 = 0.5
    assert facility([1, 0.5, 0, 0.5]) == 0.5
    assert math.isclose(facility([1 / 3, 1 / 3, 1 / 3]), 1 / 3)


def test_wrong_answer_counts_list_every_distractor_most_picked_first() -> None:
    counts = wrong_answer_counts(["Nice", "Lyon", "Nice", "Marseille"], ["Lyon", "Nice", "Lille"])
    assert counts == [("Nice", 2), ("Lyon", 1), ("Marseille", 1), ("Lille", 0)]
