"""The exam screen, driven by keys through Pilot: no verdicts until handed in, a countdown, results stored."""

from __future__ import annotations

import asyncio
from pathlib import Path

from exam_helpers import Clock, answer_current, wait_exam, wait_result
from waiting import wait_for

from quiz.classroom import storage
from quiz.classroom.exam import draw
from quiz.deck.model import Choice, Deck, Option, TrueFalse, TypedAnswer
from quiz.store import Store
from quiz.tui.dialogs.hand_in import HandInScreen
from quiz.tui.exam_app import create_exam_app
from quiz.tui.screens.exam import ExamScreen, clock_text
from quiz.tui.widgets.feedback import FeedbackPanel


def make_deck() -> Deck:
    cards = [
        Choice(id=f"c{i}", question=f"Choice question {i}?", answer=f"right {i}",
               distractors=(Option(f"wrong {i}a"), Option(f"wrong {i}b")))
        for i in range(3)
    ]
    cards += [
        TrueFalse(id="tf", statement="Water is dry.", answer=False),
        TypedAnswer(id="typed", question="Who wrote Faust?", answer="Goethe"),
    ]
    return Deck(id="exam-deck", title="Exam deck", version="3", cards=tuple(cards))


def test_exam_is_answered_without_feedback_then_graded_and_stored(tmp_path: Path) -> None:
    asyncio.run(_exam_is_answered_without_feedback_then_graded_and_stored(tmp_path))


async def _exam_is_answered_without_feedback_then_graded_and_stored(tmp_path: Path) -> None:
    clock = Clock()
    paper = draw(make_deck(), 5, "7b")
    app = create_exam_app(tmp_path, "ann", paper, clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_exam(pilot)
        assert "untimed" in str(screen.query_one("#exam-clock").render())
        wrong_ids = {"c0", "typed"}
        for n in range(5):
            assert f"Question {n + 1} of 5" in str(screen.query_one("#exam-position").render())
            card_id = screen.session.current.card.id
            clock.tick(7)
            await answer_current(pilot, screen, right=card_id not in wrong_ids)
            assert not app.screen.query(FeedbackPanel)  # no verdict while the test is on
        assert screen.session.current is None and screen.record is None
        assert "end of the test" in str(screen.query_one("#prompt").render())
        await pilot.press("ctrl+s")
        await wait_result(pilot)
        record = app.record
        assert record is not None and record.score == 3 and len(record.items) == 5
        assert {i.card_id for i in record.items if not i.correct} == wrong_ids
        assert all(item.seconds == 7 for item in record.items)
        assert "Score 3 of 5 (60%)" in str(app.screen.query_one("#exam-score").render())
        await pilot.press("enter")
    with Store.open(tmp_path) as store:
        assert storage.exams(store, "ann") == [record]
        assert store.query("SELECT count(*) FROM card_states")[0][0] == 0  # the schedule was not touched
        assert store.query("SELECT count(*) FROM answers")[0][0] == 0


def test_countdown_hands_the_test_in_at_zero(tmp_path: Path) -> None:
    asyncio.run(_countdown_hands_the_test_in_at_zero(tmp_path))


async def _countdown_hands_the_test_in_at_zero(tmp_path: Path) -> None:
    clock = Clock()
    paper = draw(make_deck(), 5, "7b")
    app = create_exam_app(tmp_path, "ben", paper, time_limit=90, clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_exam(pilot)
        assert "Time left 1:30" in str(screen.query_one("#exam-clock").render())
        clock.tick(20)
        await answer_current(pilot, screen, right=True)
        clock.tick(40)
        await wait_for(pilot, lambda: "Time left 0:30" in str(screen.query_one("#exam-clock").render()))
        assert screen.query_one("#exam-clock").has_class("-low")
        clock.tick(31)
        await wait_result(pilot)
        record = app.record
        assert record.timed_out and record.seconds == 90 and record.score == 1
        assert [i.answered for i in record.items] == [True, False, False, False, False]
        assert record.items[1].seconds == 71  # the question on screen when time ran out
        assert "the time ran out" in str(app.screen.query_one("#exam-score").render())
    with Store.open(tmp_path) as store:
        assert storage.exams(store, "ben") == [record]


def test_blank_answers_are_confirmed_before_handing_in_and_back_goes_back(tmp_path: Path) -> None:
    asyncio.run(_blank_answers_are_confirmed_before_handing_in_and_back_goes_back(tmp_path))


async def _blank_answers_are_confirmed_before_handing_in_and_back_goes_back(tmp_path: Path) -> None:
    clock = Clock()
    paper = draw(make_deck(), 3, "x")
    app = create_exam_app(tmp_path, "cat", paper, clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_exam(pilot)
        first = screen.session.current
        await answer_current(pilot, screen, right=False)
        await pilot.press("ctrl+b")
        assert screen.session.current == first
        assert "Your answer so far" in str(screen.query_one("#previous").render())
        await answer_current(pilot, screen, right=True)
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HandInScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ExamScreen))
        assert screen.record is None
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HandInScreen))
        await pilot.press("y")
        await wait_result(pilot)
        record = app.record
        assert [i.answered for i in record.items] == [True, False, False] and record.score == 1


