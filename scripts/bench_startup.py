"""Start-up time, headless: launch to the first question painted, against a bare Textual app.

Each run is a fresh Python process, timed from just before it is spawned to
the moment the frame that shows the question (or the bare app's one label) is
handed to the terminal driver: the child wraps Textual's `App._display` and
reads the characters of each frame, so what is measured is a frame that really
contains the text, in both apps alike. Runs of the two alternate; the medians
and their ratio are printed.

Both start from compiled bytecode, as an installed quiz does (pip compiles at
install, as it did for Textual): the package is byte-compiled first, so that a
`PYTHONDONTWRITEBYTECODE` environment does not charge quiz, and quiz alone,
for recompiling every module at every launch.

A deck read once is kept checked and compiled (see `quiz.deck.cache`), so the
runs measured start with the deck in that cache, as every launch but a deck's
first does; the first launch, with an empty cache, is measured and printed too.

    python scripts/bench_startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
# `quiz --data-dir DIR --profile bench play tour-en`, exactly as the command runs it, headless.
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
main(["--data-dir", sys.argv[1], "--profile", "bench", "play", "tour-en"])
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


def launch(code: str, *args: str, cache: str | None = None) -> float:
    """Seconds from spawning the process to its first paint; `cache` is the checked-deck cache folder to use."""
    env = dict(os.environ)
    if cache is not None:
        env["QUIZ_CACHE_DIR"] = cache
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, env=env)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"launch failed:\n{result.stdout}\n{result.stderr}")
    return float(lines[-1]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    import quiz

    compileall.compile_dir(Path(quiz.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, cache = str(Path(tmp) / "data"), str(Path(tmp) / "cache")
        launch(QUIZ, data_dir, cache=cache)  # creates the progress file, keeps the checked deck, warms the disk cache
        launch(BARE)
        quiz_times, bare_times, first_times = [], [], []
        for run in range(args.runs):
            bare_times.append(launch(BARE))
            quiz_times.append(launch(QUIZ, data_dir, cache=cache))
            first_times.append(launch(QUIZ, data_dir, cache=str(Path(tmp) / f"empty-{run}")))
    quiz_s, bare_s, first_s = (statistics.median(t) for t in (quiz_times, bare_times, first_times))
    print(f"bare Textual app, launch to label painted:     {bare_s * 1000:7.1f} ms (median of {args.runs})")
    print(f"quiz play tour-en, launch to question painted: {quiz_s * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio: {quiz_s / bare_s:.2f}x (target <= 1.30x)")
    print(
        f"the deck's first launch (nothing cached yet):  {first_s * 1000:7.1f} ms (median of {args.runs}), "
        f"ratio {first_s / bare_s:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
