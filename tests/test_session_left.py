"""What the study screen counts: cards left (new, learning, review) and a total that does not run away."""

from __future__ import annotations

from test_session import Clock, right, store, typed_deck, wrong  # noqa: F401  (store is a fixture)

from quiz.engine.session import RESPACE, CardsLeft, StudySession
from quiz.store import Store


def test_cards_left_count_new_learning_and_review_and_the_total_stays(store: Store) -> None:  # noqa: F811
    clock = Clock()
    deck = typed_deck(6)
    session = StudySession(store, "Ana", [deck], clock=clock, seed=1, fuzz=False)
    assert session.cards_left() == CardsLeft(new=6, learning=0, review=0, done=0, total=6)
    wrong(session, clock)  # c0 back in learning
    assert session.cards_left() == CardsLeft(new=5, learning=1, review=0, done=0, total=6)
    right(session, clock)
    left = session.cards_left()
    assert (left.new + left.learning + left.review, left.total) == (6, 6)
    seen = 0
    while session.current is not None and seen < 40:
        clock.tick(minutes=5)
        right(session, clock)
        seen += 1
        assert session.cards_left().total == 6  # cards, not answers: never grows
    assert session.cards_left() == CardsLeft(0, 0, 0, 6, 6)


def test_a_missed_card_waits_for_a_few_others_before_it_comes_back(store: Store) -> None:  # noqa: F811
    clock = Clock()
    deck = typed_deck(8)
    session = StudySession(store, "Ana", [deck], clock=clock, seed=1, fuzz=False)
    missed = session.current.key
    wrong(session, clock)
    clock.tick(minutes=30)  # its learning step is long over
    asked = []
    for _ in range(RESPACE):
        asked.append(session.current.key)
        right(session, clock)
    assert missed not in asked  # other cards were waiting: they came first
    assert session.current.key == missed
