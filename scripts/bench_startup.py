"""Start-up time and memory, headless: launch to the first question painted, against a bare Textual app.

Each run is a fresh Python process, timed from just before it is spawned to
the moment the frame that shows the question (or the bare app's one label) is
handed to the terminal driver: the child wraps Textual's `App._display` and
reads the characters of each frame, so what is measured is a frame that really
contains the text, in both apps alike. The peak resident memory of every child
is read from the kernel when it ends (`wait4`).

Runs are paired, bare app and quiz one after the other (which goes first
alternates), and what is printed is the median of the per-pair ratios with
their spread: a slow patch of the machine slows both halves of a pair, so it
moves a pair's ratio far less than it moves a median of either alone.

The children run from a folder outside the checkout with the installed package
(`--python`, default this interpreter, must import `quiz` from outside this
checkout, as a learner's `pip install .` does), so what is measured is what is
shipped, compiled at install.

Cases:
- `small`: `quiz play tour-en`, the bundled tour deck;
- `100k`: a deck of 100,000 cards with 1,000,000 answers stored for it;
- `1m`: a deck of 1,000,000 cards with 1,000,000 answers stored.
Every case but the deck's first launch starts with the deck checked before (in
quiz's deck cache), as every launch but a deck's first does; the big decks are
put there by the installed quiz itself (reading 1,000,000 cards of YAML is not
what a launch does). The deck's first launch, with an empty cache, is measured
for the small deck.

    python scripts/bench_startup.py --python /path/to/venv/bin/python [--runs 21] [--cases small,100k,1m]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent

WAIT_AND_REPORT = """
import sys, time
import textual.app

def frame_text(update):
    \"\"\"The characters a compositor update writes: a whole layout, or changed fragments of lines.\"\"\"
    lines = getattr(update, "strips", None)
    if lines is not None:
        return "".join(segment.text for line in lines for strip in line for segment in strip)
    return "".join(segment.text for line in update.chops for strip in line.values() if strip for segment in strip)

def report_first_frame_where(shown):
    \"\"\"Print the time of the first frame written with `shown(app, text)` true, then quit.\"\"\"
    display = textual.app.App._display
    def timed_display(app, screen, update):
        painted = time.time()
        display(app, screen, update)
        if update is not None and not getattr(app, "_reported", False) and shown(app, frame_text(update)):
            app._reported = True
            print(painted, flush=True)
            app.exit()
    textual.app.App._display = timed_display
"""

QUIZ = WAIT_AND_REPORT + """
# `quiz --data-dir DIR --profile bench play DECK`, exactly as the command runs it, headless.
def first_question(app, text):
    screen = app.screen
    if type(screen).__name__ != "StudyScreen" or screen.session.current is None:
        return False
    answer = screen.query("#slot > *")
    return bool(answer) and answer.first().region.height > 0 and screen.session.current.prompt in text

report_first_frame_where(first_question)
_run = textual.app.App.run
textual.app.App.run = lambda self, **kwargs: _run(self, headless=True, size=(80, 24))

from quiz.cli import main
main(["--data-dir", sys.argv[1], "--profile", "bench", "play", sys.argv[2]])
"""

BARE = WAIT_AND_REPORT + """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

report_first_frame_where(lambda app, text: "Hello" in text)
Bare().run(headless=True, size=(80, 24))
"""

WHERE = "import quiz, sys; print(quiz.__file__); print(sys.version)"

PREPARE = """
# Writes a big deck file and puts the deck in the deck cache, through the installed quiz.
# Short lines: 1,000,000 cards fit the 64 MB a deck file may have.
import sys
from pathlib import Path
from quiz.deck import cache
from quiz.deck.model import Deck, Settings, TypedAnswer

path, cards = Path(sys.argv[1]), int(sys.argv[2])
with open(path, "w", encoding="utf-8") as out:
    out.write("deck:\\n  id: bench\\n  title: Benchmark\\n  settings:\\n    new_per_day: 20\\n    reviews_per_day: 200\\n")
    out.write("cards:\\n")
    for i in range(cards):
        out.write(f"- {{id: c{i:06d}, kind: answer, question: Q{i}?, answer: a{i}}}\\n")
deck = Deck(
    id="bench",
    title="Benchmark",
    cards=tuple(TypedAnswer(id=f"c{i:06d}", question=f"Q{i}?", answer=f"a{i}") for i in range(cards)),
    settings=Settings(new_per_day=20, reviews_per_day=200),
)
if hasattr(cache, "keep"):
    cache.keep(path, deck)
else:  # a quiz whose cache keeps a pickle under the hash of the file's bytes
    folder = cache.cache_dir()
    cache._keep(folder, cache._entry(folder, path.read_bytes()), deck)
