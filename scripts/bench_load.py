"""Deck loading speed: load + validate against a bare C-loader `yaml.load` of the same file.

Generates a 10,000-card deck of mixed kinds, times both (best of several runs)
and prints the ratio (target: at most 2.0x). The loader pauses the garbage
collector while it builds a deck, so the ratio against a `yaml.load` with the
collector paused as well is printed too. Then checks that a 100,000-card
deck loads without error and prints its time.

Then, in fresh processes of `--python` (an interpreter with quiz installed,
run from outside the checkout): the memory a deck's validation takes, as the
peak resident memory of a process that loads the big deck less that of one that
only imports the loader and reads the file, per card (each started by a bare
interpreter, with the big deck written by a process of its own: a child's peak
counts from its parent's memory at the fork); and the CPU time of
`quiz validate` on the bundled tour deck against `python -c pass`, in paired
runs (median and spread of the per-pair ratios).

    python scripts/bench_load.py [--cards 10000] [--big 100000] [--runs 5] [--python PY] [--cpu-runs 21] [--only-validate-cpu]

`--only-validate-cpu` measures only the last (it needs no deck of its own).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import subprocess
import sys
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
    parser.add_argument("--python", default=sys.executable, help="interpreter with quiz installed, for the child processes")
    parser.add_argument("--cpu-runs", type=int, default=21, help="pairs of runs of quiz validate and python -c pass")
    parser.add_argument("--only-validate-cpu", action="store_true", help="only the CPU time of quiz validate against python -c pass")
    parser.add_argument("--write-big", metavar="PATH", help=argparse.SUPPRESS)  # the big deck's file, written alone
    args = parser.parse_args()
    if args.write_big:
        # The big deck is built in a process of its own: building it here would grow this process.
        Path(args.write_big).write_text(dump(make_deck(args.big)), encoding="utf-8")
        return
    if args.only_validate_cpu:
        validate_cpu(args.python, args.cpu_runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        big_path = Path(folder) / "big.yaml"
        subprocess.run([sys.executable, __file__, "--big", str(args.big), "--write-big", str(big_path)], check=True)
        validation_memory(args.python, big_path, args.big, Path(folder))
        validate_cpu(args.python, args.cpu_runs)
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

        start = time.perf_counter()
        big = load_deck(big_path)
        took = time.perf_counter() - start
        print(f"{args.big} cards, {big_path.stat().st_size / 1e6:.1f} MB: loaded {len(big.cards)} cards in {took:.2f} s")


LOAD = "import sys; from quiz.deck.loader import load_deck; deck = load_deck(sys.argv[1]); assert len(deck.cards) > 0"
READ = "import sys; from quiz.deck.loader import load_deck; text = open(sys.argv[1], encoding='utf-8').read()"


def child(python: str, args: list[str], cwd: Path) -> tuple[float, int]:
    """CPU seconds (user + system) and peak resident KiB of one child process, from the kernel (`wait4`).

    The peak counts from the parent's resident memory at the fork (the kernel carries it over):
    only a small parent's child gives its own peak (see `own_peak`).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.Popen([python, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{python} {' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


SPAWN = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command and prints its peak resident KiB: a bare interpreter as the parent, far smaller than the child."""


def own_peak(python: str, args: list[str], cwd: Path) -> int:
    """Peak resident KiB of `python *args` itself, started from a dedicated bare process rather than from this one."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-I", "-c", SPAWN, python, *args], capture_output=True, text=True, env=env, cwd=cwd)
    if done.returncode != 0:
        raise SystemExit(f"{python} {' '.join(args)} failed: {done.stderr}")
    return int(done.stdout.split()[-1])


def validation_memory(python: str, path: Path, cards: int, cwd: Path) -> None:
    loaded = statistics.median(own_peak(python, ["-c", LOAD, str(path)], cwd) for _ in range(3))
    read = statistics.median(own_peak(python, ["-c", READ, str(path)], cwd) for _ in range(3))
    size = path.stat().st_size
    grown = (loaded - read) * 1024
    print(f"{cards} cards, {size / 1e6:.1f} MB, validation memory: peak {loaded / 1024:.0f} MiB, {read / 1024:.0f} MiB with the text read only: "
          f"{grown / cards / 1024:.2f} KiB per card, {grown / size:.1f}x the file (target <= 2 KiB per card)")  # fmt: skip


def validate_cpu(python: str, runs: int) -> None:
    import quiz

    tour = Path(quiz.__file__).parent.parent / "decks" / "tour.en.yaml"
    with tempfile.TemporaryDirectory() as cwd:
        ratios, ours, bare = [], [], []
        for run in range(runs):
            pair = [["-m", "quiz", "validate", str(tour)], ["-c", "pass"]]
            times = {}
            for args in pair if run % 2 == 0 else pair[::-1]:
                times[args[0]] = child(python, args, Path(cwd))[0]
            ours.append(times["-m"])
            bare.append(times["-c"])
            ratios.append(times["-m"] / times["-c"])
    q = statistics.quantiles(ratios, n=4)
    print(f"quiz validate tour.en.yaml: {statistics.median(ours) * 1000:.1f} ms CPU, python -c pass "
          f"{statistics.median(bare) * 1000:.1f} ms; per pair over {runs} pairs: median {statistics.median(ratios):.2f}x "
          f"(quartiles {q[0]:.2f}-{q[2]:.2f}, range {min(ratios):.2f}-{max(ratios):.2f}; target <= 4x)")  # fmt: skip


if __name__ == "__main__":
    main()
