"""A test the teacher can rely on: quitting asks first, a second sitting is refused, the results are no answer key."""

from __future__ import annotations

import asyncio
from pathlib import Path

from exam_helpers import Clock, answer_current, wait_exam, wait_for, wait_result
from test_exam_screen import make_deck

from quiz.classroom import storage
from quiz.classroom.exam import draw
from quiz.store import Store
from quiz.tui.dialogs.hand_in import QuitTestScreen
from quiz.tui.exam_app import create_exam_app
from quiz.tui.screens.exam import ExamScreen


def test_ctrl_q_in_a_test_asks_before_handing_it_in(tmp_path: Path) -> None:
    asyncio.run(_ctrl_q_asks(tmp_path))


async def _ctrl_q_asks(tmp_path: Path) -> None:
    clock = Clock()
    app = create_exam_app(tmp_path, "ann", draw(make_deck(), 5, "6b"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_exam(pilot)
        await answer_current(pilot, screen, right=True)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitTestScreen))
        assert "1 of 5 answered" in str(app.screen.query_one(".confirm Static").render())
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ExamScreen))
        assert app.is_running and screen.record is None
        await answer_current(pilot, screen, right=True)
        assert screen.session.progress == (2, 5)
        await pilot.press("ctrl+q", "ctrl+q")  # a second ctrl+q does not answer the question for the pupil
        await wait_for(pilot, lambda: isinstance(app.screen, QuitTestScreen))
        await pilot.pause()
        assert app.is_running and screen.record is None
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.is_running)
    with Store.open(tmp_path) as store:
        (record,) = storage.exams(store, "ann")
    assert [i.answered for i in record.items] == [True, True, False, False, False]


def test_a_second_sitting_is_refused_unless_retakes_are_allowed(tmp_path: Path) -> None:
    asyncio.run(_second_sitting(tmp_path))


async def _take(tmp_path: Path, seed: str, **options: bool) -> object:
    clock = Clock()
    app = create_exam_app(tmp_path, "ann", draw(make_deck(), 5, seed), clock=clock, timer=clock.timer, **options)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.error is not None or (
            isinstance(app.screen, ExamScreen) and app.screen.session is not None))
        if app.error is not None:
            return app
        screen = app.screen
        await answer_current(pilot, screen, right=True)
        await pilot.press("ctrl+s")
        await pilot.press("y")
        await wait_result(pilot)
        await pilot.press("enter")
    return app


async def _second_sitting(tmp_path: Path) -> None:
    first = await _take(tmp_path, "6b")
    assert first.error is None and first.record is not None
    again = await _take(tmp_path, "6b")
    assert again.record is None
    assert "ann has already taken this test (exam-deck version 3, seed 6b)" in again.error
    assert "--retakes" in again.error
    other_seed = await _take(tmp_path, "6c")
    assert other_seed.error is None and other_seed.record is not None
    allowed = await _take(tmp_path, "6b", retakes=True)
    assert allowed.error is None and allowed.record is not None
    with Store.open(tmp_path) as store:
        assert [e.seed for e in storage.exams(store, "ann")] == ["6b", "6c", "6b"]


def test_the_results_show_no_right_answers_unless_released(tmp_path: Path) -> None:
    asyncio.run(_results(tmp_path))


async def _results(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    for show_answers in (False, True):
        clock = Clock()
        paper = draw(make_deck(), 5, "7b")
        app = create_exam_app(
            tmp_path, f"p{show_answers}", paper, clock=clock, timer=clock.timer, show_answers=show_answers
        )
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await wait_exam(pilot)
            for _ in range(5):
                await answer_current(pilot, screen, right=screen.session.current.card.id != "typed")
            await pilot.press("ctrl+s")
            result = await wait_result(pilot)
            table = result.query_one(DataTable)
            cells = " ".join(str(cell) for row in range(table.row_count) for cell in table.get_row_at(row))
            labels = [str(column.label) for column in table.columns.values()]
            assert "Who wrote Faust?" in cells
            if show_answers:
                assert "Right answer" in labels and "Goethe" in cells and "right 0" in cells
            else:
                assert "Right answer" not in labels and "Your answer" not in labels
                assert "Goethe" not in cells and "right 0" not in cells  # not even the right answers given
                assert cells.count("✓ ") + cells.count("✓") >= 4 and "wrong" in cells
