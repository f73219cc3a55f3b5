import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.model import (
    Choice,
    Cloze,
    Deck,
    Flashcard,
    Match,
    Multi,
    Number,
    NumberRange,
    Option,
    Order,
    Settings,
    TrueFalse,
    TypedAnswer,
)
from quiz.engine.presentation import Presented, present

CHOICE = Choice(
    id="dealer-whom",
    question="Whom did Donald Trump call a drug dealer?",
    answer="Gustavo Petro",
    distractors=(Option("Nicolás Maduro"), Option("Daniel Noboa"), Option("Iván Cepeda")),
)
MULTI = Multi(id="m", question="Who is Colombian?", answers=("Gustavo Petro", "Iván Cepeda"),
              distractors=(Option("Donald Trump"), Option("Marco Rubio")))
ORDER = Order(id="o", question="Put in order", items=("M-19", "mayor of Bogotá", "president", "visa revoked", "visit"))
MATCH = Match(id="x", question="Who is from where?", pairs=(("Petro", "Colombia"), ("Trump", "USA"), ("Maduro", "Venezuela")))
FLASH = Flashcard(id="f", front="capital of Colombia", back="Bogotá", reverse=True)
RANGE = Number(id="n", question="When did Plan Colombia run?", range=NumberRange(2000, 2015))
CLOZE = Cloze(id="z", text="Petro was mayor of {{Bogotá|Bogota}} from {{2012}} to 2015.")
TF = TrueFalse(id="t", statement="Petro may run again.", answer=False)
TYPED = TypedAnswer(id="a", question="Capital of Colombia?", answer="Bogotá")
DECK = Deck(id="petro", title="Petro in Washington", cards=(CHOICE, MULTI, ORDER, MATCH, FLASH, RANGE, CLOZE, TF, TYPED),
            language="en")


def test_choice_options_are_shuffled_with_the_rng() -> None:
    seen = {present(DECK, CHOICE, random.Random(seed)).options for seed in range(50)}
    assert len(seen) > 5
    for options in seen:
        assert Counter(options) == Counter(o.text for o in CHOICE.options)


def test_no_shuffle_lists_options_in_a_neutral_order_not_answer_first() -> None:
    deck = Deck(id="d", title="t", cards=(CHOICE, MULTI), settings=Settings(shuffle=False))
    for seed in range(10):
        assert present(deck, CHOICE, random.Random(seed)).options == (
            "Daniel Noboa", "Gustavo Petro", "Iván Cepeda", "Nicolás Maduro")
        assert present(deck, MULTI, random.Random(seed)).options == (
            "Donald Trump", "Gustavo Petro", "Iván Cepeda", "Marco Rubio")


def test_no_shuffle_sorts_numbers_by_value() -> None:
    card = Choice(id="y", question="Since when?", answer="2022", distractors=(Option("1999"), Option("2012"), Option("980")),
                  settings=Settings(shuffle=False))
    deck = Deck(id="d", title="t", cards=(card,))
    assert present(deck, card, random.Random(1)).options == ("980", "1999", "2012", "2022")


def test_card_setting_overrides_deck_shuffle() -> None:
    card = Choice(id="c", question="?", answer="a", distractors=(Option("b"), Option("c"), Option("d")),
                  settings=Settings(shuffle=False))
    deck = Deck(id="d", title="t", cards=(card,), settings=Settings(shuffle=True))
    assert all(present(deck, card, random.Random(s)).options == ("a", "b", "c", "d") for s in range(10))
    flipped = Choice(id="c", question="?", answer="d", distractors=(Option("c"), Option("b"), Option("a")),
                     settings=Settings(shuffle=False))
    assert present(Deck(id="d", title="t", cards=(flipped,)), flipped, random.Random(0)).options == ("a", "b", "c", "d")


def test_order_items_never_shown_in_the_right_order() -> None:
    two = Order(id="o2", question="?", items=("first", "second"))
    deck = Deck(id="d", title="t", cards=(ORDER, two), settings=Settings(shuffle=False))
    for seed in range(200):
        assert present(deck, two, random.Random(seed)).options == ("second", "first")
        shown = present(deck, ORDER, random.Random(seed)).options
        assert shown != ORDER.items and sorted(shown) == sorted(ORDER.items)


def test_order_of_identical_items_cannot_be_scrambled() -> None:
    same = Order(id="o", question="?", items=("x", "x"))
    assert present(Deck(id="d", title="t", cards=(same,)), same, random.Random(1)).options == ("x", "x")


def test_match_right_hand_side_is_shuffled() -> None:
    for seed in range(100):
        p = present(DECK, MATCH, random.Random(seed))
        assert p.left == ("Petro", "Trump", "Maduro")
        assert p.options != ("Colombia", "USA", "Venezuela")
        assert sorted(p.options) == sorted(["Colombia", "USA", "Venezuela"])


def test_flashcard_sides() -> None:
    front = present(DECK, FLASH, random.Random(0))
    assert (front.prompt, front.front, front.back, front.answer_text, front.key) == (
        "capital of Colombia", "capital of Colombia", "Bogotá", "Bogotá", "f")
    back = present(DECK, FLASH, random.Random(0), reverse=True)
    assert (back.prompt, back.front, back.back, back.answer_text, back.key) == (
        "Bogotá", "Bogotá", "capital of Colombia", "capital of Colombia", "f::reverse")
    assert front.options == back.options == ()


