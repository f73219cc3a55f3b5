import datetime as dt
import random
from pathlib import Path

import pytest

from quiz.deck.model import Choice, Deck, Flashcard, Option, Settings, TypedAnswer
from quiz.engine.keys import deck_index
from quiz.engine.presentation import present
from quiz.engine.rating import Rating
from quiz.engine.scheduler import LEECH_LAPSES, REVIEW
from quiz.engine.session import LEARN_AHEAD, StudySession
from quiz.store import Store

UTC = dt.UTC
pytestmark = pytest.mark.usefixtures("bogota_time")  # the clock starts at 09:00 UTC, 04:00 local: far from midnight


class Clock:
    def __init__(self, start: dt.datetime = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, **kw: float) -> None:
        self.now += dt.timedelta(**kw)


def typed_deck(n: int, deck_id: str = "geo", **settings: object) -> Deck:
    cards = tuple(TypedAnswer(id=f"c{i}", question=f"Q{i}?", answer=f"answer{i}") for i in range(n))
    return Deck(id=deck_id, title=deck_id, cards=cards, settings=Settings(**settings))  # type: ignore[arg-type]


def right(session: StudySession, clock: Clock, seconds: float = 5.0):
    presented = session.current
    assert presented is not None
    clock.tick(seconds=seconds)
    return session.submit(presented.card.answer, duration=seconds)  # type: ignore[union-attr]


def wrong(session: StudySession, clock: Clock):
    clock.tick(seconds=5)
    return session.submit("no idea", duration=5.0)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path) as s:
        yield s


def test_new_cards_within_daily_limit_and_progress(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(30, new_per_day=5)
    session = StudySession(store, "Ana", [deck], clock=clock, seed=1, fuzz=False)
    assert session.progress == (0, 5)
    assert session.current is not None and session.current.card.id == "c0"  # new cards in deck order
    seen = []
    while session.current is not None and session.current.key not in seen:
        seen.append(session.current.key)
        outcome = right(session, clock)
        assert outcome.rating in (Rating.GOOD, Rating.EASY, Rating.HARD)
        assert outcome.grade is not None and outcome.grade.correct
    assert seen == ["c0", "c1", "c2", "c3", "c4"]
    assert session.progress[0] == 5
    # a second session the same day gets no more new cards; the next day it does
    assert set(asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)) <= set(seen)
    clock.now = dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    tomorrow = set(asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock))
    assert tomorrow - set(seen) == {"c5", "c6", "c7", "c8", "c9"}


def asked(session: StudySession, clock: Clock) -> list[str]:
    """Keys asked, in order, when every card is answered Easy until the session ends."""
    keys = []
    while session.current is not None:
        keys.append(session.current.key)
        clock.tick(seconds=1)
        session.rate(Rating.EASY, duration=1)
    return keys


def test_due_reviews_come_before_new_cards_within_review_limit(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(12, new_per_day=6, reviews_per_day=2)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    for _ in range(6):
        clock.tick(seconds=1)
        session.rate(Rating.EASY, duration=1.0)  # straight to review
    assert session.current is None
    clock.tick(days=40)  # all six are due
    order = asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)
    assert len(order) == 2 + 6
    assert set(order[:2]) <= {f"c{i}" for i in range(6)}  # two reviews (the limit), then new ones
    assert order[2:] == [f"c{i}" for i in range(6, 12)]
    # the limit is per day: a new session the same day asks no more reviews, the next day it does
    assert asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock) == []
    lowered = Deck(id="geo", title="geo", cards=deck.cards, settings=Settings(new_per_day=6, reviews_per_day=1))
    assert asked(StudySession(store, "Ana", [lowered], clock=clock, fuzz=False), clock) == []  # already over it
    clock.tick(days=1)
    assert len(asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)) == 2


def test_learning_cards_come_back_when_due(store: Store) -> None:
    clock = Clock()
    steps = (dt.timedelta(minutes=1), dt.timedelta(minutes=10))
    deck = Deck(id="geo", title="geo", cards=typed_deck(3).cards, settings=Settings(learning_steps=steps))
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    first = wrong(session, clock)  # c0 -> again in 1 minute
    assert first.rating == Rating.AGAIN and first.next_due == clock.now + dt.timedelta(minutes=1)
    assert session.current is not None and session.current.key == "c1"
    assert session.progress == (1, 4)
    clock.tick(minutes=2)
    right(session, clock)  # c1; now c0 is due and comes before c2
    assert session.current is not None and session.current.key == "c0"
    right(session, clock, 5)  # c0 good -> next step 10 minutes
    assert session.current is not None and session.current.key == "c2"
    right(session, clock, 5)
    # nothing else left: a learning card due within LEARN_AHEAD is shown early
    assert session.current is not None and session.current.key in ("c0", "c1", "c2")
    while session.current is not None:
        right(session, clock)
    state = store.state("Ana", "geo", "c0")
    assert state is not None and state.state == REVIEW


