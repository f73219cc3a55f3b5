import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.model import Choice, Cloze, Match, Option, Order, Settings, TrueFalse, TypedAnswer
from quiz.engine.grading import Grade, grade
from quiz.engine.pace import THINK_SECONDS, expected_seconds
from quiz.engine.rating import FALLBACK_SECONDS, FAST_RATIO, SLOW_RATIO, Rating, auto_rating

SETTINGS = Settings()
CARD = TypedAnswer(id="a", question="Wer ist Präsident Kolumbiens?", answer="Gustavo Petro", surname=True)


def rated(response: str, duration: float, hint_used: bool = False) -> Rating:
    return auto_rating(grade(CARD, response, SETTINGS), duration=duration, hint_used=hint_used)


def test_rating_values_are_fsrs_values() -> None:
    assert [int(r) for r in Rating] == [1, 2, 3, 4]
    assert Rating.HARD.label == "Hard"


def test_wrong_is_again_however_fast() -> None:
    assert rated("Trump", 0.5) == Rating.AGAIN
    assert rated("Trump", 500) == Rating.AGAIN
    assert rated("Trump", 1, hint_used=True) == Rating.AGAIN


def test_right_in_normal_time_is_good() -> None:
    pace = expected_seconds(CARD)
    assert rated("Gustavo Petro", pace) == Rating.GOOD


def test_fast_is_easy_and_slow_is_hard() -> None:
    pace = expected_seconds(CARD)
    assert rated("Gustavo Petro", FAST_RATIO * pace) == Rating.EASY
    assert rated("Gustavo Petro", FAST_RATIO * pace + 0.1) == Rating.GOOD
    assert rated("Gustavo Petro", SLOW_RATIO * pace) == Rating.GOOD
    assert rated("Gustavo Petro", SLOW_RATIO * pace + 0.1) == Rating.HARD


def test_hint_or_typo_is_hard_even_when_fast() -> None:
    assert rated("Gustavo Petro", 1, hint_used=True) == Rating.HARD
    assert rated("Pedro", 1) == Rating.HARD  # a typo, with the surname


def test_partial_credit_that_counts_as_right_is_hard() -> None:
    g = Grade(correct=True, score=0.8, expected="x", given="x", expected_seconds=10)
    assert auto_rating(g, duration=5, hint_used=False) == Rating.HARD


def test_grade_without_an_estimate_uses_the_fallback() -> None:
    g = Grade(correct=True, score=1.0, expected="x", given="x")
    assert auto_rating(g, duration=FALLBACK_SECONDS * FAST_RATIO, hint_used=False) == Rating.EASY
    assert auto_rating(g, duration=FALLBACK_SECONDS, hint_used=False) == Rating.GOOD
    assert auto_rating(g, duration=FALLBACK_SECONDS * SLOW_RATIO + 1, hint_used=False) == Rating.HARD


def test_longer_cards_allow_more_time() -> None:
    short = TrueFalse(id="t", statement="Petro ist 65.", answer=True)
    long = TrueFalse(id="t", statement="Petro " + "sagte sehr viel " * 20, answer=True)
    assert THINK_SECONDS < expected_seconds(short) < expected_seconds(long)
    typed_short = TypedAnswer(id="a", question="?", answer="USA")
    typed_long = TypedAnswer(id="a", question="?", answer="Abelardo de la Espriella")
    assert expected_seconds(typed_short) < expected_seconds(typed_long)
    duration = expected_seconds(short) * SLOW_RATIO + 1
    assert auto_rating(grade(short, True, SETTINGS), duration=duration, hint_used=False) == Rating.HARD
    assert auto_rating(grade(long, True, SETTINGS), duration=duration, hint_used=False) in (Rating.GOOD, Rating.EASY)


def test_each_kind_has_its_own_pace() -> None:
    choice = Choice(id="c", question="Wer?", answer="Petro", distractors=(Option("Maduro"), Option("Noboa")))
    order = Order(id="o", question="Wer?", items=("Petro", "Maduro", "Noboa"))
    match = Match(id="m", question="Wer?", pairs=(("Petro", "1"), ("Maduro", "2"), ("Noboa", "3")))
    cloze = Cloze(id="z", text="Wer? {{Petro}}")
    truefalse = TrueFalse(id="t", statement="Wer?", answer=True)
    assert expected_seconds(truefalse) < expected_seconds(choice) < expected_seconds(order) < expected_seconds(match)
    assert expected_seconds(truefalse) < expected_seconds(cloze)


@given(st.booleans(), st.floats(0, 1), st.booleans(), st.booleans(), st.floats(0, 1000), st.floats(0, 100))
def test_rating_rule(correct: bool, score: float, typo: bool, hint: bool, duration: float, pace: float) -> None:
    g = Grade(correct=correct, score=1.0 if correct and not typo else score, expected="x", given="y", typo=typo and correct,
              expected_seconds=pace)
    rating = auto_rating(g, duration=duration, hint_used=hint)
    if not correct:
        assert rating == Rating.AGAIN
    elif hint or g.typo or g.score < 1:
        assert rating == Rating.HARD
    else:
        assert rating != Rating.AGAIN
        # more time never gives a better rating
        assert auto_rating(g, duration=duration + 1, hint_used=hint) <= rating


@pytest.mark.parametrize("duration", [0.0, -1.0])
def test_instant_answers_are_easy(duration: float) -> None:
    assert rated("Gustavo Petro", duration) == Rating.EASY
