"""A test survives its window: answers are stored as given, a killed test is handed in as it stood.

The test runs in a real child process (headless, keys pressed by Pilot) that
is then killed, the way a closed window or a power cut ends it.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from exam_helpers import T0, Clock

from quiz.classroom import results, storage
from quiz.classroom.exam import ExamSession, draw
from quiz.cli import main
from quiz.deck.model import Choice, Deck, Option
from quiz.store import Store

CHILD = textwrap.dedent(
    """
    import asyncio, sys, time
    from pathlib import Path
    from quiz.classroom.exam import draw
    from quiz.deck.model import Choice, Deck, Option
    from quiz.tui.exam_app import create_exam_app
    from quiz.tui.screens.exam import ExamScreen

    deck = Deck(id="caps", title="Capitals", version="2", cards=tuple(
        Choice(id=f"c{i}", question=f"Question {i}?", answer=f"right {i}",
               distractors=(Option(f"wrong {i}a"), Option(f"wrong {i}b")))
        for i in range(4)))

    async def until(pilot, condition, what):
        deadline = time.monotonic() + 30  # a busy machine may take a while; a lost key must not hang the test
        while not condition():
            if time.monotonic() > deadline:
                print("stuck: " + what, flush=True)
                sys.exit(1)
            await pilot.pause(0.01)

    async def take() -> None:
        paper = draw(deck, 4, "kill-me")
        app = create_exam_app(Path(sys.argv[1]), "carla", paper, time_limit=float(sys.argv[2]) or None)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ExamScreen) and app.screen.session is not None, "no test")
            for n, presented in enumerate(paper.questions[:2], 1):  # two answers, both right, then the window goes
                await until(pilot, lambda: any(w.has_focus for w in app.screen.query("#slot *")), "options not shown")
                await pilot.press(str(presented.options.index(presented.card.answer) + 1))
                await until(pilot, lambda: app.screen.session.index >= n, "answer not taken")
                await app.workers.wait_for_complete()  # the answer is on disk before the window goes
            print("answered", flush=True)
            await until(pilot, lambda: not app.is_running, "never closed")

    asyncio.run(take())
    """
)


def deck() -> Deck:
    return Deck(id="caps", title="Capitals", version="2", cards=tuple(
        Choice(id=f"c{i}", question=f"Question {i}?", answer=f"right {i}",
               distractors=(Option(f"wrong {i}a"), Option(f"wrong {i}b")))
        for i in range(4)))


def take_then(data: Path, sig: int, *, time_limit: float = 0) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), str(time_limit)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "answered", child.stderr.read() if child.stderr else ""
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def exported(data: Path, out: Path) -> results.StudentResults:
    assert main(["--data-dir", str(data), "results", "export", "--out", str(out)]) == 0
    [path] = results.find([out])
    return results.read(path)


def check_two_right(student: results.StudentResults) -> None:
    [exam] = student.exams
    assert exam.seed == "kill-me" and len(exam.items) == 4
    assert [item.answered for item in exam.items] == [True, True, False, False]
    assert exam.score == 2


@pytest.mark.skipif(os.name != "posix", reason="signals as on the classroom's Linux PCs")
def test_a_killed_test_is_handed_in_as_it_stood(tmp_path: Path) -> None:
    take_then(tmp_path / "data", signal.SIGKILL)  # no chance to clean up: only what was stored counts
    with Store.open(tmp_path / "data") as store:
        assert store.query("SELECT handed_in FROM exams") == [(0,)]
    check_two_right(exported(tmp_path / "data", tmp_path / "stick"))
    with Store.open(tmp_path / "data") as store:
        assert store.query("SELECT handed_in FROM exams") == [(1,)]


@pytest.mark.skipif(os.name != "posix", reason="signals as on the classroom's Linux PCs")
@pytest.mark.parametrize("sig", ["SIGHUP", "SIGTERM"])
def test_closing_the_window_hands_the_test_in(tmp_path: Path, sig: str) -> None:
    take_then(tmp_path / "data", getattr(signal, sig), time_limit=600)
    with Store.open(tmp_path / "data") as store:
        assert store.query("SELECT handed_in, timed_out FROM exams") == [(1, 0)]  # handed in by the test itself
    check_two_right(exported(tmp_path / "data", tmp_path / "stick"))


def sitting(store: Store, *, limit: float | None, answers: int, clock: Clock) -> ExamSession:
    session = ExamSession(draw(deck(), 4, "s"), time_limit=limit, clock=clock)
    kept = storage.Sitting(store, "ann", session.so_far(seconds=0), now=clock())
    for _ in range(answers):
        clock.tick(30)
        position = session.index
        session.answer(session.current.card.answer, duration=30)
        kept.answered(position, session.item(position), session.elapsed(), now=clock())
    return session


def test_a_sitting_still_being_taken_is_left_alone_until_its_time_is_up(tmp_path: Path) -> None:
    clock = Clock()
    with Store.open(tmp_path) as store:
        sitting(store, limit=600, answers=1, clock=clock)  # this very process is taking it
        assert storage.hand_in_abandoned(store, now=T0 + dt.timedelta(minutes=5)) == 0
        assert storage.exams(store, "ann") == []
        assert storage.hand_in_abandoned(store, now=T0 + dt.timedelta(minutes=12)) == 1
        [exam] = storage.exams(store, "ann")
        assert exam.timed_out and exam.seconds == 600 and exam.score == 1


def test_an_abandoned_sitting_counts_time_to_its_last_answer_and_one_without_answers_is_dropped(
    tmp_path: Path,
) -> None:
    clock = Clock()
    with Store.open(tmp_path) as store:
        sitting(store, limit=None, answers=3, clock=clock)
        sitting(store, limit=None, answers=0, clock=clock)
        store.query("UPDATE exams SET pid = 999999999")  # its process is gone
        assert storage.hand_in_abandoned(store, now=T0 + dt.timedelta(minutes=5)) == 1
        [exam] = storage.exams(store, "ann")
        assert exam.score == 3 and exam.seconds == 90 and not exam.timed_out
        assert store.query("SELECT count(*) FROM exams") == [(1,)]
