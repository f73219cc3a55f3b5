"""Properties of the loader over generated decks and arbitrary input.

- a valid deck written back and read again is the same deck, and the schema accepts it;
- arbitrary text, arbitrary YAML data and damaged decks give a Deck or a DeckError, nothing else.
"""

from __future__ import annotations

import datetime as dt
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


def common(card_id: str) -> dict[str, Any]:
    return {
        "id": st.just(card_id),
        "tags": texts,
        "hint": st.none() | text,
        "explain": st.none() | text,
        "quote": st.none() | text,
        "fact": st.none() | text,
        "settings": card_settings,
    }


def options(texts_: tuple[str, ...]) -> st.SearchStrategy[tuple[Option, ...]]:
    return st.tuples(*(st.builds(Option, st.just(t), st.none() | text) for t in texts_))


@st.composite
def choice(draw: st.DrawFn, card_id: str) -> Choice:
    answer, *wrong = draw(unique_texts(2, 5))
    return draw(
        st.builds(
            Choice,
            **common(card_id),
            question=text,
            answer=st.just(answer),
            distractors=options(tuple(wrong)),
            answer_feedback=st.none() | text,
        )
    )


@st.composite
def multi(draw: st.DrawFn, card_id: str) -> Multi:
    all_ = draw(unique_texts(2, 6))
    split = draw(st.integers(1, len(all_)))
    return draw(
        st.builds(Multi, **common(card_id), question=text, answers=st.just(all_[:split]), distractors=options(all_[split:]))
    )


@st.composite
def number_card(draw: st.DrawFn, card_id: str) -> Number:
    if draw(st.booleans()):
        low, high = sorted((draw(numbers), draw(numbers)))
        return draw(
            st.builds(
                Number,
                **common(card_id),
                question=text,
                range=st.just(NumberRange(low, high)),
                tolerance=st.integers(0, 5),
                unit=st.none() | text,
            )
        )
    return draw(
        st.builds(
            Number,
            **common(card_id),
            question=text,
            answer=numbers,
            tolerance=st.integers(0, 100) | st.floats(0, 100),
            unit=st.none() | text,
        )
    )


gap_text = st.text(_chars.filter(lambda c: c not in "{}|\n"), min_size=1, max_size=10).map(str.strip).filter(bool)
literal = st.text(_chars.filter(lambda c: c not in "{}"), max_size=15)


@st.composite
def cloze(draw: st.DrawFn, card_id: str) -> Cloze:
    parts = [draw(literal)]
    for _ in range(draw(st.integers(1, 3))):
        gap = "|".join(draw(st.lists(gap_text, min_size=1, max_size=3)))
        parts += ["{{" + gap + "}}", draw(literal)]
    return draw(st.builds(Cloze, **common(card_id), text=st.just("".join(parts).strip())))


@st.composite
def match(draw: st.DrawFn, card_id: str) -> Match:
    lefts = draw(unique_texts(2, 4))
    rights = draw(unique_texts(len(lefts), len(lefts)))
    return draw(st.builds(Match, **common(card_id), question=text, pairs=st.just(tuple(zip(lefts, rights, strict=False)))))


CARDS_BY_KIND = {
    "flashcard": lambda i: st.builds(Flashcard, **common(i), front=text, back=text, reverse=st.booleans()),
    "choice": choice,
    "multi": multi,
    "truefalse": lambda i: st.builds(TrueFalse, **common(i), statement=text, answer=st.booleans()),
    "answer": lambda i: st.builds(
        TypedAnswer, **common(i), question=text, answer=text, alternatives=texts, surname=st.booleans()
    ),
    "number": number_card,
    "cloze": cloze,
    "order": lambda i: st.builds(Order, **common(i), question=text, items=unique_texts(2, 5)),
    "match": match,
}


def card(card_id: str) -> st.SearchStrategy[Any]:
    return st.one_of(*(make(card_id) for make in CARDS_BY_KIND.values()))


def test_every_kind_is_generated() -> None:
    assert tuple(CARDS_BY_KIND) == KINDS


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    ids = draw(st.lists(ident, min_size=1, max_size=4, unique=True))
    cards = tuple(draw(card(i)) for i in ids)
    return draw(
        st.builds(
            Deck,
            id=ident,
            title=text,
            cards=st.just(cards),
            version=text,
            language=st.none() | st.from_regex(LANGUAGE_RE, fullmatch=True).filter(lambda code: len(code) <= 35),
            description=st.none() | text,
            author=st.none() | text,
            source=st.none()
            | st.builds(Source, title=st.none() | text, date=st.none() | st.dates(), file=st.none() | text, url=st.none() | text),
            tags=texts,
            settings=deck_settings,
        )
    )


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
