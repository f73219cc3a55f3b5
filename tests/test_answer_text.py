"""How answers read on screen: units after numbers, true/false as on the buttons."""

from __future__ import annotations

from quiz.deck.model import Number, NumberRange, TrueFalse
from quiz.engine.answers import answer_text, response_text


def test_a_measure_unit_follows_the_number() -> None:
    age = Number(id="age", question="How old?", answer=65, tolerance=1, unit="years")
    assert answer_text(age) == "65 (± 1) years"
    assert answer_text(Number(id="d", question="How far?", answer=3.5, unit="km")) == "3.5 km"


def test_a_calendar_year_is_not_followed_by_the_word_year() -> None:
    assert answer_text(Number(id="y", question="Since which year?", answer=2022, unit="year")) == "2022"
    span = Number(id="s", question="Which years?", range=NumberRange(min=2000, max=2015), unit="Jahr")
    assert answer_text(span) == "2000–2015"


def test_true_and_false_read_as_on_the_buttons() -> None:
    card = TrueFalse(id="t", statement="The sky is green.", answer=False)
    assert (answer_text(card), response_text(card, True)) == ("False", "True")
    assert answer_text(card, language="de") == "Falsch"
