"""Keys in a burst in the browser: a cloze's gaps typed and Entered without a pause, and Enter right after the last pick.

Each burst is sent at once, faster than the app settles between its keys: as key presses
with no wait between them, and as one message of terminal input (a paste without
bracketed paste, or keys a slow connection delivered together). The store must record
the answer typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Chromium, Tab, browser_context, open_tab
from serve_helpers import Served, served, until

from quiz.store import Store

pytestmark = pytest.mark.timeout(600)

DECK = """\
deck:
  id: bursts
  title: Bursts
cards:
  - id: years
    kind: cloze
    text: Petro was mayor of Bogotá from {{2012}} to {{2015}}.
  - id: career
    kind: order
    question: Put these stages in order, earliest first.
    items: [Guerrilla fighter, Senator, Mayor of Bogotá, President]
  - id: roles
    kind: match
    question: Match each person to their role.
    pairs:
      Gustavo Petro: President of Colombia
      Marco Rubio: US Secretary of State
      Daniel Noboa: President of Ecuador
"""
ORDER = ["Guerrilla fighter", "Senator", "Mayor of Bogotá", "President"]
ROLES = ["President of Colombia", "US Secretary of State", "President of Ecuador"]
VERDICTS = ("✓ Right", "✗ Wrong", "✗ Partly right")
TERMINAL_INPUT = {"Enter": "\r"}


PUPILS = {"key presses": "Ana", "one message": "Bea"}
"""Each way of sending a burst is a pupil of its own on the one server."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`quiz serve` with the deck, started once for this module's tests."""
    folder = tmp_path_factory.mktemp("bursts")
    deck = folder / "bursts.yaml"
    deck.write_text(DECK, encoding="utf-8")
    with served(folder / "data", "--deck", str(deck), "--lang", "en") as running:
        yield running


def _given(data_dir: Path, pupil: str) -> dict[str, str]:
    """Card id -> the answer recorded for it, for `pupil`."""
    if not (data_dir / "progress.sqlite3").exists():
        return {}
    with Store.open(data_dir) as store:
        rows = store.query(
            "SELECT card_key, given FROM answers JOIN profiles p ON p.id = profile_id WHERE p.name = ? ORDER BY time_us",
            (pupil,),
        )
        return {key.split(":")[-1]: given for key, given in rows}


def _number_of(screen: str, text: str) -> str:
    found = re.search(r"(\d)\W{0,6}" + re.escape(text), screen)
    assert found, f"{text!r} not among the options:\n{screen}"
    return found.group(1)


def _burst(tab: Tab, how: str, *keys: str) -> None:
    """`keys` at once: a text typed and a key named (`Enter`) pressed with no wait, or all in one message of input."""
    tab.page.focus(".xterm-helper-textarea")
    if how == "one message":
        data = "".join(TERMINAL_INPUT.get(key, key) for key in keys)
        tab.page.evaluate("data => window.__quizSocket.send(JSON.stringify(['stdin', data]))", data)
        return
    for key in keys:
        if key in TERMINAL_INPUT:
            tab.page.keyboard.press(key)
        else:
            tab.page.keyboard.type(key)


def _answer(tab: Tab, how: str, screen: str) -> tuple[str, str]:
    """Answer the card shown in one burst; its id and the answer the store should record."""
    if "Fill in the gaps" in screen:
        _burst(tab, how, "2012", "Enter", "2015", "Enter")  # Enter goes to the second gap, then answers
        return "years", "Petro was mayor of Bogotá from 2012 to 2015."
    if "Put these stages" in screen:
        screen = tab.wait_text(ORDER[-1])  # the options are painted a frame after the question
        _burst(tab, how, *(_number_of(screen, item) for item in ORDER), "Enter")  # Enter right after the last pick
        return "career", " → ".join(ORDER)
    if "Match each person" in screen:
        screen = tab.wait_text("President of Ecuador")
        shown = sorted(ROLES, key=lambda role: _number_of(screen, role))  # picking 1, 2, 3 gives these in turn
        _burst(tab, how, "1", "2", "3", "Enter")
        return "roles", "; ".join(f"{left} → {right}" for left, right in zip(("Gustavo Petro", "Marco Rubio", "Daniel Noboa"), shown, strict=True))
    raise AssertionError(f"a screen this test does not know:\n{screen}")


@pytest.mark.parametrize("how", ["key presses", "one message"])
def test_bursts_of_keys_in_the_browser_record_what_was_typed(how: str, server: Served, chromium: Chromium) -> None:
    pupil, data = PUPILS[how], server.data_dir
    with browser_context(chromium, 1100, 700) as context:
        tab = open_tab(context, server.url)
        tab.wait_text("Who is learning?")
        tab.type_name(pupil)
        for _ in range(3):
            screen = tab.wait_text("Fill in the gaps", "Put these stages", "Match each person")
            card, typed = _answer(tab, how, screen)
            after = tab.wait_text(*VERDICTS)
            given = until(lambda c=card: _given(data, pupil).get(c), f"the answer to {card} stored", timeout=30)
            assert given == typed, after
            tab.press("Enter")
            tab.wait_gone(*VERDICTS)  # the next card
        assert set(_given(data, pupil)) == {"years", "career", "roles"}
