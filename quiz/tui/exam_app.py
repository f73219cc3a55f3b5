"""The app opened on a test (`quiz exam`): choose the learner, take the test, see the results, leave."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.classroom.exam import ExamPaper

from .app import QuizApp
from .screens.exam import ExamScreen
from .texts import choose_language, use_language

if TYPE_CHECKING:
    from quiz.classroom.records import ExamRecord
    from quiz.deck.model import Deck


class ExamApp(QuizApp):
    """The app opened on a test (`quiz exam`): choose the learner, take the test, see the results, leave."""

    CSS_PATH = str(Path(inspect.getfile(QuizApp)).parent / str(QuizApp.CSS_PATH))  # the app's one stylesheet

    def __init__(self, data_dir: Path, profile: str | None, paper: ExamPaper, *, time_limit: float | None = None,
                 retakes: bool = False, show_answers: bool = False, **options: object) -> None:
        super().__init__(data_dir, profile, **options)  # type: ignore[arg-type]
        self.paper = paper
        self.time_limit = time_limit
        self.retakes = retakes
        self.show_answers = show_answers
        self.record: ExamRecord | None = None

    def first_screen(self, deck: Deck | None) -> None:
        self.push_screen(
            ExamScreen(self.paper, time_limit=self.time_limit, retakes=self.retakes, show_answers=self.show_answers)
        )

    def refuse_test(self, message: str) -> None:
        self.fail(message)  # `quiz exam` leaves with the message

    def test_handed_in(self, record: ExamRecord) -> None:
        self.record = record  # what `quiz exam` reports when the app has closed

    def leave_test_results(self) -> None:
        self.exit()


def create_exam_app(
    data_dir: Path,
    profile: str | None,
    paper: ExamPaper,
    *,
    time_limit: float | None = None,
    retakes: bool = False,
    show_answers: bool = False,
    clock: Callable | None = None,
    timer: Callable[[], float] | None = None,
    language: str | None = None,
) -> ExamApp:
    """The app as `quiz exam` runs it; tests pass a fake clock and timer. `language` is `--lang` (see `texts`)."""
    use_language(choose_language(language, os.environ))
    return ExamApp(
        data_dir, profile, paper, time_limit=time_limit, retakes=retakes, show_answers=show_answers, clock=clock, timer=timer
    )
