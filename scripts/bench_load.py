"""Deck loading speed: load + validate against a bare C-loader `yaml.load` of the same file.

Generates a 10,000-card deck of mixed kinds, times both (best of several runs)
and prints the ratio (target: at most 2.0x). The loader pauses the garbage
collector while it builds a deck, so the ratio against a `yaml.load` with the
collector paused as well is printed too. Then checks that a 100,000-card
deck loads without error and prints its time.

    python scripts/bench_load.py [--cards 10000] [--big 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from quiz.deck.loader import load_deck
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
    Option,
    Order,
    Settings,
    Source,
    TrueFalse,
    TypedAnswer,
)
from quiz.deck.writer import dump


def make_card(i: int) -> Card:
    """Card number i; the kind cycles so every kind is equally common."""
    common = {"id": f"card-{i}", "tags": ("bench", f"group-{i % 10}"), "explain": f"Explanation of fact {i}."}
    kind = i % 9
    if kind == 0:
        return Flashcard(**common, front=f"Front {i}", back=f"Back {i}", reverse=i % 2 == 0)
    if kind == 1:
        return Choice(
            **common,
            question=f"Which is answer {i}?",
            answer=f"Answer {i}",
            distractors=(Option(f"Wrong {i}a", "Not this one."), Option(f"Wrong {i}b"), Option(f"Wrong {i}c")),
            quote=f"Quote number {i} from the source.",
        )
    if kind == 2:
        return Multi(**common, question=f"Which are right ({i})?", answers=(f"Yes {i}", f"Also {i}"), distractors=(Option(f"No {i}"),))
    if kind == 3:
        return TrueFalse(**common, statement=f"Statement {i} is true.", answer=i % 2 == 0)
    if kind == 4:
        return TypedAnswer(**common, question=f"Who is person {i}?", answer=f"Person {i}", alternatives=(f"P. {i}",), surname=True)
    if kind == 5:
        if i % 2:
            return Number(**common, question=f"How many {i}?", answer=i, tolerance=1, unit="items")
        return Number(**common, question=f"Which year {i}?", range=NumberRange(2000, 2015))
    if kind == 6:
        return Cloze(**common, text=f"Gap {{{{one {i}}}}} and gap {{{{two {i}|2nd {i}}}}}.", settings=Settings(matching="strict"))
    if kind == 7:
        return Order(**common, question=f"Order {i}", items=(f"First {i}", f"Second {i}", f"Third {i}", f"Fourth {i}"))
    return Match(**common, question=f"Match {i}", pairs=((f"Left {i}a", f"Right {i}a"), (f"Left {i}b", f"Right {i}b"), (f"Left {i}c", f"Right {i}c")))


def make_deck(cards: int) -> Deck:
    return Deck(
        id=f"bench-{cards}",
        title=f"Benchmark deck of {cards} cards",
        cards=tuple(make_card(i) for i in range(cards)),
        language="en",
        source=Source(title="Generated", date=dt.date(2026, 2, 3)),
        settings=Settings(new_per_day=20, learning_steps=(dt.timedelta(minutes=1), dt.timedelta(minutes=10))),
    )


def best_of(runs: int, job: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(dump(make_deck(args.cards)), encoding="utf-8")
        size = path.stat().st_size
        deck = load_deck(path)
        assert len(deck.cards) == args.cards and deck == make_deck(args.cards)

        def bare() -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def bare_paused() -> object:
            gc.disable()
            try:
                return bare()
            finally:
                gc.enable()

        base = best_of(args.runs, bare)
        base_paused = best_of(args.runs, bare_paused)
        ours = best_of(args.runs, lambda: load_deck(path))
        print(f"{args.cards} cards, {size / 1e6:.1f} MB, best of {args.runs} runs")
        print(f"  yaml.load (CSafeLoader):                 {base * 1000:8.1f} ms")
        print(f"  yaml.load (CSafeLoader), gc paused:      {base_paused * 1000:8.1f} ms")
        print(f"  load_deck (+ validate; pauses gc too):   {ours * 1000:8.1f} ms")
        print(f"  ratio: {ours / base:.2f}x (target <= 2.0x); against the gc-paused yaml.load: {ours / base_paused:.2f}x")

        path.write_text(dump(make_deck(args.big)), encoding="utf-8")
        start = time.perf_counter()
        big = load_deck(path)
        took = time.perf_counter() - start
        print(f"{args.big} cards, {path.stat().st_size / 1e6:.1f} MB: loaded {len(big.cards)} cards in {took:.2f} s")


if __name__ == "__main__":
    main()
