"""Hostile deck files: whatever the bytes, loading gives a deck or a DeckError; whatever loads, plays.

- bytes and YAML-shaped text built from the tokens that once gave tracebacks (tags,
  4301-digit numbers, durations past year 9999, merges of lists, anchors) only ever
  give a deck or a DeckError;
- a pipe, a device or a folder named as a deck is refused at once, never read;
- any deck the loader accepts, at the limits it allows, can be played to the end with
  every card answered wrong and then right, without an exception.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_deck_properties import decks, loads_or_deck_error

from quiz.deck.errors import DeckError
from quiz.deck.format import MAX_NUMBER, MAX_STEP, MAX_TEXT_CHARS
from quiz.deck.loader import load_deck, load_text
from quiz.deck.model import (
    Card,
    Choice,
    Cloze,
    Deck,
    Flashcard,
    Match,
    Multi,
    Number,
    NumberRange,
    Order,
    Settings,
    TrueFalse,
    TypedAnswer,
)
from quiz.deck.writer import dump
from quiz.engine.rating import Rating
from quiz.engine.session import StudySession
from quiz.store import Store

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------ fuzzing

SCALARS = [
    "!!int", "!!float", "!!bool", "!!timestamp", "!!str", "!!null", "!!binary x", "!!python/object:os.system x",
    "!!bool maybe", "!!int x", "!!float x", "!!timestamp x", "!!timestamp 2026-02-30", "!!int 0x", "!!float .nan",
    "9" * 4301, "1" + "0" * 400, "1.0e+308", "-1.0e+308", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1_000", "0b101",
    "3000000d", "9999999999d", "0s", "1m", "365d", "366d", "2026-02-03", "2026-02-30", "9999-12-31T23:59:59Z",
    "yes", "no", "~", "''", '""', "'\\x1b]0;x\\x07'", '"\\e]52;c;eA==\\a"', '"\\u202ex\\u202c"', '"a\\u200bb"',
    "x", "Petro", "{{gap}}", "{{a|b}}", "{{", "}}", "&a x", "*a", "*b", "[]", "{}", "[*a, 3]", "[1m, 10m]", "|",
    ">", "- x", "\t", "%", "@x", "`x`", "!", "!!", "!<tag:yaml.org,2002:int> 1", "!local x",
]
KEYS = [
    "deck", "cards", "id", "title", "kind", "question", "answer", "answers", "distractors", "options", "front", "back",
    "reverse", "statement", "tolerance", "range", "min", "max", "unit", "text", "items", "pairs", "settings",
    "learning_steps", "relearning_steps", "new_per_day", "reviews_per_day", "retention", "matching", "shuffle",
    "version", "source", "date", "tags", "hint", "<<", "x-a", "? x", "&a x-b",
]
KINDS_ = ["flashcard", "choice", "multi", "truefalse", "answer", "number", "cloze", "order", "match"]


@st.composite
def yaml_shaped(draw: st.DrawFn) -> str:
    """Lines of `indent key: value` and `indent- value`, with flow collections now and then."""
    lines = []
    for _ in range(draw(st.integers(1, 25))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6]))
        value = draw(st.sampled_from(SCALARS + KINDS_) | st.text(max_size=6))
        if draw(st.integers(0, 4)) == 0:
            value = "[" + ", ".join(draw(st.lists(st.sampled_from(SCALARS), max_size=4))) + "]"
        shape = draw(st.integers(0, 3))
        if shape == 0:
            lines.append(f"{indent}- {value}")
        elif shape == 1:
            lines.append(f"{indent}- {draw(st.sampled_from(KEYS))}: {value}")
        else:
            lines.append(f"{indent}{draw(st.sampled_from(KEYS))}: {value}")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def deck_or_deck_error(path: Path, data: bytes) -> None:
    try:
        deck = load_deck(path, data)
    except DeckError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
    else:
        assert isinstance(deck, Deck)


@FUZZ
@given(yaml_shaped())
def test_yaml_shaped_text_gives_a_deck_or_a_deck_error(text: str) -> None:
    loads_or_deck_error(text)


@FUZZ
@given(st.binary(max_size=300) | yaml_shaped().map(lambda t: t.encode()) | st.sampled_from(SCALARS).map(str.encode))
def test_bytes_give_a_deck_or_a_deck_error(data: bytes) -> None:
    deck_or_deck_error(Path("fuzzed.yaml"), data)


@FUZZ
@given(st.sampled_from(KINDS_), st.dictionaries(st.sampled_from(KEYS[4:]), st.sampled_from(SCALARS), max_size=6))
def test_every_hostile_value_in_a_card_gives_a_deck_or_a_deck_error(kind: str, fields: dict[str, str]) -> None:
    body = "".join(f"    {key}: {value}\n" for key, value in fields.items())
    loads_or_deck_error(f"deck:\n  id: d\n  title: T\ncards:\n  - id: c\n    kind: {kind}\n{body}")


# ------------------------------------------------------------------ files that are not files


def refused(path: Path, message: str) -> None:
    """`load_deck` refuses the path quickly (a thread so that a hang fails the test instead of stalling it)."""
    outcome: list[BaseException | object] = []

    def load() -> None:
        try:
            outcome.append(load_deck(path))
        except BaseException as exc:  # noqa: BLE001 - the outcome is what is being tested
            outcome.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome, f"loading {path} did not return within 10 s"
    error = outcome[0]
    assert isinstance(error, DeckError), error
    assert [p.message for p in error.problems] == [message]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_named_as_a_deck_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)
    refused(fifo, "is a pipe (FIFO), not a file that can be read")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_not_read() -> None:
    refused(Path("/dev/zero"), "is a device, not a file that can be read")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    refused(tmp_path, "is a folder, not a deck file")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.deck import loader

    monkeypatch.setattr(loader, "MAX_BYTES", 1024 * 1024)
    big = tmp_path / "big.yaml"
    with big.open("wb") as file:
        file.truncate(1024 * 1024 + 1)  # sparse: its size is what counts
    refused(big, "the file is too large (1 MB; at most 1 MB)")


def test_a_text_at_the_length_limit_is_accepted_and_one_past_it_is_refused() -> None:
    def deck(question: str) -> str:
        return f"deck: {{id: d, title: T}}\ncards:\n  - {{id: c, kind: answer, question: {question}, answer: a}}\n"

    assert load_text(deck("q" * MAX_TEXT_CHARS)).cards[0].prompt == "q" * MAX_TEXT_CHARS
    with pytest.raises(DeckError, match=r"'question' is too long \(10,001 characters; at most 10,000\)"):
        load_text(deck("q" * (MAX_TEXT_CHARS + 1)))


# ------------------------------------------------------------------ whatever loads, plays


def right(card: Card) -> object:
    match card:
        case Choice() | TypedAnswer() | TrueFalse():
            return card.answer
        case Multi():
            return list(card.answers)
        case Number():
            return str(card.answer) if card.range is None else f"{card.range.min} - {card.range.max}"
        case Cloze():
            return [gap[0] for gap in card.gaps]
        case Order():
            return list(card.items)
        case Match():
            return dict(card.pairs)
    raise AssertionError(card)


def wrong(card: Card) -> object:
    match card:
        case Choice():
            return card.distractors[0].text
        case Multi():
            return []
        case TrueFalse():
            return not card.answer
        case TypedAnswer():
            return ""
        case Number():
            return "-1e300"
        case Cloze():
            return ["" for _ in card.gaps]
        case Order():
            return list(reversed(card.items))
        case Match():
            lefts, rights = zip(*card.pairs, strict=True)
            return dict(zip(lefts, rights[1:] + rights[:1], strict=True))
    raise AssertionError(card)


def play_to_the_end(deck: Deck, folder: Path) -> set[tuple[str, bool]]:
    """Study day after day, answering every card wrong, then right, and jumping the clock past each
    wait; the cards (id, reversed) answered both ways."""
    now = [dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)]
    missed: set[tuple[str, bool]] = set()
    both: set[tuple[str, bool]] = set()
    with Store.open(folder) as store:
        for _ in range(12):  # sessions, a year and a day apart
            session = StudySession(store, "Ana", [deck], clock=lambda: now[0], seed=1)
            answers = 0
            while session.current is not None and answers < 100:
                presented = session.current
                key = (presented.card.id, presented.reverse)
                fail = key not in missed
                missed.add(key)
                if not fail:
                    both.add(key)
                if isinstance(presented.card, Flashcard):
                    session.rate(Rating.AGAIN if fail else Rating.GOOD, duration=3)
                else:
                    session.submit(wrong(presented.card) if fail else right(presented.card), duration=5)
                answers += 1
                now[0] += dt.timedelta(minutes=10)
            session.summary()
            now[0] += MAX_STEP + dt.timedelta(days=1)
    return both


def at_the_limits(deck: Deck, extreme: st.DataObject) -> Deck:
    """The deck with the largest steps, counts and numbers the loader allows (and no card settings of its own,
    which could schedule a card past the years played)."""
    longest = (MAX_STEP, MAX_STEP)
    limits = Settings(learning_steps=longest, relearning_steps=longest, new_per_day=1_000_000, reviews_per_day=1_000_000)
    cards: list[Card] = []
    for card in deck.cards:
        if isinstance(card, Number) and extreme.draw(st.booleans()):
            big = extreme.draw(st.sampled_from([MAX_NUMBER, -MAX_NUMBER, 1e-300]))
            if card.range is None:
                card = Number(id=card.id, question=card.question, answer=big, tolerance=MAX_NUMBER)
            else:
                card = Number(id=card.id, question=card.question, range=NumberRange(-MAX_NUMBER, MAX_NUMBER))
        cards.append(replace(card, settings=Settings()))
    return Deck(id=deck.id, title=deck.title, cards=tuple(cards), settings=limits)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(decks(), st.booleans(), st.data())
def test_any_deck_the_loader_accepts_plays_to_the_end(
    tmp_path_factory: pytest.TempPathFactory, deck: Deck, extreme: bool, data: st.DataObject
) -> None:
    if extreme:
        deck = at_the_limits(deck, data)
    loaded = load_text(dump(deck))  # exactly what `quiz validate` would say "all good" to
    both = play_to_the_end(loaded, tmp_path_factory.mktemp("progress"))
    if extreme:  # no daily limits in the way: every card was answered wrong and then right
        assert {card_id for card_id, _ in both} == {card.id for card in loaded.cards}


def test_the_longest_learning_step_is_scheduled_not_an_overflow(tmp_path: Path) -> None:
    deck = load_text(
        "deck:\n  id: d\n  title: T\n  settings: {learning_steps: [365d], relearning_steps: [365d]}\n"
        "cards:\n  - {id: c, kind: answer, question: Q?, answer: a}\n"
    )
    assert play_to_the_end(deck, tmp_path) == {("c", False)}
