"""Two quiz windows on one data directory: undo and re-rating never discard the other window's answer."""

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
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
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
