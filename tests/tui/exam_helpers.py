"""Driving the exam screen by keys: a clock the test moves, answers right or wrong on purpose."""

from __future__ import annotations

import datetime as dt

from tui_helpers import enter_keys
from waiting import wait_for

from quiz.deck.model import Choice, TrueFalse

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    """Wall clock and monotonic timer that move together, only when the test says so."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start
        self.mono = 1000.0

    def __call__(self) -> dt.datetime:
        return self.now

    def timer(self) -> float:
        return self.mono

    def tick(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)
        self.mono += seconds


async def wait_exam(pilot):
    """The exam screen, once its sitting has started."""
    from quiz.tui.screens.exam import ExamScreen

    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExamScreen) and pilot.app.screen.session is not None)
    await pilot.pause()
    return pilot.app.screen


async def wait_result(pilot):
    """The result screen, once it shows the score and its table of questions has its rows (filled when mounted)."""
    from textual.widgets import DataTable

    from quiz.tui.screens.exam import ExamResultScreen

    def shown() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, ExamResultScreen) or not screen.query("#exam-score"):
            return False
        tables = screen.query("#exam-answers")
        return not tables or tables.first(DataTable).row_count > 0

    await wait_for(pilot, shown, "the test's results")
    return pilot.app.screen


async def answer_current(pilot, screen, *, right: bool) -> None:
    """Answer the question on screen with keys: choice by number, true/false by t/f, typed text then Enter."""
    presented = screen.session.current
    card = presented.card
    if isinstance(card, Choice):
        target = card.answer if right else card.distractors[0].text
        await pilot.press(str(presented.options.index(target) + 1))
    elif isinstance(card, TrueFalse):
        await pilot.press("t" if right == card.answer else "f")
    else:
        await enter_keys(pilot, *(card.answer if right else "no idea"), "enter")
    await pilot.pause()
