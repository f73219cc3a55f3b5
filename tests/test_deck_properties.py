"""Properties of the loader over generated decks and arbitrary input.

- a valid deck written back and read again is the same deck, and the schema accepts it;
- arbitrary text, arbitrary YAML data and damaged decks give a Deck or a DeckError, nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.deck.errors import DeckError
from quiz.deck.format import CARD_FIELD_NAMES, CONTROL_RE, ID_RE, INVISIBLE_RE, LANGUAGE_RE, MAX_NUMBER
from quiz.deck.loader import load_deck, load_text
from quiz.deck.model import (
    KINDS,
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
    Source,
    TrueFalse,
    TypedAnswer,
)
from quiz.deck.schema import build_schema, editor_view
from quiz.deck.writer import deck_data, dump

VALIDATOR = jsonschema.Draft202012Validator(build_schema())
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_chars = st.characters(blacklist_categories=("Cs",)).filter(lambda c: not CONTROL_RE.match(c) and not INVISIBLE_RE.match(c))
text = st.text(_chars, min_size=1, max_size=30).map(str.strip).filter(bool)
texts = st.lists(text, max_size=3).map(tuple)
ident = st.text("abcXYZ019-_.", min_size=1, max_size=12).filter(ID_RE.fullmatch)
numbers = st.one_of(st.integers(-(10**12), 10**12), st.floats(-MAX_NUMBER, MAX_NUMBER, width=64))


@functools.cache
def unique_texts(min_size: int, max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(text, min_size=min_size, max_size=max_size, unique_by=str.casefold).map(tuple)


steps = st.lists(st.integers(1, 10**6).map(lambda s: dt.timedelta(seconds=s)), max_size=3).map(tuple)
card_settings = st.builds(
    Settings,
    retention=st.none() | st.floats(0.01, 0.99),
    learning_steps=st.none() | steps,
    relearning_steps=st.none() | steps,
    matching=st.none() | st.sampled_from(["lenient", "strict", "exact"]),
    shuffle=st.none() | st.booleans(),
)
deck_settings = st.builds(
    lambda s, n, r: Settings(**{**s.__dict__, "new_per_day": n, "reviews_per_day": r}),
    card_settings,
    st.none() | st.integers(0, 1000),
    st.none() | st.integers(0, 10000),
)


maybe_text = st.none() | text
COMMON = st.fixed_dictionaries(
    {"tags": texts, "hint": maybe_text, "explain": maybe_text, "quote": maybe_text, "fact": maybe_text, "settings": card_settings}
)
"""The fields every card has, but its id (given by the deck); each strategy is built once, not per card drawn."""


def options(draw: st.DrawFn, texts_: tuple[str, ...]) -> tuple[Option, ...]:
    return tuple(Option(t, draw(maybe_text)) for t in texts_)


@st.composite
def choice(draw: st.DrawFn) -> Choice:
    answer, *wrong = draw(unique_texts(2, 5))
    return Choice(
        id="", **draw(COMMON), question=draw(text), answer=answer, distractors=options(draw, tuple(wrong)),
        answer_feedback=draw(maybe_text),
    )


@st.composite
def multi(draw: st.DrawFn) -> Multi:
    all_ = draw(unique_texts(2, 6))
    split = draw(st.integers(1, len(all_)))
    return Multi(id="", **draw(COMMON), question=draw(text), answers=all_[:split], distractors=options(draw, all_[split:]))


@st.composite
def number_card(draw: st.DrawFn) -> Number:
    if draw(st.booleans()):
        low, high = sorted((draw(numbers), draw(numbers)))
        return Number(
            id="", **draw(COMMON), question=draw(text), range=NumberRange(low, high), tolerance=draw(st.integers(0, 5)),
            unit=draw(maybe_text),
        )
    return Number(
        id="", **draw(COMMON), question=draw(text), answer=draw(numbers),
        tolerance=draw(st.integers(0, 100) | st.floats(0, 100)), unit=draw(maybe_text),
    )


gap_text = st.text(_chars.filter(lambda c: c not in "{}|\n"), min_size=1, max_size=10).map(str.strip).filter(bool)
gap_alternatives = st.lists(gap_text, min_size=1, max_size=3)
literal = st.text(_chars.filter(lambda c: c not in "{}"), max_size=15)


@st.composite
def cloze(draw: st.DrawFn) -> Cloze:
    parts = [draw(literal)]
    for _ in range(draw(st.integers(1, 3))):
        gap = "|".join(draw(gap_alternatives))
        parts += ["{{" + gap + "}}", draw(literal)]
    return Cloze(id="", **draw(COMMON), text="".join(parts).strip())


@st.composite
def match(draw: st.DrawFn) -> Match:
    lefts = draw(unique_texts(2, 4))
    rights = draw(unique_texts(len(lefts), len(lefts)))
    return Match(id="", **draw(COMMON), question=draw(text), pairs=tuple(zip(lefts, rights, strict=False)))


def _card(kind: type[Any], **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.builds(lambda common, **values: kind(id="", **common, **values), COMMON, **fields)


CARDS_BY_KIND: dict[str, st.SearchStrategy[Any]] = {
    "flashcard": _card(Flashcard, front=text, back=text, reverse=st.booleans()),
    "choice": choice(),
    "multi": multi(),
    "truefalse": _card(TrueFalse, statement=text, answer=st.booleans()),
    "answer": _card(TypedAnswer, question=text, answer=text, alternatives=texts, surname=st.booleans()),
    "number": number_card(),
    "cloze": cloze(),
    "order": _card(Order, question=text, items=unique_texts(2, 5)),
    "match": match(),
}
"""A card of each kind, its id left empty for the deck to give."""

ANY_CARD = st.one_of(*CARDS_BY_KIND.values())


def test_every_kind_is_generated() -> None:
    assert tuple(CARDS_BY_KIND) == KINDS


DECK_FIELDS = st.fixed_dictionaries(
    {
        "id": ident,
        "title": text,
        "version": text,
        "language": st.none() | st.from_regex(LANGUAGE_RE, fullmatch=True).filter(lambda code: len(code) <= 35),
        "description": maybe_text,
        "author": maybe_text,
        "source": st.none()
        | st.builds(Source, title=maybe_text, date=st.none() | st.dates(), file=maybe_text, url=maybe_text),
        "tags": texts,
        "settings": deck_settings,
    }
)
CARD_IDS = st.lists(ident, min_size=1, max_size=4, unique=True)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    cards = tuple(replace(draw(ANY_CARD), id=card_id) for card_id in draw(CARD_IDS))
    return Deck(cards=cards, **draw(DECK_FIELDS))


@SLOW
@given(decks())
def test_round_trip(deck: Deck) -> None:
    assert load_text(dump(deck)) == deck


@SLOW
@given(decks())
def test_schema_accepts_every_valid_deck(deck: Deck) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(editor_view(dump(deck)))]
    assert errors == []


def loads_or_deck_error(text_: str) -> None:
    try:
        deck = load_text(text_, "x.yaml")
    except DeckError as exc:
        assert exc.problems, "a DeckError without problems"
        lines = sum(text_.count(br) for br in ("\n", "\r", "\x85", "\u2028", "\u2029")) + 2
        assert all(p.path == "x.yaml" and 1 <= p.line <= lines and p.column >= 1 and p.message for p in exc.problems)
    else:
        assert isinstance(deck, Deck)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text_: str) -> None:
    loads_or_deck_error(text_)


yaml_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates()
yaml_keys = st.sampled_from(sorted(CARD_FIELD_NAMES | {"deck", "cards", "min", "max", "text", "feedback"})) | st.text(max_size=8)
yaml_data = st.recursive(
    yaml_scalars | st.sampled_from(KINDS),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(yaml_keys, inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["deck", "cards", "other"]), yaml_data, max_size=3))
def test_arbitrary_yaml_never_crashes(data: dict[str, Any]) -> None:
    loads_or_deck_error(yaml.safe_dump(data, allow_unicode=True))


@SLOW
@given(decks(), st.data())
def test_damaged_decks_never_crash(deck: Deck, data: st.DataObject) -> None:
    raw = deck_data(deck)
    target = data.draw(st.sampled_from([raw["deck"], *raw["cards"]]))
    key = data.draw(st.sampled_from(sorted(CARD_FIELD_NAMES | {"settings", "source", "title"})))
    target[key] = data.draw(yaml_data)
    loads_or_deck_error(yaml.safe_dump(raw, allow_unicode=True))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "deck.yaml"
    path.write_bytes(data)
    try:
        load_deck(path)
    except DeckError as exc:
        assert exc.problems and all(p.path == str(path) for p in exc.problems)
