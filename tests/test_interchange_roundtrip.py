"""Round trips over generated decks: deck -> GIFT, CSV or .apkg -> deck keeps every card the format can hold."""

from __future__ import annotations

import functools
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from quiz.deck.model import (
    GAP_RE,
    Card,
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
from quiz.interchange import anki_package, apkg_write, gift, gift_write, spreadsheet
from quiz.interchange.build import make_deck

ROUND = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ident = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)


def words(alphabet: str) -> st.SearchStrategy[str]:
    """Single-spaced text: what every format keeps as it is."""
    word = st.text(st.sampled_from(alphabet), min_size=1, max_size=6)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


LETTERS = "abcXYZäéß019"
GIFT_TEXT = words(LETTERS + "~=#{}:\\,.?!'\"")  # every GIFT special character, escaped on the way out
CSV_TEXT = words(LETTERS + ',;"|\\\'.:')
APKG_TEXT = words(LETTERS + "<>&\"'.,?!")
integers = st.integers(-(10**6), 10**6)
decimals = st.floats(-1e6, 1e6, allow_nan=False).filter(lambda f: not f.is_integer())


def unique(text: st.SearchStrategy[str], low: int, high: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(text, min_size=low, max_size=high, unique_by=str.casefold).map(tuple)


@functools.cache
def cards(text: st.SearchStrategy[str], kinds: tuple[str, ...]) -> st.SearchStrategy[Card]:
    """A card of one of `kinds`, its id left for the deck to give (built once for each text and kinds)."""
    card_id = ""
    common: dict[str, Any] = {
        "id": st.just(card_id),
        "tags": st.lists(words(LETTERS), max_size=2, unique=True).map(tuple),
        "explain": st.none() | text,
    }
    gap = st.lists(words(LETTERS), min_size=1, max_size=2, unique_by=str.casefold).map(lambda alts: "{{" + "|".join(alts) + "}}")
    made = {
        "flashcard": st.builds(Flashcard, **common, front=text, back=text, reverse=st.booleans()),
        "choice": unique(text, 2, 4).flatmap(
            lambda opts: st.builds(
                Choice, **common, question=text, answer=st.just(opts[0]),
                distractors=st.tuples(*(st.builds(Option, st.just(o), st.none() | text) for o in opts[1:])),
                answer_feedback=st.none() | text,
            )
        ),
        "multi": unique(text, 2, 5).flatmap(
            lambda opts: st.integers(1, len(opts)).flatmap(
                lambda k: st.builds(
                    Multi, **common, question=text, answers=st.just(opts[:k]), distractors=st.just(tuple(Option(o) for o in opts[k:]))
                )
            )
        ),
        "truefalse": st.builds(TrueFalse, **common, statement=text, answer=st.booleans()),
        "answer": st.builds(TypedAnswer, **common, question=text, answer=text, alternatives=unique(text, 0, 2)),
        "number": st.one_of(
            st.builds(Number, **common, question=text, answer=integers | decimals, tolerance=st.integers(0, 9) | st.just(0.5)),
            st.tuples(integers, integers).flatmap(
                lambda ends: st.builds(Number, **common, question=text, range=st.just(NumberRange(min(ends), max(ends))))
            ),
        ),
        "cloze": st.builds(
            lambda before, g, after: Cloze(id=card_id, text=f"{before} {g} {after}".strip()),
            st.just("") | words(LETTERS + ",.?"), gap, st.just("") | words(LETTERS + ",.?"),
        ),
        "order": st.builds(Order, **common, question=text, items=unique(text, 2, 4)),
        "match": unique(text, 2, 3).flatmap(
            lambda lefts: unique(text, len(lefts), len(lefts)).map(lambda rights: tuple(zip(lefts, rights, strict=True)))
        ).flatmap(lambda pairs: st.builds(Match, **common, question=text, pairs=st.just(pairs))),
    }
    return st.one_of(*(made[kind] for kind in kinds))


def decks(text: st.SearchStrategy[str], kinds: tuple[str, ...]) -> st.SearchStrategy[Deck]:
    return st.lists(ident, min_size=1, max_size=5, unique=True).flatmap(
        lambda ids: st.tuples(*(cards(text, kinds) for _ in ids)).map(
            lambda cs: Deck(id="d", title="D", cards=tuple(replace(c, id=i) for c, i in zip(cs, ids, strict=True)))
        )
    )


ALL = ("flashcard", "choice", "multi", "truefalse", "answer", "number", "cloze", "order", "match")


def back(cards_: tuple[Card, ...], text: str, name: str, read: Any) -> tuple[Card, ...]:
    return make_deck([read(text, name)]).deck.cards


def _gift_holds(card: Card) -> Card | None:
    """The card as GIFT keeps it (None: GIFT cannot hold it)."""
    if isinstance(card, Order) or (isinstance(card, Cloze) and len(card.gaps) != 1):
        return None
    if isinstance(card, Flashcard):
        return replace(card, reverse=False, explain=None)
    return card


@ROUND
@given(decks(GIFT_TEXT, ALL))
def test_gift_round_trip(deck: Deck) -> None:
    result = gift_write.write(deck)
    kept = tuple(c for c in map(_gift_holds, deck.cards) if c is not None)
    assert len(result.left_out) == len(deck.cards) - len(kept)
    if not kept:
        return
    assert make_deck([gift.read(result.data.decode(), "deck.gift")]).deck.cards == kept


def _csv_holds(card: Card) -> Card:
    if isinstance(card, Choice):
        return replace(card, answer_feedback=None, distractors=tuple(Option(d.text) for d in card.distractors))
    return card


@ROUND
@given(decks(CSV_TEXT, ALL))
def test_csv_round_trip(deck: Deck) -> None:
    text = spreadsheet.write_csv(deck)
    assert make_deck([spreadsheet.read_text(text, "deck.csv")]).deck.cards == tuple(map(_csv_holds, deck.cards))


def _first_answers(card: Card) -> Card:
    """A cloze as Anki holds it: one answer per gap."""
    if not isinstance(card, Cloze):
        return card
    return replace(card, text=GAP_RE.sub(lambda m: "{{" + m.group(1).split("|")[0].strip() + "}}", card.text))


# Writing a package takes a while: no shrinking, so that a failure is reported in seconds, not minutes.
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.generate])
@given(decks(APKG_TEXT, ("flashcard", "cloze", "answer")))
def test_apkg_round_trip(deck: Deck) -> None:
    deck = replace(deck, cards=tuple(replace(c, alternatives=()) if isinstance(c, TypedAnswer) else c for c in deck.cards))
    expected = tuple(
        replace(_first_answers(c), tags=tuple(t.replace(" ", "_") for t in c.tags))
        for c in deck.cards
    )  # Anki's tags hold no spaces
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        path.write_bytes(apkg_write.write(deck).data)
        cards_back = make_deck([anki_package.read(path, "deck.apkg")]).deck.cards
    assert cards_back == expected


def test_settings_are_what_csv_reports_as_lost() -> None:
    card = TypedAnswer(id="a", question="Q", answer="A", settings=Settings(matching="exact"), surname=True, fact="f")
    assert spreadsheet.lost(card) == ["fact", "settings", "surname"]
