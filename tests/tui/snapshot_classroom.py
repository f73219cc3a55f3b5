"""Classroom screens for the snapshot tests (English and German): the quit question, results, the report, the PIN."""

from __future__ import annotations

from pathlib import Path

from exam_helpers import Clock, answer_current, wait_exam, wait_result
from test_exam_screen import make_deck
from textual.pilot import Pilot
from tui_helpers import T0, make_app, settle, wait_for, wait_screen

from quiz.classroom import results
from quiz.classroom.exam import ExamSession, draw
from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.dialogs.hand_in import QuitTestScreen
from quiz.tui.exam_app import create_exam_app
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.pin import PinScreen
from quiz.tui.screens.report import ReportScreen


def exam_app(data: Path) -> QuizApp:
    clock = Clock()
    return create_exam_app(data, "ann", draw(make_deck(), 5, "7b"), time_limit=900, clock=clock, timer=clock.timer)


async def quit_question(pilot: Pilot) -> None:
    screen = await wait_exam(pilot)
    await answer_current(pilot, screen, right=True)
    await pilot.press("ctrl+q")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, QuitTestScreen))
    await pilot.pause()


async def results_without_answers(pilot: Pilot) -> None:
    screen = await wait_exam(pilot)
    for n in range(5):
        await answer_current(pilot, screen, right=n != 1)
    await pilot.press("ctrl+s")
    await wait_result(pilot)
    await pilot.pause()


def report_app(data: Path) -> QuizApp:
    """The deck list of a teacher whose folder holds three students' results of one test."""
    folder = data / "results"
    deck = make_deck()
    for name, wrong in (("ann", ()), ("ben", ("c0",)), ("cat", ("c0", "typed"))):
        session = ExamSession(draw(deck, 5, "7b"), clock=lambda: T0)
        while session.current is not None:
            card = session.current.card
            right = card.id not in wrong
            answer = {"choice": card.answer if right else "nope"}.get(card.kind)  # type: ignore[union-attr]
            if card.kind == "truefalse":
                answer = card.answer if right else not card.answer  # type: ignore[union-attr]
            elif card.kind == "answer":
                answer = card.answer if right else "Schiller"  # type: ignore[union-attr]
            session.answer(answer, duration=20)
        results.write(results.StudentResults(name, T0, (session.finish(),)), folder)
    app = make_app(data)
    app.report_folder = folder  # type: ignore[attr-defined]
    return app


async def report(pilot: Pilot) -> None:
    await wait_screen(pilot, HomeScreen)
    pilot.app.push_screen(ReportScreen([pilot.app.report_folder]))  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReportScreen) and pilot.app.screen.report is not None)
    await settle(pilot)


def pin_app(data: Path) -> QuizApp:
    with Store.open(data) as store:
        store.create_profile("anna")
        store.set_pin("anna", "4711")
    return make_app(data)


async def wrong_pin(pilot: Pilot) -> None:
    await wait_screen(pilot, PinScreen)
    await pilot.press(*"1234", "enter")
    await pilot.pause()