def test_learning_card_too_far_ahead_ends_the_session(store: Store) -> None:
    clock = Clock()
    steps = (dt.timedelta(hours=1),)
    deck = Deck(id="geo", title="geo", cards=typed_deck(1).cards, settings=Settings(learning_steps=steps))
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    wrong(session, clock)
    assert session.current is None and session.progress == (1, 1)
    assert steps[0] > LEARN_AHEAD
    clock.tick(hours=1)
    later = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    assert later.current is not None and later.current.key == "c0"


def test_siblings_are_not_shown_on_the_same_day(store: Store) -> None:
    clock = Clock()
    cards = (
        Flashcard(id="m19", front="M-19", back="guerrilla", reverse=True),
        TypedAnswer(id="capital", question="Capital?", answer="Bogotá", fact="bogota"),
        TypedAnswer(id="city", question="Largest city?", answer="Bogotá", fact="bogota"),
        TypedAnswer(id="alone", question="?", answer="x"),
    )
    deck = Deck(id="co", title="co", cards=cards)
    shown = asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)
    assert shown == ["m19", "capital", "alone"]
    assert StudySession(store, "Ana", [deck], clock=clock).current is None  # same day: siblings wait
    clock.tick(days=1)
    tomorrow = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    assert tomorrow.current is not None and tomorrow.current.key == "m19::reverse" and tomorrow.current.reverse
    assert tomorrow.current.prompt == "guerrilla"
    assert asked(tomorrow, clock) == ["m19::reverse", "city"]


def test_a_side_answered_today_still_blocks_its_sibling_after_a_deck_edit(store: Store) -> None:
    clock = Clock()
    card = Flashcard(id="m19", front="M-19", back="guerrilla", reverse=True)
    both = Deck(id="co", title="co", cards=(card,))
    back_first = StudySession(store, "Ana", [both], clock=clock, only=[present(both, card, random.Random(0), reverse=True)])
    assert asked(back_first, clock) == ["m19::reverse"]
    front_only = Deck(id="co", title="co", cards=(Flashcard(id="m19", front="M-19", back="guerrilla"),))
    assert asked(StudySession(store, "Ana", [front_only], clock=clock), clock) == []
    clock.tick(days=1)
    assert asked(StudySession(store, "Ana", [front_only], clock=clock), clock) == ["m19"]


def test_undo_restores_card_store_and_progress(store: Store) -> None:
    clock = Clock()
    deck = Deck(id="geo", title="geo", cards=(
        Choice(id="ch", question="Pick", answer="a", distractors=(Option("b"), Option("c"))),
        *typed_deck(2).cards,
    ))
    session = StudySession(store, "Ana", [deck], clock=clock, seed=3, fuzz=False)
    assert session.undo() is False
    shown = session.current
    assert shown is not None and shown.key == "ch"
    wrong_choice = next(o for o in shown.options if o != "a")
    clock.tick(seconds=3)
    session.submit(wrong_choice, duration=3)
    assert store.answer_count("Ana") == 1 and session.progress == (1, 4)
    assert session.undo() is True
    assert session.current is shown  # same card, same option order
    assert session.progress == (0, 3)
    assert store.answer_count("Ana") == 0 and store.state("Ana", "geo", "ch") is None
    clock.tick(seconds=3)
    session.submit("a", duration=3)
    assert store.state("Ana", "geo", "ch") is not None
    assert session.summary().right == 1


