"""Every button of every screen does what it says when clicked with the mouse.

`CLICKS` has a test for each button id; `test_every_button_has_a_click_test`
reads the app's source for buttons and fails when one has no test, so a new
button that is dead to the mouse cannot go unnoticed.
"""

from __future__ import annotations

import ast
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from exam_helpers import Clock, answer_current, wait_exam, wait_result
from textual.pilot import Pilot
from tui_helpers import (
    PROFILE,
    answer,
    enter_keys,
    make_app,
    right_keys,
    settle,
    single,
    tour_deck,
    wait_screen,
    wrong_keys,
)
from waiting import at_most, steady

import quiz.tui
from quiz.classroom.exam import draw
from quiz.deck.model import Choice, Deck, Option
from quiz.store import Store
from quiz.tui.dialogs.hand_in import HandInScreen
from quiz.tui.exam_app import create_exam_app
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.exam import ExamResultScreen, ExamScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.statistics import StatisticsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers.flashcard import FlashcardAnswer
from quiz.tui.widgets.rating import RatingBar

Click = Callable[[Path], Awaitable[None]]
CLICKS: dict[str, Click] = {}
"""Button id (or id prefix, ending in `*`) -> a test that clicks it and checks what it did."""


def clicks(button_id: str) -> Callable[[Click], Click]:
    def register(test: Click) -> Click:
        CLICKS[button_id] = test
        return test

    return register


async def click(pilot: Pilot, selector: str) -> None:
    assert pilot.app.screen.query_one(selector).display, f"{selector} is not shown"
    await steady(pilot)  # where the button is drawn, not where a layout still under way puts it
    assert await pilot.click(selector), f"{selector} was not clicked"
    await settle(pilot)


def ratings(tmp_path: Path) -> list[int]:
    with Store.open(tmp_path) as store:
        return [rating for (rating,) in store.query("SELECT rating FROM answers ORDER BY id")]


# -- study screen ---------------------------------------------------------------------------


