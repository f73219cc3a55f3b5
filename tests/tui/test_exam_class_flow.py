"""A class on one shared PC: three students take the same test with `quiz exam`, export, the teacher reports.

The exam runs in the real app; only the terminal is replaced by Pilot, which
presses the keys each student would press.
"""

from __future__ import annotations

import asyncio
import csv
import socket
from pathlib import Path

import pytest
from exam_helpers import Clock, answer_current, wait_exam, wait_result
from waiting import at_most

from quiz.classroom import results
from quiz.cli import main
from quiz.deck.loader import load_deck
from quiz.deck.model import Choice, Deck, Option, TrueFalse, TypedAnswer
from quiz.deck.writer import dump
from quiz.engine.session import StudySession
from quiz.store import Store
from quiz.tui.exam_app import ExamApp

SEED = "class-7b"
# What each student knows: the cards they answer right (everything else they get wrong).
KNOWS = {
    "ann": {"paris", "rome", "madrid", "berlin", "dry", "faust"},
    "ben": {"paris", "rome", "madrid", "berlin"},
    "cat": {"paris", "dry"},
    "dan": {"paris", "rome"},
}


def capitals(version: str) -> Deck:
    choice = [
        ("paris", "France", "Paris", ("Lyon", "Nice")),
        ("rome", "Italy", "Rome", ("Milan", "Turin")),
        ("madrid", "Spain", "Madrid", ("Seville", "Bilbao")),
        ("berlin", "Germany", "Berlin", ("Bonn", "Munich")),
    ]
    cards = [
        Choice(id=i, question=f"Capital of {country}?", answer=a, distractors=tuple(Option(d) for d in ds))
        for i, country, a, ds in choice
    ]
    cards.append(TrueFalse(id="dry", statement="Water is dry.", answer=False))
    cards.append(TypedAnswer(id="faust", question="Who wrote Faust?", answer="Goethe"))
    return Deck(id="capitals", title="Capitals", version=version, cards=tuple(cards))