def test_override_reschedules_the_last_answer(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(2)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    auto = wrong(session, clock)
    assert auto.rating == Rating.AGAIN and auto.auto_rating == Rating.AGAIN
    next_card = session.current
    changed = session.override(Rating.EASY)
    assert changed.rating == Rating.EASY and changed.auto_rating == Rating.AGAIN
    assert changed.next_due > auto.next_due + dt.timedelta(days=1)
    assert session.current is next_card  # the next card is not reshuffled
    state = store.state("Ana", "geo", "c0")
    assert state is not None and state.state == REVIEW and state.due == changed.next_due
    assert store.query("SELECT rating, auto_rating, correct FROM answers") == [(4, 1, 1)]
    assert session.progress == (1, 2)  # c0 no longer comes back today
    back = session.override(Rating.AGAIN)
    assert back.next_due == auto.next_due
    assert session.progress == (1, 3)
    assert store.answer_count("Ana") == 1


def test_leech_after_eight_lapses(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(1)
    outcome = None
    lapses = 0
    for _ in range(40):
        session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
        while session.current is not None:
            state = store.state("Ana", "geo", "c0")
            if state is not None and state.state == REVIEW:
                outcome = wrong(session, clock)
                lapses += 1
                assert outcome.leech == (lapses >= LEECH_LAPSES)
            else:
                clock.tick(minutes=15)
                outcome = right(session, clock)
        if lapses >= LEECH_LAPSES:
            break
        clock.tick(days=60)
    assert outcome is not None and outcome.leech
    assert store.deck_counts("Ana", deck, now=clock.now).leech == 1


def test_removed_cards_are_not_asked(store: Store) -> None:
    clock = Clock()
    full = typed_deck(3)
    session = StudySession(store, "Ana", [full], clock=clock, fuzz=False)
    while session.current is not None:
        clock.tick(seconds=1)
        session.rate(Rating.EASY, duration=1)
    clock.tick(days=100)
    smaller = Deck(id="geo", title="geo", cards=full.cards[:1])
    later = StudySession(store, "Ana", [smaller], clock=clock, fuzz=False)
    assert later.progress == (0, 1) and later.current is not None and later.current.key == "c0"
    assert store.state("Ana", "geo", "c2") is not None


def test_each_answer_is_committed_before_the_next_card(store: Store, tmp_path: Path) -> None:
    clock = Clock()
    session = StudySession(store, "Ana", [typed_deck(3)], clock=clock, fuzz=False)
    with Store.open(tmp_path) as other:
        for n in range(1, 4):
            right(session, clock)
            assert other.answer_count("Ana") == n


def test_summary_and_redrill(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(4, learning_steps=None)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    right(session, clock)
    wrong(session, clock)
    right(session, clock)
    wrong(session, clock)
    clock.tick(minutes=30)
    summary = session.summary()
    assert (summary.answered, summary.right) == (4, 2)
    assert summary.score == 0.5
    assert [p.key for p in summary.missed] == ["c1", "c3"]
    assert summary.elapsed == pytest.approx(20 + 30 * 60)
    assert summary.next_due is not None and summary.next_due <= clock.now
    drill = session.redrill()
    keys = []
    while drill.current is not None and drill.current.key not in keys:
        keys.append(drill.current.key)
        right(drill, clock)
    assert keys == ["c1", "c3"]
    assert store.answer_count("Ana") == 6


def test_several_decks_and_profiles(store: Store) -> None:
    clock = Clock()
    a, b = typed_deck(2, "a"), typed_deck(2, "b")
    session = StudySession(store, "Ana", [a, b], clock=clock, fuzz=False)
    assert session.current is not None and session.current.deck is a
    assert asked(session, clock) == ["c0", "c1", "c0", "c1"]
    assert store.answer_count("Ana", "a") == store.answer_count("Ana", "b") == 2
    ben = StudySession(store, "Ben", [a, b], clock=clock, fuzz=False)
    assert ben.progress == (0, 4)
    assert store.list_profiles() == ["Ana", "Ben"]


def test_flashcards_are_rated_not_graded(store: Store) -> None:
    clock = Clock()
    deck = Deck(id="f", title="f", cards=(Flashcard(id="f1", front="F", back="B"),))
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    with pytest.raises(TypeError):
        session.submit("B", duration=1)
    outcome = session.rate(Rating.HARD, duration=1)
    assert outcome.grade is None and outcome.auto_rating is None and outcome.rating == Rating.HARD
    assert session.current is not None  # hard keeps it in learning, shown again soon
    with pytest.raises(RuntimeError):
        StudySession(store, "Ana", [Deck(id="e", title="e", cards=())], clock=clock).rate(Rating.GOOD, duration=1)


def test_new_cards_are_found_again_after_deck_edits_and_undo(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(10, new_per_day=3)
    assert asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock) == ["c0", "c1", "c2"]
    clock.tick(days=1)
    first = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    for key in ("c3", "c4", "c5"):
        assert first.current is not None and first.current.key == key
        clock.tick(seconds=1)
        first.rate(Rating.GOOD, duration=1)
    # a session built the next day remembers that c0..c5 all have progress...
    clock.tick(days=1)
    StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    assert store.new_cursor("Ana", "geo", deck_index(deck).signature) == 6
    # ...until an answer to a new card is taken back
    assert first.undo() and first.current is not None
    undone = first.current.key
    assert store.new_cursor("Ana", "geo", deck_index(deck).signature) == int(undone[1:])
    clock.tick(days=1)
    assert undone in asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)
    # a card the teacher adds at the top of the deck is found although the deck's start is all known
    clock.tick(days=1)
    added = TypedAnswer(id="added", question="New?", answer="yes")
    edited = Deck(id="geo", title="geo", cards=(added, *deck.cards), settings=deck.settings)
    session = StudySession(store, "Ana", [edited], clock=clock, fuzz=False)
    assert "added" in asked(session, clock)


def test_the_seed_fixes_shuffles_and_fuzz(tmp_path: Path) -> None:
    deck = Deck(id="geo", title="geo", cards=(
        Choice(id="ch", question="Pick", answer="a", distractors=(Option("b"), Option("c"), Option("d"))),
        *typed_deck(6).cards,
    ))

    def run(where: Path) -> list[tuple[tuple[str, ...], dt.datetime]]:
        clock = Clock()
        with Store.open(where) as s:
            session = StudySession(s, "Ana", [deck], clock=clock, seed=11)
            seen = []
            while session.current is not None:
                options = session.current.options
                clock.tick(seconds=1)
                seen.append((options, session.rate(Rating.EASY, duration=1).next_due))
            return seen

    first, second = run(tmp_path / "one"), run(tmp_path / "two")
    assert first == second
    assert len({due - dt.timedelta(seconds=i) for i, (_, due) in enumerate(first)}) > 1  # easy cards spread out


def test_due_reviews_are_found_behind_many_removed_cards(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(30, new_per_day=30)
    assert len(asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)) == 30
    clock.tick(days=60)
    kept = Deck(id="geo", title="geo", cards=deck.cards[25:], settings=Settings(reviews_per_day=2))
    assert asked(StudySession(store, "Ana", [kept], clock=clock, fuzz=False), clock) == ["c25", "c26"]


def test_new_cards_of_a_big_deck_after_an_edit(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(800, new_per_day=600)
    assert len(asked(StudySession(store, "Ana", [deck], clock=clock, fuzz=False), clock)) == 600
    clock.tick(days=1)
    added = TypedAnswer(id="added", question="New?", answer="yes")
    edited = Deck(id="geo", title="geo", cards=(*deck.cards, added), settings=Settings(new_per_day=3))
    assert asked(StudySession(store, "Ana", [edited], clock=clock, fuzz=False), clock) == ["c600", "c601", "c602"]
    assert store.new_cursor("Ana", "geo", deck_index(edited).signature) == 600


def study_until_done(session: StudySession, clock: Clock) -> None:
    """Answer right, waiting out the learning steps, until the session has nothing left."""
    for _ in range(20):
        if session.current is None:
            break
        right(session, clock, seconds=2)
        clock.tick(minutes=11)


def test_nothing_left_today_points_to_tomorrow_when_new_cards_wait(store: Store) -> None:
    """Reviews may be days away, but unseen cards come back with the next day's new-card limit."""
    from quiz.engine.clock import next_local_day_start
    from quiz.engine.options import DEFAULT_ROLLOVER

    clock = Clock()
    deck = typed_deck(4, new_per_day=2)
    session = StudySession(store, "Ana", [deck], clock=clock, seed=1, fuzz=False)
    study_until_done(session, clock)
    assert session.current is None
    later = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    assert later.current is None
    tomorrow = next_local_day_start(clock.now, DEFAULT_ROLLOVER)
    assert later.summary().next_due == tomorrow
    assert store.next_due("Ana", deck) > tomorrow  # the reviews alone would say later


def test_nothing_left_and_no_new_cards_points_to_the_earliest_review(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(2, new_per_day=5)
    session = StudySession(store, "Ana", [deck], clock=clock, seed=1, fuzz=False)
    study_until_done(session, clock)
    later = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    assert later.current is None
    assert later.summary().next_due == store.next_due("Ana", deck)
