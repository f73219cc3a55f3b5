import datetime as dt

from quiz.deck.model import DEFAULT_SETTINGS, Cloze, Deck, Settings, TypedAnswer


def test_cloze_gaps_and_prompt() -> None:
    card = Cloze(id="c", text="Plan Colombia ran from {{2000}} to {{2015|2015.}}.")
    assert card.gaps == (("2000",), ("2015", "2015."))
    assert card.prompt == "Plan Colombia ran from _____ to _____."
    assert card.segments() == ["Plan Colombia ran from ", 0, " to ", 1, "."]


def test_settings_inherit_card_over_deck_over_defaults() -> None:
    card = TypedAnswer(id="a", question="q", answer="a", settings=Settings(matching="exact"))
    deck = Deck(id="d", title="t", cards=(card,), settings=Settings(new_per_day=50, matching="strict"))
    eff = deck.settings_for(card)
    assert eff.matching == "exact"
    assert eff.new_per_day == 50
    assert eff.retention == DEFAULT_SETTINGS.retention
    assert eff.learning_steps == (dt.timedelta(minutes=1), dt.timedelta(minutes=10))


def test_line_is_not_part_of_equality() -> None:
    assert TypedAnswer(id="a", question="q", answer="a", line=3) == TypedAnswer(id="a", question="q", answer="a", line=9)