"""


@dataclass
class Run:
    seconds: float
    peak_kib: int


class Child:
    """How children are started: the interpreter, its environment and its working folder."""

    def __init__(self, python: str, folder: Path):
        self.python = python
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}

    def output(self, code: str, *args: str, cache: str | None = None, timeout: float = 1800) -> str:
        env = dict(self.env, **({"QUIZ_CACHE_DIR": cache} if cache else {}))
        result = subprocess.run(
            [self.python, "-c", code, *args], capture_output=True, text=True, env=env, cwd=self.folder, timeout=timeout
        )
        if result.returncode != 0:
            raise SystemExit(f"child failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def launch(self, code: str, *args: str, cache: str | None = None) -> Run:
        """Seconds from spawning the process to its first paint, and its peak resident memory."""
        env = dict(self.env, **({"QUIZ_CACHE_DIR": cache} if cache else {}))
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.time()
            proc = subprocess.Popen([self.python, "-c", code, *args], stdout=out, stderr=err, env=env, cwd=self.folder)
            killer = threading.Timer(120, proc.kill)
            killer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                killer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(), err.read().decode()
        lines = [line for line in stdout.splitlines() if line.strip()]
        if proc.returncode != 0 or not lines:
            raise SystemExit(f"launch failed:\n{stdout}\n{stderr}")
        return Run(float(lines[-1]) - start, usage.ru_maxrss)


def seed_progress(child: Child, data_dir: Path, cards: int, answers: int) -> None:
    """A progress file with `answers` answers over the deck (as `bench_engine.py` builds it), via the installed quiz."""
    code = (
        "import sys; from pathlib import Path; from quiz.store import Store\n"
        "with Store.open(Path(sys.argv[1])) as store: store.profile_id('bench')\n"
    )
    child.output(code, str(data_dir))
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_engine import seed

    seed(data_dir / "progress.sqlite3", cards, answers, key="c{:06d}")


def spread(values: Sequence[float]) -> str:
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return f"median {statistics.median(values):.2f}x (quartiles {q[0]:.2f}-{q[2]:.2f}, range {min(values):.2f}-{max(values):.2f})"


def paired(child: Child, runs: int, label: str, args: Sequence[str], cache: str | None, fresh_cache: bool = False) -> None:
    """Alternate bare and quiz launches; print medians, per-pair ratio spread and peak memory."""
    quiz_runs: list[Run] = []
    bare_runs: list[Run] = []
    for run in range(runs):
        where = f"{cache}-{run}" if fresh_cache else cache
        if run % 2:
            bare_runs.append(child.launch(BARE))
            quiz_runs.append(child.launch(QUIZ, *args, cache=where))
        else:
            quiz_runs.append(child.launch(QUIZ, *args, cache=where))
            bare_runs.append(child.launch(BARE))
    ratios = [q.seconds / b.seconds for q, b in zip(quiz_runs, bare_runs, strict=True)]
    quiz_ms = statistics.median(r.seconds for r in quiz_runs) * 1000
    bare_ms = statistics.median(r.seconds for r in bare_runs) * 1000
    quiz_mib = statistics.median(r.peak_kib for r in quiz_runs) / 1024
    bare_mib = statistics.median(r.peak_kib for r in bare_runs) / 1024
    print(f"{label}:")
    print(f"  quiz {quiz_ms:7.1f} ms, peak {quiz_mib:6.1f} MiB | bare app {bare_ms:7.1f} ms, peak {bare_mib:6.1f} MiB")
    print(f"  quiz / bare per pair over {runs} pairs: {spread(ratios)}; memory {quiz_mib / bare_mib:.2f}x", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter with quiz installed (not this checkout)")
    parser.add_argument("--runs", type=int, default=21, help="pairs of runs per case")
    parser.add_argument("--cases", default="small,100k,1m", help="comma-separated: small, 100k, 1m")
    parser.add_argument("--answers", type=int, default=1_000_000, help="stored answers in the big cases")
    args = parser.parse_args()
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    with tempfile.TemporaryDirectory(prefix="quiz-bench-startup-") as tmp:
        folder = Path(tmp)
        child = Child(args.python, folder)
        installed, version = child.output(WHERE).splitlines()[:2]
        if Path(installed).resolve().is_relative_to(CHECKOUT):
            raise SystemExit(f"{args.python} imports quiz from this checkout ({installed}); install it (pip install .)")
        print(f"quiz from {installed}\nPython {version}", flush=True)
        child.launch(BARE)  # warm the disk cache
        for case in cases:
            data_dir, cache = folder / f"data-{case}", str(folder / f"cache-{case}")
            if case == "small":
                child.launch(QUIZ, str(data_dir), "tour-en", cache=cache)  # creates the progress file, keeps the deck
                paired(child, args.runs, "tour-en (15 cards), deck checked before", [str(data_dir), "tour-en"], cache)
                paired(
                    child,
                    args.runs,
                    "tour-en, the deck's first launch (nothing cached yet)",
                    [str(data_dir), "tour-en"],
                    str(folder / "empty-cache"),
                    fresh_cache=True,
                )
                continue
            cards = {"100k": 100_000, "1m": 1_000_000}[case]
            deck = folder / f"bench-{case}.yaml"
            t0 = time.perf_counter()
            child.output(PREPARE, str(deck), str(cards), cache=cache)
            data_dir.mkdir()
            seed_progress(child, data_dir, cards, args.answers)
            print(f"({case}: deck and {args.answers:,} answers prepared in {time.perf_counter() - t0:.0f} s)", flush=True)
            child.launch(QUIZ, str(data_dir), str(deck), cache=cache)  # the new-card cursor is saved, as after any session
            label = f"{cards:,}-card deck with {args.answers:,} answers stored"
            paired(child, args.runs, label, [str(data_dir), str(deck)], cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
