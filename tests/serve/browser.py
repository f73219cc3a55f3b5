"""A real browser on the served app: Debian's Chromium driven by Playwright, the screen read back as text.

The app draws on a canvas, so the bytes the page receives are also kept and
replayed into a terminal emulator (`pyte`): what the pupil sees, as text.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyte
import pytest
from serve_helpers import until

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTEFACTS = Path(__file__).parent / "artefacts"
"""Screenshots of the key screens, kept after the run for a person to look at."""

RECORD = """
window.__quizIn = [];
window.__quizSize = null;
const Native = window.WebSocket;
class Recorded extends Native {
  constructor(url, protocols) {
    super(url, protocols);
    window.__quizSocket = this;

    this.addEventListener("message", (e) => {
      if (typeof e.data !== "string") window.__quizIn.push(Array.from(new Uint8Array(e.data)));
    });
  }
  send(data) {
    try { const m = JSON.parse(data); if (m[0] === "resize") window.__quizSize = m[1]; } catch (e) {}
    super.send(data);
  }
}
window.WebSocket = Recorded;
"""


def chromium_or_skip() -> None:
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    chromium_or_skip()
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield instance
        finally:
            instance.close()


class Tab:
    """One browser tab on the served app: keys, clicks, and the screen as text."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.seen = 0
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None

    def _size(self) -> tuple[int, int]:
        size = until(lambda: self.page.evaluate("window.__quizSize"), "the terminal's size")
        return int(size["width"]), int(size["height"])

    def text(self) -> str:
        """The screen as the pupil sees it now."""
        cols, rows = self._size()
        if self.screen is None:
            self.screen = pyte.Screen(cols, rows)
            self.stream = pyte.ByteStream(self.screen)
        elif (self.screen.columns, self.screen.lines) != (cols, rows):  # the page was fitted again: the app redraws
            self.screen.resize(rows, cols)
        chunks = self.page.evaluate("n => window.__quizIn.slice(n)", self.seen)
        self.seen += len(chunks)
        assert self.stream is not None
        for chunk in chunks:
            self.stream.feed(bytes(chunk))
        return "\n".join(self.screen.display)

    def wait_text(self, *texts: str, timeout: float = 60.0) -> str:
        """Wait until one of `texts` is on the screen; the screen then."""

        def shown() -> str | None:
            screen = self.text()
            return screen if any(t in screen for t in texts) else None

        try:
            return until(shown, f"{texts} on the screen", timeout)
        except AssertionError as error:
            self.shot("timed-out")
            raise AssertionError(f"{error}; the screen (also in timed-out.png):\n{self.text()}") from None

    def _focus(self) -> None:
        """Keys go to the terminal, as after a pupil clicks into the page."""
        self.page.focus(".xterm-helper-textarea")

    def press(self, *keys: str, pace_ms: int = 150) -> None:
        """Keys at a quick person's pace (a burst faster than the app settles is another test's matter)."""
        self._focus()
        for i, key in enumerate(keys):
            if i:
                self.page.wait_for_timeout(pace_ms)
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self._focus()
        self.page.keyboard.type(text, delay=20)

    def click_text(self, text: str) -> None:
        """Click with the mouse in the middle of `text` where it is on the screen.

        `text` must be on the screen once: a button's word is often in the line that explains the buttons too
        ("True or false? 1/t or 2/f"), and a click there answers nothing; name the button whole ("1 True").
        """
        lines = self.text().split("\n")
        places = [(r, c) for r, line in enumerate(lines) for c in range(len(line)) if line.startswith(text, c)]
        assert places, f"{text!r} is not on the screen:\n" + "\n".join(lines)
        if len(places) > 1:
            shown = "\n".join(lines[r] for r in sorted({r for r, _c in places}))
            raise AssertionError(f"{text!r} is on the screen more than once; which one to click?\n{shown}")
        [(row, col)] = places
        box = self.page.locator(".xterm-screen").bounding_box()
        assert self.screen is not None
        width, height = box["width"] / self.screen.columns, box["height"] / self.screen.lines
        x, y = box["x"] + (col + len(text) / 2) * width, box["y"] + (row + 0.5) * height
        self.page.mouse.move(x, y, steps=3)  # a hand moves to the text, then clicks
        self.page.mouse.click(x, y)

    def shot(self, name: str) -> Path:
        ARTEFACTS.mkdir(exist_ok=True)
        path = ARTEFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


def open_tab(context: object, url: str) -> Tab:
    page = context.new_page()
    page.add_init_script(RECORD)
    page.goto(url)
    return Tab(page)
