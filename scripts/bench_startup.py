"""Start-up time, headless: launch to the first question painted, against a bare Textual app.

Each run is a fresh Python process, timed from just before it is spawned to
the moment its screen has been painted (the child reports the time after the
first refresh that shows the question, or the bare app's one label). Runs of
the two alternate; the medians and their ratio are printed.

Both start from compiled bytecode, as an installed quiz does (pip compiles at
install, as it did for Textual): the package is byte-compiled first, so that a
`PYTHONDONTWRITEBYTECODE` environment does not charge quiz, and quiz alone,
for recompiling every module at every launch.

    python scripts/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WAIT_AND_REPORT = """
import asyncio, sys, time

async def report_when_painted(pilot, ready):
    app = pilot.app
    while not ready(app):
        await asyncio.sleep(0.0005)
    painted = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: painted.set_result(time.time()))
    print(await painted, flush=True)
    app.exit()
"""

QUIZ = WAIT_AND_REPORT + """
# `quiz --data-dir DIR --profile bench play tour-en`, exactly as the command runs it, headless.
import textual.app

def first_question(app):
    screen = app.screen
    return type(screen).__name__ == "StudyScreen" and screen.session.current is not None and bool(screen.query("#slot > *"))

_run = textual.app.App.run
def run_headless(self, **kwargs):
    return _run(self, headless=True, size=(80, 24), auto_pilot=lambda pilot: report_when_painted(pilot, first_question))
textual.app.App.run = run_headless

from quiz.cli import main
main(["--data-dir", sys.argv[1], "--profile", "bench", "play", "tour-en"])
"""

BARE = WAIT_AND_REPORT + """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

def label_shown(app):
    return bool(app.screen.query(Label))

Bare().run(headless=True, size=(80, 24), auto_pilot=lambda pilot: report_when_painted(pilot, label_shown))
"""


def launch(code: str, *args: str) -> float:
    """Seconds from spawning the process to its first paint."""
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"launch failed:\n{result.stdout}\n{result.stderr}")
    return float(lines[-1]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    import quiz

    compileall.compile_dir(Path(quiz.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = str(Path(tmp) / "data")
        launch(QUIZ, data_dir)  # creates the progress file and warms the disk cache
        launch(BARE)
        quiz_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(launch(BARE))
            quiz_times.append(launch(QUIZ, data_dir))
    quiz_s, bare_s = statistics.median(quiz_times), statistics.median(bare_times)
    print(f"bare Textual app, launch to label painted:     {bare_s * 1000:7.1f} ms (median of {args.runs})")
    print(f"quiz play tour-en, launch to question painted: {quiz_s * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio: {quiz_s / bare_s:.2f}x (target <= 1.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
