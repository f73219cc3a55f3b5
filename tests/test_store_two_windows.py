"""Two quiz windows on one data directory: a card answered in one is not asked again in the other,
and undo and re-rating never discard the other window's answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quiz.deck.model import Deck, TypedAnswer
from quiz.engine.rating import Rating
from quiz.engine.scheduler import LEARNING, RELEARNING
from quiz.engine.session import StudySession
from quiz.store import ChangedElsewhere, Store

pytestmark = pytest.mark.usefixtures("bogota_time")
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DECK = Deck(id="geo", title="Geo", cards=tuple(TypedAnswer(id=f"c{i}", question=f"Q{i}?", answer=f"a{i}") for i in range(3)))


def window(data: Path) -> tuple[Store, StudySession]:
    store = Store.open(data)
    return store, StudySession(store, "zed", [DECK], clock=lambda: T0, seed=1, fuzz=False)


def test_undo_in_one_window_keeps_a_later_answer_from_the_other(tmp_path: Path) -> None:
    store_a, a = window(tmp_path)
    store_b, b = window(tmp_path)
    try:
        assert a.current is not None and b.current is not None and a.current.key == b.current.key == "c0"
        a.submit("a0", duration=3.0)  # right in window A
        b.submit("wrong", duration=3.0)  # then wrong in window B, built on A's answer
        after_b = store_b.state("zed", "geo", "c0")
        assert after_b is not None and after_b.state in (LEARNING, RELEARNING) and after_b.reps == 2
        with pytest.raises(ChangedElsewhere, match="this card was answered again elsewhere; nothing undone"):
            a.undo()
        assert store_a.state("zed", "geo", "c0") == after_b  # B's answer still decides the schedule
        assert store_a.answer_count("zed") == 2
        assert a.progress[0] == 1 and a.current is not None and a.current.key != "c0"  # A's session unchanged
        with pytest.raises(ChangedElsewhere, match="the rating was not changed"):
            a.override(Rating.EASY)
        assert store_a.state("zed", "geo", "c0") == after_b
        assert b.undo()  # B takes its answer back: the card is where A left it, so A may undo now
        assert a.undo() and a.current is not None and a.current.key == "c0"
        assert store_a.state("zed", "geo", "c0") is None and store_a.answer_count("zed") == 0
    finally:
        store_a.close()
        store_b.close()


def test_undo_and_rerating_in_one_window_still_work(tmp_path: Path) -> None:
    store, session = window(tmp_path)
    with store:
        session.submit("a0", duration=3.0)
        session.override(Rating.AGAIN)
        session.override(Rating.GOOD)  # the amended answer is now the one the card's state must match
        assert session.undo()
        assert store.state("zed", "geo", "c0") is None and store.answer_count("zed") == 0


def asked(session: StudySession) -> list[str]:
    """The keys asked, answered right, until the session ends or comes back to a card (its learning step)."""
    keys: list[str] = []
    while session.current is not None and session.current.key not in keys:
        keys.append(session.current.key)
        session.submit(f"a{session.current.key[1:]}", duration=2.0)
    return keys


def test_cards_answered_in_one_window_are_skipped_in_the_other(tmp_path: Path) -> None:
    store_a, a = window(tmp_path)
    store_b, b = window(tmp_path)
    try:
        assert a.progress == b.progress == (0, 3)
        a.submit("a0", duration=2.0)
        a.submit("a1", duration=2.0)
        assert a.current is not None and a.current.key == "c2"
        # B still shows c0, answered in A while it was on screen: it is taken as given, then c1 is skipped
        assert asked(b) == ["c0", "c2"]
        assert store_b.state("zed", "geo", "c1") is not None and store_b.state("zed", "geo", "c1").reps == 1
        assert b.current is not None and b.current.key == "c2"  # B's own learning step, shown early
        a.submit("a2", duration=2.0)  # A's own screen still showed c2
        reps = {f"c{i}": store_a.state("zed", "geo", f"c{i}").reps for i in range(3)}  # type: ignore[union-attr]
        assert reps == {"c0": 2, "c1": 1, "c2": 2}
        assert store_a.answer_count("zed") == 5
    finally:
        store_a.close()
        store_b.close()


def test_a_learning_card_answered_in_one_window_is_not_asked_again_in_the_other(tmp_path: Path) -> None:
    clock = [T0]

    def session(store: Store) -> StudySession:
        return StudySession(store, "zed", [DECK], clock=lambda: clock[0], fuzz=False)

    with Store.open(tmp_path) as store_a, Store.open(tmp_path) as store_b:
        session(store_a).submit("a0", duration=2.0)  # c0 goes into its learning steps
        clock[0] += dt.timedelta(minutes=1)
        a, b = session(store_a), session(store_b)  # both: c1 and c2 now, c0 when its step is over
        assert a.current is not None and b.current is not None and a.current.key == b.current.key == "c1"
        a.submit("a1", duration=2.0)
        clock[0] += dt.timedelta(minutes=10)
        a.submit("a2", duration=2.0)
        assert a.current is not None and a.current.key == "c0"  # its step is over
        a.submit("a0", duration=2.0)
        c0 = store_a.state("zed", "geo", "c0")
        b.submit("a1", duration=2.0)  # B still showed c1; then c0 (due) and c2 were answered in A: skipped
        assert b.current is None
        assert store_b.state("zed", "geo", "c0") == c0
        assert store_b.query("SELECT card_key, count(*) FROM answers GROUP BY card_key ORDER BY card_key") == [
            ("c0", 2),
            ("c1", 2),
            ("c2", 1),
        ]


def test_an_answer_taken_back_in_one_window_is_asked_in_the_other(tmp_path: Path) -> None:
    store_a, a = window(tmp_path)
    store_b, b = window(tmp_path)
    try:
        a.submit("a0", duration=2.0)
        a.submit("a1", duration=2.0)
        assert a.undo()  # c1 is new again
        b.submit("a0", duration=2.0)
        assert b.current is not None and b.current.key == "c1"  # asked: nobody else answered it in the end
    finally:
        store_a.close()
        store_b.close()
