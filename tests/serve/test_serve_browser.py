"""The served app in a real browser: a profile made, a card of every kind answered by keys and mouse, feedback seen.

Screenshots of the key screens land in tests/serve/artefacts/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import Chromium, Tab, browser_context, open_tab
from serve_helpers import served, until

from quiz.store import Store

pytestmark = pytest.mark.timeout(600)

VERDICTS = ("✓ Right", "✗ Wrong", "✗ Partly right")


def _profiles(data_dir: Path) -> list[str]:
    if not (data_dir / "progress.sqlite3").exists():
        return []
    with Store.open(data_dir) as store:
        return store.list_profiles()


def _answers(data_dir: Path, profile: str) -> list[tuple[str, int]]:
    with Store.open(data_dir) as store:
        return [
            (key, correct)
            for key, correct in store.query(
                "SELECT card_key, correct FROM answers JOIN profiles p ON p.id = profile_id WHERE p.name = ? ORDER BY time_us",
                (profile,),
            )
        ]


def _option_number(screen: str, option: str) -> str:
    """The number shown before `option` (options are shuffled in every session)."""
    found = re.search(r"(\d)\W{0,6}" + re.escape(option), screen)
    assert found, f"{option!r} not among the options:\n{screen}"
    return found.group(1)


def _answer(tab: Tab, screen: str, done: set[str]) -> str | None:
    """Answer whatever card is shown, by keys or by mouse; the kind answered, None when it was one seen already."""
    if "Think of the answer, then press space." in screen:
        tab.click_text("Show answer (space)")  # the mouse flips the card
        tab.wait_text("How well did you know it?")
        tab.shot("flashcard-back")
        tab.press("3")
        return "flashcard"
    if "Pick one:" in screen:
        if "drug dealer" in screen:
            tab.click_text("Gustavo Petro")  # by mouse
        else:
            tab.press(_option_number(screen, "Make Americas Great Again"))
        return "choice"
    if "Tick all that apply" in screen:
        tab.press(_option_number(screen, "Chocolate"), _option_number(screen, "Coffee from farmers"), "Enter")
        return "multi"
    if "True or false?" in screen:
        if "may stand again" in screen:
            tab.click_text("False")  # by mouse
        else:
            tab.press("t")
        return "truefalse"
    if "Type your answer" in screen:
        tab.type("Cepeda" if "succeed" in screen else "Espriella")
        tab.press("Enter")
        return "answer"
    if "Type a number" in screen or "Type the range" in screen:
        tab.type("65" if "How old" in screen else "2022" if "Since which" in screen else "2000-2015")
        tab.press("Enter")
        return "number"
    if "Fill in the gaps" in screen:
        tab.type("2012")
        tab.press("Enter")  # the next gap has the keyboard before the next key is applied (keys are queued)
        tab.type("2015")
        tab.press("Enter")
        return "cloze"
    if "Put these stages" in screen:
        screen = tab.wait_text("Guest of Donald")  # the question is painted a frame before its options
        items = ["Member of the urban", "Member of the Colombian", "Mayor of Bogot", "President of Colombia", "Guest of Donald"]
        tab.press(*(_option_number(screen, item) for item in items), "Enter")
        return "order"
    if "Match each person" in screen:
        tab.wait_text("Far-right presidential")
        tab.press(*(str(i) for i in range(1, 6)), "Enter")  # not all right: the feedback says which
        return "match"
    raise AssertionError(f"a screen this test does not know:\n{screen}")


KIND_GROUPS = (("flashcard", "choice", "multi"), ("truefalse", "answer", "number"), ("cloze", "order", "match"))
"""Every kind of card, in three sessions of three kinds (so that each session stays short)."""


def _tour_cards(kinds: tuple[str, ...], folder: Path) -> Path:
    """The tour deck's cards of these kinds, as a deck file of their own."""
    from dataclasses import replace

    from quiz.deck.loader import load_deck
    from quiz.deck.writer import dump
    from quiz.paths import bundled_decks_dir

    tour = load_deck(bundled_decks_dir() / "tour.en.yaml")
    path = folder / "tour-part.yaml"
    path.write_text(dump(replace(tour, cards=tuple(c for c in tour.cards if c.kind in kinds))), encoding="utf-8")
    return path


