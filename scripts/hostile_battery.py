"""Every hostile file through the commands a teacher runs: counts of files tried, tracebacks and hangs.

    python scripts/hostile_battery.py [--fuzz N] [--deck-mb MB]

- each broken deck (`tests/broken_decks/`) through `quiz validate` and `quiz play`,
  each results file of the corpus (`tests/broken_results/`, plus a pipe, /dev/zero and
  a 17 MB file) through `quiz report`, every one in its own process with a time limit;
- N fuzzed decks (bundled decks with bytes flipped, cut, or hostile YAML spliced in)
  through the loader in this process: anything but a deck or a DeckError is a traceback;
- peak memory (max RSS) of `quiz validate` on a generated deck of about MB megabytes,
  against a process that only starts Python and imports the loader (the baseline).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIMEOUT_S = 30
SPLICES = [
    b"!!int", b"!!bool maybe", b"!!timestamp x", b"9" * 4301, b"1" + b"0" * 400, b"[9999999999d]", b"<<: [*a, 3]",
    b"&a", b"*a", b"\x1b]0;x\x07", b"\xe2\x80\xae", b"[" * 500, b"{" * 500, b"\t", b"'", b'"', b": ", b"\n- ", b"\x00",
]


def run(command: list[str]) -> tuple[str, float]:
    """'ok', 'traceback' or 'hang', and the seconds it took."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_CACHE_DIR": tempfile.mkdtemp(prefix="q-cache-")}
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, env=env, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return "hang", time.perf_counter() - start
    took = time.perf_counter() - start
    text = done.stdout + done.stderr
    if b"Traceback" in text or done.returncode not in (0, 1):
        return "traceback", took
    if any(ch in text for ch in (b"\x1b", b"\x07", b"\x9b", "\u202e".encode())):
        return "raw control", took
    return "ok", took


def files_through_commands(scratch: Path) -> dict[str, int]:
    counts = {"ok": 0, "traceback": 0, "hang": 0, "raw control": 0}
    quiz = [sys.executable, "-m", "quiz", "--data-dir", str(scratch / "data")]
    decks = sorted((ROOT / "tests" / "broken_decks").glob("*.yaml"))
    fifo = scratch / "pipe.yaml"
    os.mkfifo(fifo)
    for deck in [*decks, fifo, Path("/dev/zero")]:
        for command in (["validate", str(deck)], ["play", str(deck)]):
            outcome, _ = run([*quiz, *command])
            counts[outcome] += 1
            if outcome != "ok":
                print(f"  {outcome}: quiz {command[0]} {deck.name}")
    stick = scratch / "stick"
    stick.mkdir()
    for path in (ROOT / "tests" / "broken_results").glob("*.quiz-results.jsonl"):
        (stick / path.name).write_bytes(path.read_bytes())
    os.mkfifo(stick / "pipe.quiz-results.jsonl")
    with (stick / "huge.quiz-results.jsonl").open("wb") as file:
        file.truncate(17 * 1024 * 1024)
    (stick / "x_\x1b]0;PWNED\x07.quiz-results.jsonl").write_text("[" * 1000, encoding="utf-8")
    for path in sorted(stick.iterdir()):
        outcome, _ = run([*quiz, "report", str(path)])
        counts[outcome] += 1
        if outcome != "ok":
            print(f"  {outcome}: quiz report {path.name!r}")
    outcome, took = run([*quiz, "report", str(stick), "--csv", str(scratch / "class.csv")])
    counts[outcome] += 1
    print(f"  quiz report on the whole folder: {outcome} in {took:.1f} s")
    return counts


def fuzz(n: int, seed: int) -> tuple[int, int]:
    """(inputs tried, tracebacks) over mutated bundled decks."""
    from quiz.deck.errors import DeckError
    from quiz.deck.loader import load_deck

    rng = random.Random(seed)
    sources = [p.read_bytes() for p in sorted((ROOT / "decks").glob("*.yaml"))]
    tracebacks = 0
    for i in range(n):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            move = rng.randrange(3)
            if move == 0:
                data[at] = rng.randrange(256)
            elif move == 1:
                data[at:at] = rng.choice(SPLICES)
            else:
                del data[at : at + rng.randint(1, 200)]
        try:
            load_deck(Path(f"fuzz-{i}.yaml"), bytes(data))
        except DeckError:
            pass
        except Exception as exc:  # noqa: BLE001 - counting them is the point
            tracebacks += 1
            print(f"  traceback on fuzz input {i}: {type(exc).__name__}: {str(exc)[:100]}")
    return n, tracebacks


def big_deck(path: Path, megabytes: float) -> int:
    """A deck of long cards of every limit the loader allows; its card count."""
    question = "How far is it? " * 600  # 9,000 characters: under the 10,000 limit
    card = "  - {{id: c{i}, kind: number, question: \"{q}\", answer: 1.0e+99, tolerance: 5}}\n"
    head = "deck:\n  id: big\n  title: Big\n  settings: {learning_steps: [365d], new_per_day: 1000000}\ncards:\n"
    count = max(1, int(megabytes * 1024 * 1024 / (len(question) + 80)))
    with path.open("w", encoding="utf-8") as file:
        file.write(head)
        for i in range(count):
            file.write(card.format(i=i, q=question))
    return count


MEASURED = """
import resource, sys
try:
    if sys.argv[1:]:
        from quiz.cli import main
        main(sys.argv[1:])
    else:
        import quiz.deck.loader
finally:
    print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def peak_rss_mb(arguments: list[str]) -> float:
    """Max RSS of `quiz ARGUMENTS` in a process of its own (no arguments: only the loader imported); Linux reports KiB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_CACHE_DIR": tempfile.mkdtemp(prefix="q-cache-")}
    done = subprocess.run([sys.executable, "-c", MEASURED, *arguments], capture_output=True, env=env, check=False)
    line = [raw for raw in done.stderr.decode().splitlines() if raw.startswith("maxrss ")][-1]
    return int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--deck-mb", type=float, default=8.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="q-hostile-") as folder:
        scratch = Path(folder)
        counts = files_through_commands(scratch)
        tried, fuzz_tracebacks = fuzz(args.fuzz, args.seed)
        deck = scratch / "big.yaml"
        cards = big_deck(deck, args.deck_mb)
        size = deck.stat().st_size / (1024 * 1024)
        baseline = peak_rss_mb([])
        peak = peak_rss_mb(["validate", str(deck)])
    runs = sum(counts.values())
    print(f"command runs on hostile files: {runs} (ok {counts['ok']}, tracebacks {counts['traceback']}, "
          f"hangs {counts['hang']}, raw control characters {counts['raw control']})")
    print(f"fuzzed decks through the loader: {tried}, tracebacks {fuzz_tracebacks}")
    print(f"largest deck checked: {size:.1f} MB, {cards} cards; peak memory {peak:.0f} MB "
          f"(baseline {baseline:.0f} MB, ratio {peak / baseline:.1f}x; {(peak - baseline) / size:.0f} MB per MB of deck)")


if __name__ == "__main__":
    main()