def test_clock_text_rounds_up_to_whole_seconds() -> None:
    assert clock_text(900) == "15:00"
    assert clock_text(59.2) == "1:00"
    assert clock_text(0.4) == "0:01"
    assert clock_text(0) == "0:00"


def test_quitting_in_the_middle_hands_the_test_in_as_it_stands(tmp_path: Path) -> None:
    asyncio.run(_quitting_in_the_middle(tmp_path))


async def _quitting_in_the_middle(tmp_path: Path) -> None:
    clock = Clock()
    app = create_exam_app(tmp_path, "dan", draw(make_deck(), 5, "7b"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_exam(pilot)
        clock.tick(9)
        await answer_current(pilot, screen, right=True)
        await pilot.press("ctrl+q")
        await pilot.pause()
    with Store.open(tmp_path) as store:
        (record,) = storage.exams(store, "dan")
    assert [i.answered for i in record.items] == [True, False, False, False, False]
    assert record.score == 1 and record.items[0].seconds == 9


def test_time_running_out_under_the_help_screen_still_shows_the_results(tmp_path: Path) -> None:
    asyncio.run(_time_out_under_help(tmp_path))


async def _time_out_under_help(tmp_path: Path) -> None:
    from quiz.tui.dialogs.help import HelpScreen

    clock = Clock()
    app = create_exam_app(tmp_path, "eve", draw(make_deck(), 5, "7b"), time_limit=30, clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_exam(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        clock.tick(31)
        await wait_result(pilot)
        assert app.record.timed_out
        assert not any(isinstance(s, (HelpScreen, ExamScreen)) for s in app.screen_stack)


def test_a_locked_database_freezes_neither_the_countdown_nor_the_keys(tmp_path: Path) -> None:
    asyncio.run(_a_locked_database_freezes_neither_the_countdown_nor_the_keys(tmp_path))


async def _a_locked_database_freezes_neither_the_countdown_nor_the_keys(tmp_path: Path) -> None:
    import sqlite3

    clock = Clock()
    paper = draw(make_deck(), 5, "7b")
    app = create_exam_app(tmp_path, "ann", paper, time_limit=600, clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_exam(pilot)
        await app.workers.wait_for_complete()  # the sitting is stored
        other = sqlite3.connect(tmp_path / "progress.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another quiz holds the write lock
        try:
            first = screen.session.current.card.id
            await answer_current(pilot, screen, right=True)
            await wait_for(pilot, lambda: screen.session.index == 1)  # the next question, while the write waits
            assert screen.session.current.card.id != first
            clock.tick(30)
            await wait_for(pilot, lambda: "9:30" in str(screen.query_one("#exam-clock").render()))
            await answer_current(pilot, screen, right=False)
            await wait_for(pilot, lambda: screen.session.index == 2)
            stored = other.execute("SELECT answered FROM exam_answers ORDER BY position").fetchall()
            assert stored == [(0,)] * 5  # nothing written yet: the lock is still held
        finally:
            other.execute("ROLLBACK")
            other.close()
        await app.workers.wait_for_complete()
        with Store.open(tmp_path) as store:
            assert store.query("SELECT answered FROM exam_answers ORDER BY position") == [(1,), (1,), (0,), (0,), (0,)]