def test_only_flashcards_reverse() -> None:
    with pytest.raises(ValueError, match="only flashcards"):
        present(DECK, CHOICE, random.Random(0), reverse=True)


@pytest.mark.parametrize(
    ("card", "answer"),
    [
        (CHOICE, "Gustavo Petro"),
        (MULTI, "Gustavo Petro; Iván Cepeda"),
        (ORDER, "M-19 → mayor of Bogotá → president → visa revoked → visit"),
        (MATCH, "Petro → Colombia; Trump → USA; Maduro → Venezuela"),
        (RANGE, "2000–2015"),
        (CLOZE, "Petro was mayor of Bogotá from 2012 to 2015."),
        (TF, "False"),
        (TYPED, "Bogotá"),
    ],
)
def test_answer_text_of_every_kind(card, answer: str) -> None:
    p = present(DECK, card, random.Random(0))
    assert p.answer_text == answer == p.back
    assert p.prompt == card.prompt == p.front
    assert p.key == card.id


def test_truth_words_follow_the_deck_language() -> None:
    deck = Deck(id="d", title="t", cards=(TF,), language="de")
    assert present(deck, TF, random.Random(0)).answer_text == "Falsch"
    assert present(Deck(id="d", title="t", cards=(TF,), language="es"), TF, random.Random(0)).answer_text == "Falso"


def test_presented_grades_with_effective_settings() -> None:
    deck = Deck(id="d", title="t", cards=(TYPED,), settings=Settings(matching="exact"))
    p = present(deck, TYPED, random.Random(0))
    assert p.settings.matching == "exact"
    assert not p.grade("Bogota").correct
    assert present(DECK, TYPED, random.Random(0)).grade("Bogota").correct


def test_options_come_back_as_a_correct_response() -> None:
    p = present(DECK, CHOICE, random.Random(3))
    assert p.grade("Gustavo Petro").correct
    o = present(DECK, ORDER, random.Random(3))
    assert not o.grade(o.options).correct and o.grade(list(ORDER.items)).correct


def test_multi_parts_follow_the_options_as_shown() -> None:
    for seed in range(10):
        p = present(DECK, MULTI, random.Random(seed))
        g = p.grade(["Gustavo Petro", "Donald Trump"])
        assert g.parts == tuple(text != "Donald Trump" and text != "Iván Cepeda" for text in p.options)


def test_only_text_in_a_number_box_is_unreadable() -> None:
    p = present(DECK, RANGE, random.Random(0))
    assert p.unreadable("Bogotá") == "That is not a number or a range; type e.g. 1990-1995."
    assert p.unreadable("2000") is None and p.unreadable("") is None
    assert present(DECK, TYPED, random.Random(0)).unreadable("2000") is None


def test_unshuffled_options_with_odd_digits_sort_as_text() -> None:
    card = Choice(id="c", question="?", answer="0", distractors=(Option("¹"), Option("٣")))
    deck = Deck(id="d", title="t", cards=(card,), settings=Settings(shuffle=False))
    assert present(deck, card, random.Random(0)).options == ("0", "٣", "¹")


def test_repr_leaves_out_the_deck() -> None:
    assert "Petro in Washington" not in repr(present(DECK, CHOICE, random.Random(0)))


texts = st.text(min_size=1, max_size=10)


@st.composite
def decks_and_cards(draw: st.DrawFn) -> tuple[Deck, Choice | Multi | Order | Match]:
    kind = draw(st.sampled_from(["choice", "multi", "order", "match"]))
    items = draw(st.lists(texts, min_size=2, max_size=8, unique=True))
    if kind == "choice":
        card = Choice(id="c", question="?", answer=items[0], distractors=tuple(Option(t) for t in items[1:]))
    elif kind == "multi":
        k = draw(st.integers(1, len(items) - 1))
        card = Multi(id="c", question="?", answers=tuple(items[:k]), distractors=tuple(Option(t) for t in items[k:]))
    elif kind == "order":
        card = Order(id="c", question="?", items=tuple(items))
    else:
        card = Match(id="c", question="?", pairs=tuple((f"left {i}", t) for i, t in enumerate(items)))
    shuffle = draw(st.sampled_from([None, True, False]))
    return Deck(id="d", title="t", cards=(card,), settings=Settings(shuffle=shuffle)), card


def _expected_items(card) -> list[str]:
    if isinstance(card, (Choice, Multi)):
        return [o.text for o in card.options]
    if isinstance(card, Order):
        return list(card.items)
    return [right for _, right in card.pairs]


@given(decks_and_cards(), st.integers())
def test_same_seed_same_presentation(deck_card: tuple, seed: int) -> None:
    deck, card = deck_card
    first = present(deck, card, random.Random(seed))
    assert first == present(deck, card, random.Random(seed))
    assert first.options == present(deck, card, random.Random(seed)).options


@given(decks_and_cards(), st.integers())
def test_every_option_appears_exactly_once(deck_card: tuple, seed: int) -> None:
    deck, card = deck_card
    p = present(deck, card, random.Random(seed))
    assert Counter(p.options) == Counter(_expected_items(card))
    if isinstance(card, (Order, Match)):
        assert list(p.options) != _expected_items(card)


def test_presented_is_a_value() -> None:
    p = present(DECK, CHOICE, random.Random(0))
    assert isinstance(p, Presented)
    with pytest.raises(AttributeError):
        p.options = ()  # type: ignore[misc]
