"""Reading test results and the class report at 80 columns: long rows, the path box, the keys of a test."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_helpers import T0, enter_keys, make_app, synchronously, wait_screen
from waiting import wait_for

from quiz.classroom import results
from quiz.classroom.exam import ExamSession, draw
from quiz.deck.model import Choice, Deck, Option
from quiz.tui.dialogs.report_path import ReportPathScreen
from quiz.tui.dialogs.row_detail import RowDetailScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.report import ReportScreen
from quiz.tui.widgets.tables import FullRowsTable

LONG = "Lyon, the city on the Rhône where the two rivers meet, with a very long name indeed"
DECK = Deck(
    id="capitals",
    title="Capitals",
    cards=(Choice(id="fr", question="Capital of France?", answer="Paris", distractors=(Option(LONG),)),),
)


@synchronously
async def test_a_cut_row_of_the_class_report_opens_in_full(tmp_path: Path, monkeypatch) -> None:
    usb = tmp_path / "usb"
    session = ExamSession(draw(DECK, 1, "s"), clock=lambda: T0)
    session.answer(LONG, duration=5)
    results.write(results.StudentResults("ann", T0, (session.finish(),)), usb)
    monkeypatch.chdir(usb)
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        await pilot.press("t")
        path_screen = await wait_screen(pilot, ReportPathScreen)
        assert path_screen.query_one(Input).value == ""  # nothing to erase before typing a path
        await pilot.press("enter")  # an empty box reads the current folder
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None, "report")
        await pilot.pause()
        _, questions = app.screen.query(FullRowsTable)
        assert list(questions.columns.values())[-1].width < len(LONG)  # the wrong answer is cut on screen
        await pilot.press("tab", "enter")  # the questions table, its first row in full
        detail = await wait_screen(pilot, RowDetailScreen)
        text = detail.query_one("Static").render().plain
        assert "Question: Capital of France?" in text and LONG in " ".join(text.split())
        await pilot.press("escape")
        await wait_screen(pilot, ReportScreen)


@synchronously
async def test_test_results_show_long_answers_wrapped_in_full(tmp_path: Path) -> None:
    from exam_helpers import wait_result
    from textual.widgets import DataTable

    from quiz.tui.screens.exam import ExamResultScreen

    session = ExamSession(draw(DECK, 1, "s"), clock=lambda: T0)
    session.answer(LONG, duration=5)
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        app.push_screen(ExamResultScreen(session.finish(), show_answers=True))
        screen = await wait_result(pilot)
        table = screen.query_one(DataTable)
        (row,) = table.rows.values()
        assert str(table.get_row_at(0)[3]) == LONG
        assert row.height > 1  # wrapped to its column, not cut


@synchronously
async def test_a_folder_with_a_space_in_its_name_is_read(tmp_path: Path) -> None:
    usb = tmp_path / "USB DISK"
    session = ExamSession(draw(DECK, 1, "s"), clock=lambda: T0)
    session.answer("Paris", duration=5)
    results.write(results.StudentResults("ann", T0, (session.finish(),)), usb)
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        await pilot.press("t")
        await wait_screen(pilot, ReportPathScreen)
        await enter_keys(pilot, *str(usb), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None, "report")
        assert app.screen.report.students == 1


@synchronously
async def test_help_during_a_test_lists_the_test_keys(tmp_path: Path) -> None:
    from quiz.tui.dialogs.help import HelpScreen
    from quiz.tui.exam_app import create_exam_app
    from quiz.tui.screens.exam import ExamScreen

    app = create_exam_app(tmp_path, "eve", draw(DECK, 1, "s"), clock=lambda: T0, timer=lambda: 0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, ExamScreen)
        await pilot.press("f1")
        help_screen = await wait_screen(pilot, HelpScreen)
        keys = help_screen.query_one("#help-keys").render().plain
        assert "skip the question" in keys and "hand the test in" in keys and "asks first, then hands the test in as it stands" in keys
        assert "undo" not in keys and "hint" not in keys


@synchronously
async def test_the_german_report_at_80_columns_explains_its_words_and_scrolls_by_columns(
    tmp_path: Path, monkeypatch
) -> None:
    from quiz.tui.screens.report import LegendScreen

    usb = tmp_path / "usb"
    for name, pick in (("ann", "Paris"), ("ben", LONG), ("cat", "Paris")):
        session = ExamSession(draw(DECK, 1, "s"), clock=lambda: T0)
        session.answer(pick, duration=5)
        results.write(results.StudentResults(name, T0, (session.finish(),)), usb)
    monkeypatch.setenv("QUIZ_LANG", "de")
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        app.push_screen(ReportScreen([usb]))
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None, "report")
        await pilot.pause()
        screen = app.screen
        students, questions = screen.query(FullRowsTable)
        for table in (students, questions):
            for column in table.columns.values():  # every column name whole: "Lösungsquote", not "Lösungsqu"
                assert column.get_render_width(table) - 2 * table.cell_padding >= len(column.label.plain), column.label
        notes = " ".join(str(s.render()) for s in screen.query(".report-warning"))
        assert "Nur 3 Schülerinnen und Schüler: zu wenige" in notes
        questions.focus()
        await pilot.pause()
        starts, x = [], 0
        for column in questions.columns.values():
            starts.append(x)
            x += column.get_render_width(questions)
        assert questions.max_scroll_x > 0  # wider than the screen: there is something to scroll to
        await pilot.press("right")
        await pilot.pause()
        assert questions.scroll_x == min(starts[1], questions.max_scroll_x)  # one whole column, not a character
        await pilot.press("right", "left")
        await pilot.pause()
        assert questions.scroll_x in starts
        await pilot.press("question_mark")
        legend = await wait_screen(pilot, LegendScreen)
        text = " ".join(str(s.render()) for s in legend.query("Static"))
        assert "Lösungsquote:" in text and "Trennschärfe:" in text and "Negative Trennschärfe" in text
        await pilot.press("escape")
        await wait_screen(pilot, ReportScreen)