def sit(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> list[object]:
    """Make `ExamApp.run` take the test headless, as the app's `profile` would answer it."""
    records: list[object] = []

    async def take(app: ExamApp) -> None:
        app.clock, app.timer = clock, clock.timer  # the classroom's time, moved by the test
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await wait_exam(pilot)
            for _ in at_most(20, "at the end of the test"):
                if screen.session.current is None:
                    break
                clock.tick(12)
                card_id = screen.session.current.card.id
                await answer_current(pilot, screen, right=card_id in KNOWS[app.profile])
            await pilot.press("ctrl+s")
            await wait_result(pilot)
            records.append(app.record)
            await pilot.press("enter")

    monkeypatch.setattr(ExamApp, "run", lambda app, *a, **k: asyncio.run(take(app)))
    return records


def practise(data_dir: Path, profile: str, deck: Deck, clock: Clock, answers: int) -> None:
    with Store.open(data_dir) as store:
        session = StudySession(store, profile, [deck], clock=clock, seed=1)
        for _ in range(answers):
            presented = session.current
            assert presented is not None
            clock.tick(8)
            card = presented.card
            right = card.id in KNOWS[profile]
            if isinstance(card, Choice):
                session.submit(card.answer if right else card.distractors[0].text, duration=8)
            elif isinstance(card, TrueFalse):
                session.submit(card.answer == right, duration=8)
            else:
                session.submit(card.answer if right else "?", duration=8)


def test_three_students_take_the_same_test_export_and_the_teacher_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, usb, deck_file = tmp_path / "pc", tmp_path / "usb", tmp_path / "capitals.yaml"
    deck_file.write_text(dump(capitals("1")), encoding="utf-8")
    deck = load_deck(deck_file)
    clock = Clock()
    records = sit(monkeypatch, clock)

    for profile in ("ann", "ben", "cat"):
        code = main(["--data-dir", str(data), "--profile", profile, "exam", str(deck_file), "--questions", "6",
                     "--seed", SEED, "--time", "15m"])
        assert code == 0
        assert f"seed {SEED}" in capsys.readouterr().err
    practise(data, "ann", deck, clock, 6)
    practise(data, "ben", deck, clock, 4)

    # Same test for everyone: same questions, same order, same options.
    papers = {tuple((i.card_id, i.options) for i in r.items) for r in records}
    assert len(papers) == 1 and len(records) == 3
    assert [r.score for r in records] == [6, 4, 2]

    assert main(["--data-dir", str(data), "results", "export", "--out", str(usb)]) == 0
    exported = capsys.readouterr().out
    pc = socket.gethostname()
    pc_id = (data / "machine-id").read_text(encoding="ascii").strip()
    assert sorted(p.name for p in usb.iterdir()) == sorted(results.file_name(n, pc, pc_id) for n in ("ann", "ben", "cat"))
    assert "ann: 1 exam(s), 1 deck(s) practised" in exported and "cat: 1 exam(s), 0 deck(s) practised" in exported

    assert main(["report", str(usb), "--csv", str(tmp_path / "class.csv")]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert "Class report: 3 students, 1 test" in text
    assert "Capitals (deck capitals version 1, seed class-7b), 3 students" in text
    ann = next(line for line in lines if line.startswith("ann "))
    cat = next(line for line in lines if line.startswith("cat "))
    assert ann.split() == ["ann", "1", "6", "6", "100%", "1m", "12s", "-", "-", "-"]  # six questions x 12 s
    assert cat.split()[:5] == ["cat", "1", "2", "6", "33%"]
    # paris: everybody right -> facility 1.00, flagged easy, no discrimination
    paris = next(line for line in lines if " paris " in line)
    assert "1.00" in paris and "n/a" in paris and "easy" in paris
    # berlin: ann and ben right (rest scores 5 and 3), cat wrong (rest 2): facility 2/3
    berlin = next(line for line in lines if " berlin " in line)
    assert "0.67" in berlin and "Bonn x1, Munich x0" in berlin
    assert "Practice" in text and any(line.startswith("ann ") and "Capitals" in line for line in lines)  # by title
    rows = list(csv.reader((tmp_path / "class.csv").open(encoding="utf-8")))
    assert ["ann", "1", "6.0", "6", "100.0", "72.0", "no", "0", ""] in rows

    # A fourth student on another machine has version 2 of the deck; one file gets "corrected" by hand.
    deck_file.write_text(dump(capitals("2")), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "pc2"), "--profile", "dan", "exam", str(deck_file), "-n", "6",
                 "--seed", SEED]) == 0
    assert main(["--data-dir", str(tmp_path / "pc2"), "results", "export", "--out", str(usb)]) == 0
    cat_file = usb / results.file_name("cat", pc, pc_id)
    cat_file.write_text(cat_file.read_text(encoding="utf-8").replace('"score":0.0', '"score":1.0', 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(usb)]) == 1
    out = capsys.readouterr()
    assert f"{cat_file}: was edited after export" in out.out
    assert "version 1 (2 students), version 2 (1 student)" in out.out
    assert "Capitals (deck capitals version 2, seed class-7b), 1 student" in out.out
    assert "1 file could not be used" in out.err


def test_the_command_line_around_a_test_speaks_german_and_says_how_many_questions_it_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    deck_file = tmp_path / "capitals.yaml"
    deck_file.write_text(dump(capitals("1")), encoding="utf-8")
    available = len(load_deck(deck_file).cards)
    sit(monkeypatch, Clock())
    code = main(["--lang", "de", "--data-dir", str(tmp_path / "pc"), "--profile", "ann", "exam", str(deck_file),
                 "--questions", str(available + 1), "--seed", "s"])
    assert code == 0
    err = capsys.readouterr().err
    assert f"hat {available} Fragen für einen Test, nicht {available + 1}: der Test stellt alle {available}" in err
    assert "Test capitals Version 1, Seed s:" in err and "Punkten" in err
