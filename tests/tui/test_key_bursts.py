"""Keys that arrive in one burst (a paste, a fast typist) are all applied, in order, in tests and in study."""

from __future__ import annotations

import asyncio
from pathlib import Path

from exam_helpers import Clock, wait_exam, wait_result

from quiz.classroom.exam import ExamPaper
from quiz.deck.model import Choice, Deck, Match, Multi, Option, TrueFalse, TypedAnswer
from quiz.engine.presentation import Presented
from quiz.tui.exam_app import create_exam_app

MULTI = Multi(id="m", question="Which are prime?", answers=("2", "3"), distractors=(Option("4"), Option("9")))
MATCH = Match(id="pairs", question="Capitals", pairs=(("France", "Paris"), ("Peru", "Lima"), ("Chile", "Santiago")))
CHOICE = Choice(id="c", question="Capital of Spain?", answer="Madrid", distractors=(Option("Rome"), Option("Oslo")))
TF = TrueFalse(id="tf", statement="Water is dry.", answer=False)
TYPED = TypedAnswer(id="t", question="Who wrote Faust?", answer="Goethe")
DECK = Deck(id="burst", title="Burst", cards=(MULTI, MATCH, CHOICE, TF, TYPED))


async def burst(pilot, *keys: str) -> None:
    """The keys as a terminal delivers a paste or a fast typist: all read at once, nothing handled in between.

    (`Pilot.press` lets the app run between keys; this is what it does, without the pauses.)
    """
    from textual import events

    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await pilot.pause()


def paper() -> ExamPaper:
    """Options in the deck's order, so that the keys below are the right answers."""
    questions = (
        Presented(DECK, MULTI, ("2", "3", "4", "9")),
        Presented(DECK, MATCH, ("Lima", "Santiago", "Paris")),
        Presented(DECK, CHOICE, ("Rome", "Madrid", "Oslo")),
        Presented(DECK, TF),
        Presented(DECK, TYPED),
    )
    return ExamPaper(DECK, "b", questions)


def test_a_whole_test_typed_in_one_burst_is_answered_in_order(tmp_path: Path) -> None:
    asyncio.run(_whole_test_in_one_burst(tmp_path))


async def _whole_test_in_one_burst(tmp_path: Path) -> None:
    clock = Clock()
    app = create_exam_app(tmp_path, "ann", paper(), clock=clock, timer=clock.timer, show_answers=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_exam(pilot)
        await burst(
            pilot,
            "1", "2", "enter",  # multi: tick 2 and 3, check
            "3", "1", "2", "enter",  # match: France-Paris, Peru-Lima, Chile-Santiago, done
            "2",  # choice: Madrid
            "f",  # true/false: false
            *"Goethe", "enter",  # typed
            "ctrl+s",
        )
        await wait_result(pilot)
        record = app.record
        assert [(item.card_id, item.given) for item in record.items if not item.correct] == []
        assert record.score == 5


def test_a_new_name_typed_in_one_burst_beside_the_listed_learners_is_made(tmp_path: Path) -> None:
    asyncio.run(_new_name_in_one_burst(tmp_path))


async def _new_name_in_one_burst(tmp_path: Path) -> None:
    """The list has the keyboard; the first letter moves it to the name box, and Enter after it makes the name."""
    from tui_helpers import app_with_learners, wait_screen

    from quiz.store import Store
    from quiz.tui.screens.home import HomeScreen
    from quiz.tui.screens.profile import ProfileScreen

    app = app_with_learners(tmp_path, "Ana", "Cleo")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, ProfileScreen)
        await burst(pilot, *"Ben", "enter")
        await wait_screen(pilot, HomeScreen)
        assert app.profile == "Ben"
    with Store.open(tmp_path) as store:
        assert store.list_profiles() == ["Ana", "Ben", "Cleo"]
