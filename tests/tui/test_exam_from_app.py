"""Test and class report reached from the deck list: set a test, take it, export, read the report on screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

from exam_helpers import T0, wait_exam, wait_result
from textual.widgets import DataTable, Input
from waiting import at_most, wait_for

from quiz.classroom import results, storage
from quiz.deck.model import Choice, Deck, Option
from quiz.store import Store
from quiz.tui.app import create_app
from quiz.tui.dialogs.exam_setup import ExamSetupScreen
from quiz.tui.dialogs.hand_in import HandInScreen
from quiz.tui.dialogs.report_path import ReportPathScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.report import ReportScreen

DECK = Deck(
    id="capitals",
    title="Capitals",
    cards=tuple(
        Choice(id=f"c{i}", question=f"Capital {i}?", answer=f"right {i}", distractors=(Option(f"wrong {i}"),))
        for i in range(5)
    ),
)


async def _take_test_then_read_report(tmp_path: Path) -> None:
    app = create_app(tmp_path / "data", "ann", clock=lambda: T0, timer=lambda: 0.0)
    async with app.run_test(size=(110, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.rows))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExamSetupScreen))
        setup = app.screen
        setup.query_one("#exam-questions", Input).value = "3"
        setup.query_one("#exam-seed", Input).value = "class-7b"
        setup.query_one("#exam-time", Input).value = "soon"
        setup.query_one("#exam-questions", Input).focus()
        await pilot.press("enter")
        assert "not a time limit" in str(setup.query_one("#exam-setup-problem").render())
        setup.query_one("#exam-time", Input).value = "15m"
        await pilot.press("enter")
        exam = await wait_exam(pilot)
        assert exam.paper.seed == "class-7b" and len(exam.paper.questions) == 3 and exam.time_limit == 900
        assert "Time left 15:00" in str(exam.query_one("#exam-clock").render())
        for _ in range(3):
            await pilot.press("ctrl+n")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HandInScreen))
        await pilot.press("y")
        await wait_result(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))

        with Store.open(tmp_path / "data") as store:
            (record,) = storage.exams(store, "ann")
            results.write(storage.student_results(store, "ann"), tmp_path / "usb")
        assert record.seed == "class-7b" and record.score == 0 and len(record.items) == 3

        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportPathScreen))
        app.screen.query_one(Input).value = str(tmp_path / "usb")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None)
        await pilot.pause()
        report = app.screen
        tables = list(report.query(DataTable))
        assert len(tables) == 2  # students, questions (no practice yet)
        students, questions = tables
        assert students.row_count == 1 and str(students.get_row_at(0)[0]) == "ann"
        assert questions.row_count == 3
        assert [str(questions.get_row_at(i)[1]) for i in range(3)] == list(record.question_ids)
        assert str(questions.get_row_at(0)[3]) == "0.00"  # facility: nobody answered
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


def test_take_a_test_from_the_deck_list_then_read_the_class_report(tmp_path: Path, monkeypatch) -> None:
    from quiz.deck import files

    monkeypatch.setattr(files, "bundled_decks", lambda: [DECK])  # the deck list shows this deck only
    asyncio.run(_take_test_then_read_report(tmp_path))


async def _report_names_bad_files(tmp_path: Path) -> None:
    from quiz.classroom.exam import ExamSession, draw

    usb = tmp_path / "usb"
    for profile, version in (("ann", "1"), ("ben", "2"), ("cat", "1")):
        deck = Deck(id=DECK.id, title=DECK.title, cards=DECK.cards, version=version)
        session = ExamSession(draw(deck, 3, "s"), clock=lambda: T0)
        for _ in at_most(10, "at the end of the test"):
            if session.current is None:
                break
            session.answer(session.current.card.answer, duration=5)
        results.write(results.StudentResults(profile, T0, (session.finish(),)), usb)
    cat = usb / results.file_name("cat")
    cat.write_text(cat.read_text(encoding="utf-8").replace('"seconds":5.0', '"seconds":1.0', 1), encoding="utf-8")

    app = create_app(tmp_path / "data", "teacher", clock=lambda: T0, timer=lambda: 0.0)
    async with app.run_test(size=(110, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.push_screen(ReportScreen([usb]))
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.report is not None)
        await pilot.pause()
        screen = app.screen
        texts = [str(s.render()) for s in screen.query(".problem")]
        assert texts == [f"{cat}: was edited after export: its checksum does not match its contents"]
        notes = [str(s.render()) for s in screen.query(".report-notes")]
        assert len(notes) == 1 and "version 1 (1 student), version 2 (1 student)" in notes[0]
        assert "2 students, 2 tests, 1 file not used" in str(screen.query_one("#report-status").render())
        assert len(screen.query(DataTable)) == 4  # students and questions, for each deck version


def test_the_report_screen_names_a_bad_file_and_reports_versions_apart(tmp_path: Path, monkeypatch) -> None:
    from quiz.deck import files

    monkeypatch.setattr(files, "bundled_decks", lambda: [DECK])
    asyncio.run(_report_names_bad_files(tmp_path))