@pytest.mark.parametrize("kinds", KIND_GROUPS, ids=["-".join(group) for group in KIND_GROUPS])
def test_a_pupil_makes_a_profile_and_answers_every_kind_of_card(
    tmp_path: Path, kinds: tuple[str, ...], chromium: Chromium
) -> None:
    deck = _tour_cards(kinds, tmp_path)
    data = tmp_path / "data"
    with served(data, "--deck", str(deck), "--lang", "en") as server, browser_context(chromium, 1100, 700) as context:
        tab = open_tab(context, server.url)
        tab.wait_text("Who is learning?")
        if kinds == KIND_GROUPS[0]:  # the same screen in every group: one picture of it
            tab.shot("profile")
        tab.type_name("Ana Lucía")
        until(lambda: _profiles(data) == ["Ana Lucía"], "the profile stored")
        done: set[str] = set()
        for _ in range(15):
            screen = tab.wait_text("Pick one:", "Tick all", "True or false?", "Type your answer", "Type a number", "Type the range",
                                   "Fill in the gaps", "Put these", "Match each", "Think of the answer")
            answered = len(_answers(data, "Ana Lucía"))
            kind = _answer(tab, screen, done)
            assert kind in kinds, (kind, kinds)
            if kind != "flashcard":
                after = tab.wait_text(*VERDICTS)
                if kind not in done:
                    tab.shot(f"feedback-{kind}")
                assert any(v in after for v in VERDICTS)
                if kind != "match":
                    assert "✓ Right" in after, after  # the right answer, given in the browser, is graded right
            # stored before the next card is shown
            until(lambda n=answered: len(_answers(data, "Ana Lucía")) > n, "the answer stored", timeout=30)
            done.add(kind)
            if done >= set(kinds):
                break
            if kind != "flashcard":
                tab.press("Enter")
            tab.wait_gone(*VERDICTS, "How well did you know it?")  # the next card
        assert done >= set(kinds), done
        assert len({key for key, _ in _answers(data, "Ana Lucía")}) >= len(kinds)


def test_the_class_code_is_asked_off_this_computer_and_a_second_tab_is_another_pupil(
    tmp_path: Path, chromium: Chromium
) -> None:
    with (
        served(tmp_path, "--code", "K7M-4PX", "--lang", "en") as server,
        browser_context(chromium, 1000, 620) as context,
    ):
        assert server.class_code == "K7M-4PX"
        page = context.new_page()
        page.goto(server.url)
        assert page.locator("h1").inner_text() == "Class code"
        page.fill("#code", "K7M-4PZ")
        page.click("#enter")
        assert "not right" in page.locator("#problem").inner_text()
        page.screenshot(path=str(_artefact("code-refused")))
        assert page.locator(".textual-terminal").count() == 0  # nothing of the app without the code
        page.fill("#code", "k7m 4px")  # as a pupil types it: case and spaces do not matter
        page.click("#enter")
        page.close()
        first = open_tab(context, server.url)  # the code is remembered for this browser
        first.wait_text("Who is learning?")
        first.shot("code-accepted")
        first.type_name("Ana")
        first.wait_text("Ana")
        until(lambda: _profiles(tmp_path) == ["Ana"], "Ana's profile")
        second = open_tab(context, server.url)
        screen = second.wait_text("Who is learning?")
        assert "Ana" in screen  # a new pupil picks a name or types one, as on a shared PC
        second.shot("second-tab-asks")
        second.type_name("Ben")  # its first letter moves the keyboard from the list of names to the name box
        until(lambda: sorted(_profiles(tmp_path)) == ["Ana", "Ben"], "Ben's profile, made in the second tab")
        second.shot("second-tab")
        assert "Who is learning?" not in first.text()  # the first tab is still Ana's own app, on the deck list


def _artefact(name: str) -> Path:
    from browser import ARTEFACTS

    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS / f"{name}.png"
