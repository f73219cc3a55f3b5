"""True/false cards answered with the mouse in a real browser, one after another.

A click meant for "True" on the second true/false card of a session once
answered nothing, while a click on "False" on the first had worked. The screen
of a true/false card has the word twice: in the line that explains the keys
("True or false? 1/t or 2/f, ...") and on the button below it; a click aimed at
the first place the word is found on the screen lands on the explanation, which
is not a button. Clicks on the buttons themselves answer every card, the
second and the third alike, and a click is only ever aimed at text that is on
the screen once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import Chromium, browser_context, open_tab
from serve_helpers import served, until

from quiz.store import Store

pytestmark = pytest.mark.timeout(300)

VERDICTS = ("✓ Right", "✗ Wrong")
CARDS = (
    ("tf-first", "The first statement here is false.", "2 False"),
    ("tf-second", "The second statement here is true.", "1 True"),
    ("tf-third", "The third statement here is true.", "1 True"),
)
DECK = """\
deck:
  id: statements
  title: Three statements
  language: en
  settings:
    new_per_day: 20
    shuffle: false
cards:
  - id: tf-first
    kind: truefalse
    statement: The first statement here is false.
    answer: false
    explain: It says so itself.
  - id: tf-second
    kind: truefalse
    statement: The second statement here is true.
    answer: true
  - id: tf-third
    kind: truefalse
    statement: The third statement here is true.
    answer: true
"""


def _answers(data_dir: Path) -> list[tuple[str, int]]:
    if not (data_dir / "progress.sqlite3").exists():
        return []
    with Store.open(data_dir) as store:
        return [
            (key, correct) for key, correct in store.query("SELECT card_key, correct FROM answers ORDER BY time_us", ())
        ]


def test_every_true_false_card_is_answered_by_a_click_on_its_button(tmp_path: Path, chromium: Chromium) -> None:
    deck, data_dir = tmp_path / "statements.yaml", tmp_path / "data"
    deck.write_text(DECK, encoding="utf-8")
    with (
        served(data_dir, "--deck", str(deck), "--lang", "en") as server,
        browser_context(chromium, 1000, 620) as context,
    ):
        tab = open_tab(context, server.url)
        tab.wait_text("Who is learning?")
        tab.type_name("Ana")
        for n, (_card, statement, button) in enumerate(CARDS, 1):
            tab.wait_text(statement)
            screen = tab.wait_text("2 False")  # the buttons are painted a frame after the statement
            assert "1 True" in screen and "True or false?" in screen
            with pytest.raises(AssertionError, match="more than once"):
                tab.click_text("True")  # the explanation's "True or false?" and the button: not a place to click
            tab.click_text(button)
            after = tab.wait_text(*VERDICTS, timeout=30)
            assert "✓ Right" in after, after
            until(lambda n=n: len(_answers(data_dir)) == n, f"answer {n} stored", timeout=30)
            if n < len(CARDS):
                tab.press("Enter")
                tab.wait_gone(*VERDICTS)  # the next card
    assert _answers(data_dir) == [(card, 1) for card, _statement, _button in CARDS]
