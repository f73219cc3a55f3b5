"""A real browser on the served app: Debian's Chromium driven by Playwright, the screen read back as text.

The app draws on a canvas, so the bytes the page receives are also kept and
replayed into a terminal emulator (`pyte`): what the pupil sees, as text.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
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
window.__quizWake = null;
const Native = window.WebSocket;
class Recorded extends Native {
  constructor(url, protocols) {
    super(url, protocols);
    window.__quizSocket = this;

    this.addEventListener("message", (e) => {
      if (typeof e.data === "string") return;
      // kept as a string of one character per byte: handed to the test many times faster than an array of numbers
      const bytes = new Uint8Array(e.data);
      let chunk = "";
      for (let i = 0; i < bytes.length; i += 8192) {
        chunk += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
      }
      window.__quizIn.push(chunk);
      if (window.__quizWake) window.__quizWake();
    });
  }
  send(data) {
    try { const m = JSON.parse(data); if (m[0] === "resize") window.__quizSize = m[1]; } catch (e) {}
    super.send(data);
  }
}
window.WebSocket = Recorded;
"""
RECEIVED = """([seen, waitMs]) => new Promise((resolve) => {
  const now = () => resolve([window.__quizSize, window.__quizIn.slice(seen)]);
  if (window.__quizIn.length > seen || waitMs <= 0) return now();
  const timer = setTimeout(() => { window.__quizWake = null; now(); }, waitMs);
  window.__quizWake = () => { clearTimeout(timer); window.__quizWake = null; now(); };
})"""
"""The terminal's size and the bytes received after the first `seen` messages; with `waitMs`, first waits up to
that long for a message not seen yet (the page wakes the wait as one arrives)."""
SGR = re.compile(rb"\x1b\[[0-9;:]*m")
"""Colours and styles: nothing of the screen's text, and a third of the bytes."""
NAME_PLACEHOLDER = "new learner's name, then Enter"
"""What the profile screen's name box shows while it is empty."""
WAKE_MS = 250
"""The longest a wait for the screen sleeps without looking again (the size can change without a message)."""


def chromium_or_skip() -> None:
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")


class Chromium:
    """Debian's Chromium driven by Playwright, started when the first browser context is asked for.

    Starting it takes a second or two: a test that starts its server first has the server starting meanwhile.
    """

    def __init__(self) -> None:
        self._playwright: object | None = None
        self._browser: object | None = None

    def new_context(self, **options: object) -> object:
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        return self._browser.new_context(**options)

    def close(self) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            if self._playwright is not None:
                self._playwright.stop()
            self._browser = self._playwright = None


@contextmanager
def browser() -> Iterator[Chromium]:
    chromium_or_skip()
    instance = Chromium()
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

    def _read(self, wait_ms: int = 0) -> str | None:
        """The screen as the pupil sees it, once the bytes received so far (or within `wait_ms`) are drawn.

        None while the page has no terminal yet.
        """
        size, chunks = self.page.evaluate(RECEIVED, [self.seen, wait_ms])
        if size is None:
            return None
        cols, rows = int(size["width"]), int(size["height"])
        if self.screen is None:
            self.screen = pyte.Screen(cols, rows)
            self.stream = pyte.ByteStream(self.screen)
        elif (self.screen.columns, self.screen.lines) != (cols, rows):  # the page was fitted again: the app redraws
            self.screen.resize(rows, cols)
        self.seen += len(chunks)
        assert self.stream is not None
        if chunks:  # one character per byte (see RECORD); the text only
            self.stream.feed(SGR.sub(b"", "".join(chunks).encode("latin-1")))
        return "\n".join(self.screen.display)

    def text(self) -> str:
        """The screen as the pupil sees it now."""
        return until(self._read, "the terminal on the page")

    def wait_for(self, shown: Callable[[str], bool], what: str, timeout: float = 60.0) -> str:
        """Wait until `shown(screen)`, looking again as soon as the page receives something; the screen then."""
        deadline = time.monotonic() + timeout
        screen = self._read()
        while screen is None or not shown(screen):
            left = deadline - time.monotonic()
            if left <= 0:
                self.shot("timed-out")
                shown_then = screen or ""
                raise AssertionError(
                    f"timed out after {timeout:g} s waiting for {what}; the screen (also in timed-out.png):\n{shown_then}"
                )
            if screen is None:  # no terminal yet: what arrives is drawn once it has its size
                time.sleep(0.05)
            screen = self._read(min(WAKE_MS, max(1, int(left * 1000))))
        return screen

    def wait_text(self, *texts: str, timeout: float = 60.0) -> str:
        """Wait until one of `texts` is on the screen; the screen then."""
        return self.wait_for(lambda screen: any(t in screen for t in texts), f"{texts} on the screen", timeout)

    def wait_gone(self, *texts: str, timeout: float = 60.0) -> str:
        """Wait until none of `texts` is on the screen any more; the screen then."""
        return self.wait_for(lambda screen: not any(t in screen for t in texts), f"{texts} gone", timeout)

    def _focus(self) -> None:
        """Keys go to the terminal, as after a pupil clicks into the page."""
        self.page.focus(".xterm-helper-textarea")

    def press(self, *keys: str) -> None:
        """Keys one after another, as fast as the page takes them.

        Screens that ask questions apply keys in the order they came, each once the one before is dealt with
        (quiz/tui/keyorder.py): a pupil's quick keys need no pause there.
        """
        self._focus()
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self._focus()
        self.page.keyboard.type(text)

    def type_name(self, name: str) -> None:
        """A new pupil's name typed on the profile screen, then Enter.

        That screen does not queue keys (see quiz/tui/screens/profile.py). When it lists names, the first letter
        moves the keyboard from the list to the name box; the rest is typed once the box shows that letter, as a
        person sees it there before going on.
        """
        self.wait_text(NAME_PLACEHOLDER)
        self.type(name[0])
        self.wait_gone(NAME_PLACEHOLDER)
        self.type(name[1:])
        self.press("Enter")

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


@contextmanager
def browser_context(chromium: Chromium, width: int, height: int) -> Iterator[object]:
    """A browser context of its own (cookies, tabs) in a shared browser; closed at the end, which ends its sessions."""
    opened = chromium.new_context(viewport={"width": width, "height": height})
    try:
        yield opened
    finally:
        opened.close()


def open_tab(context: object, url: str) -> Tab:
    page = context.new_page()
    page.add_init_script(RECORD)
    page.goto(url)
    return Tab(page)
