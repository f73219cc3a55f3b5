"""The app opened on the live view of a class test (`quiz watch`, or the teacher's page of `quiz serve`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .app import QuizApp
from .screens.teacher import TeacherScreen
from .texts import choose_language, use_language

if TYPE_CHECKING:
    from quiz.classroom.live import TestId

    from .opening import Opened


class WatchApp(QuizApp):
    """The app opened on the live view (`quiz watch`): no learner to choose, the teacher watches."""

    def __init__(self, data_dir: Path, test: TestId | None, **options: object) -> None:
        super().__init__(data_dir, **options)  # type: ignore[arg-type]
        self.test = test

    def _opened(self, opened: Opened) -> None:
        self._opened_from(opened)
        self.push_screen(TeacherScreen(self.test))


def create_watch_app(data_dir: Path, test: TestId | None, *, language: str | None = None) -> WatchApp:
    """The live view as `quiz watch` runs it (in a terminal, or in the teacher's browser through `quiz serve`)."""
    use_language(choose_language(language, os.environ))
    return WatchApp(data_dir, test)