@clicks("flip")
async def _flip(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "m19-flashcard"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await click(pilot, "#flip")
        assert screen.query_one(FlashcardAnswer).flipped and screen.query("#back-side")


@clicks("rate-*")
async def _rate(tmp_path: Path) -> None:
    """The flashcard's own rating, then the rating bar under feedback that changes an automatic rating."""
    for rating in (1, 2, 3, 4):
        data = tmp_path / f"flashcard-{rating}"
        app = make_app(data, single(tour_deck(), "m19-flashcard"))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_screen(pilot, StudyScreen)
            await pilot.press("space")
            await click(pilot, f"#rate-{rating}")
        assert ratings(data) == [rating]
    data = tmp_path / "choice"
    app = make_app(data, single(tour_deck(), "dealer-whom"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await enter_keys(pilot, *wrong_keys(screen.session.current))
        await settle(pilot)
        assert screen.state == "feedback" and ratings(data) == [1]
        for rating in (4, 2, 3, 1):
            await click(pilot, f"#rate-{rating}")
            assert screen.query_one(RatingBar).current == rating
            assert ratings(data) == [rating]


@clicks("check")
async def _check(tmp_path: Path) -> None:
    """Done, under the options of a multi, an order and a match."""
    for card_id in ("gifts", "career-order", "who-is-who"):
        data = tmp_path / card_id
        app = make_app(data, single(tour_deck(), card_id))
        async with app.run_test(size=(100, 40)) as pilot:
            screen = await wait_screen(pilot, StudyScreen)
            keys = right_keys(screen.session.current)
            assert keys[-1] == "enter"
            await enter_keys(pilot, *keys[:-1])  # everything but Done
            assert screen.state == "asking"
            await click(pilot, "#check")
            assert screen.state == "feedback", card_id
            assert screen.feedback is not None and screen.feedback.outcome.grade.correct, card_id


# -- end of a session ------------------------------------------------------------------------


async def ended_with_a_miss(pilot: Pilot) -> EndScreen:
    await wait_screen(pilot, StudyScreen)
    await answer(pilot, right=False)
    for _ in at_most(5, "at the end of the session"):
        if isinstance(pilot.app.screen, EndScreen):
            break
        await answer(pilot, right=True)
    end = await wait_screen(pilot, EndScreen)
    assert isinstance(end, EndScreen)
    return end


@clicks("redrill")
async def _redrill(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ended_with_a_miss(pilot)
        await click(pilot, "#redrill")
        drill = await wait_screen(pilot, StudyScreen)
        assert isinstance(drill, StudyScreen) and drill.session.drill
        assert drill.session.current is not None and drill.session.current.card.id == "dealer-whom"


@clicks("statistics")
async def _statistics(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ended_with_a_miss(pilot)
        await click(pilot, "#statistics")
        await wait_screen(pilot, StatisticsScreen)


@clicks("home")
async def _home(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ended_with_a_miss(pilot)
        await click(pilot, "#home")
        await wait_screen(pilot, HomeScreen)


# -- a test ---------------------------------------------------------------------------------


def two_questions() -> Deck:
    return Deck(id="caps", title="Capitals", cards=tuple(
        Choice(id=f"c{i}", question=f"Question {i}?", answer=f"right {i}", distractors=(Option(f"wrong {i}"),))
        for i in range(2)))


async def at_the_end_of_a_test(pilot: Pilot, answers: int) -> ExamScreen:
    screen = await wait_exam(pilot)
    for _ in range(answers):
        await answer_current(pilot, screen, right=True)
    if answers < 2:
        await pilot.press("ctrl+n")  # skip the other one
    await settle(pilot)
    assert screen.session.current is None
    return screen


@clicks("hand-in-button")
async def _hand_in(tmp_path: Path) -> None:
    clock = Clock()
    app = create_exam_app(tmp_path, PROFILE, draw(two_questions(), 2, "s"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        await at_the_end_of_a_test(pilot, answers=2)
        await click(pilot, "#hand-in-button")
        await wait_result(pilot)
        assert app.record is not None and app.record.score == 2


@clicks("no")
async def _keep_going(tmp_path: Path) -> None:
    clock = Clock()
    app = create_exam_app(tmp_path, PROFILE, draw(two_questions(), 2, "s"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await at_the_end_of_a_test(pilot, answers=1)
        await click(pilot, "#hand-in-button")
        await wait_screen(pilot, HandInScreen)
        await click(pilot, "#no")
        assert app.screen is screen and screen.record is None


@clicks("yes")
async def _hand_in_with_blanks(tmp_path: Path) -> None:
    clock = Clock()
    app = create_exam_app(tmp_path, PROFILE, draw(two_questions(), 2, "s"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        await at_the_end_of_a_test(pilot, answers=1)
        await click(pilot, "#hand-in-button")
        await wait_screen(pilot, HandInScreen)
        await click(pilot, "#yes")
        result = await wait_result(pilot)
        assert isinstance(result, ExamResultScreen) and result.record.score == 1


# -- the registry, walked ------------------------------------------------------------------


@pytest.mark.parametrize("button_id", sorted(CLICKS))
def test_clicking(button_id: str, tmp_path: Path) -> None:
    import asyncio

    asyncio.run(CLICKS[button_id](tmp_path))


def button_ids_in_the_app() -> dict[str, str]:
    """Every button the app's source makes: its id (an f-string's literal start, then `*`) -> where."""
    found: dict[str, str] = {}
    root = Path(quiz.tui.__file__).parent
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Button", "KeyButton")):
                continue
            where = f"{path.relative_to(root.parent.parent)}:{node.lineno}"
            given = next((k.value for k in node.keywords if k.arg == "id"), None)
            if isinstance(given, ast.Constant) and isinstance(given.value, str):
                found[given.value] = where
            elif isinstance(given, ast.JoinedStr) and isinstance(given.values[0], ast.Constant):
                found[f"{given.values[0].value}*"] = where
            else:
                found[f"(a button without a plain id) {ast.unparse(node)}"] = where
    return found


def test_every_button_has_a_click_test() -> None:
    in_app = button_ids_in_the_app()
    assert len(in_app) >= 9  # the walk finds the buttons at all
    missing = {button: where for button, where in in_app.items() if button not in CLICKS}
    assert not missing, f"buttons without a click test in {__name__}: {missing}"
    stale = set(CLICKS) - set(in_app)
    assert not stale, f"click tests of buttons the app no longer has: {stale}"
