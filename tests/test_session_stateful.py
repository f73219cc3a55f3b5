"""Random answers, undos, overrides, restarts, day changes, re-drills and a second window against a plain
model of the schedule."""

import datetime as dt
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from quiz.deck.model import Deck, Flashcard, Settings, TypedAnswer
from quiz.engine.clock import learner_day
from quiz.engine.keys import deck_keys, sibling_group
from quiz.engine.options import DEFAULT_ROLLOVER
from quiz.engine.rating import Rating
from quiz.engine.scheduler import LEARNING, NEW, RELEARNING, REVIEW, CardState, new_state, review
from quiz.engine.session import StudySession
from quiz.store import ChangedElsewhere, Store

UTC = dt.UTC
NEW_PER_DAY, REVIEWS_PER_DAY = 2, 1
DECK = Deck(
    id="d",
    title="d",
    cards=(
        TypedAnswer(id="c2", question="q2", answer="two", fact="f"),
        TypedAnswer(id="c3", question="q3", answer="three", fact="f"),
        Flashcard(id="fl", front="front", back="back", reverse=True),
        TypedAnswer(id="c0", question="q0", answer="zero"),
        TypedAnswer(id="c1", question="q1", answer="one"),
        TypedAnswer(id="c4", question="q4", answer="four"),
        TypedAnswer(id="c5", question="q5", answer="five"),
    ),
    settings=Settings(new_per_day=NEW_PER_DAY, reviews_per_day=REVIEWS_PER_DAY),
)
# the same deck after an edit: c1 removed, the flashcard no longer asked back to front
SMALLER = Deck(
    id="d",
    title="d",
    cards=tuple(
        Flashcard(id="fl", front="front", back="back") if card.id == "fl" else card
        for card in DECK.cards
        if card.id != "c1"
    ),
    settings=DECK.settings,
)
KEYS = ("c0", "c1", "c2", "c3", "c4", "c5", "fl", "fl::reverse")
GROUP = {key: sibling_group(DECK.card(key.split("::")[0])) for key in KEYS}
ratings = st.sampled_from(list(Rating))


class StudyModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        self.store = Store.open(self.dir)
        self.states: dict[str, CardState] = {}
        self.log: list[tuple[str, dt.date, int, bool]] = []  # key, learner's day, state before, re-drill
        # key, state before, when, rating, and whether another window answered the card since
        self.undo_stack: list[tuple[str, CardState | None, dt.datetime, Rating, bool]] = []
        self.drilling = False
        self.elsewhere: set[str] = set()  # cards answered in the other window since this session last saw them
        self.deck = DECK
        self.session = self._session()

    def _session(self) -> StudySession:
        self.undo_stack = []
        self.drilling = False
        self.elsewhere = set()
        return StudySession(self.store, "p", [self.deck], clock=lambda: self.now, seed=0, fuzz=False)

    def _shows_nothing_answered_elsewhere(self) -> None:
        current = self.session.current
        assert current is None or current.key not in self.elsewhere, (current.key, self.elsewhere)

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir)

    # -- rules -----------------------------------------------------------

    @precondition(lambda self: self.session.current is not None)
    @rule(rating=ratings, correct=st.booleans(), seconds=st.integers(1, 600))
    def answer(self, rating: Rating, correct: bool, seconds: int) -> None:
        presented = self.session.current
        assert presented is not None
        self.now += dt.timedelta(seconds=seconds)
        if isinstance(presented.card, TypedAnswer):
            outcome = self.session.submit(presented.card.answer if correct else "wrong", duration=5)
            assert (outcome.rating == Rating.AGAIN) == (not correct)
            rating = outcome.rating
        else:
            outcome = self.session.rate(rating, duration=5)
        key = presented.key
        assert key in deck_keys(self.deck)
        before = self.states.get(key)
        if self.drilling:  # practice: the schedule stays as it was
            assert before is not None and outcome.next_due == before.due
        else:
            expected = review(before or new_state(self.now), rating, self.now, DECK.settings)
            assert outcome.next_due == expected.due
            self.states[key] = expected
        self.log.append((key, learner_day(self.now, DEFAULT_ROLLOVER), NEW if before is None else before.state, self.drilling))
        self.undo_stack.append((key, before, self.now, rating, False))
        self.elsewhere.discard(key)
        self._shows_nothing_answered_elsewhere()

    @rule()
    def undo(self) -> None:
        if self.undo_stack and self.undo_stack[-1][4] and not self.drilling:
            shown = self.session.current
            with pytest.raises(ChangedElsewhere):
                self.session.undo()
            assert self.session.current is shown
            return
        undone = self.session.undo()
        assert undone == bool(self.undo_stack)
        if undone:
            key, before, when, _, _ = self.undo_stack.pop()
            # the other window's answers since stay in the log
            self.log.remove((key, learner_day(when, DEFAULT_ROLLOVER), NEW if before is None else before.state, self.drilling))
            if self.drilling:
                pass
            elif before is None:
                del self.states[key]
            else:
                self.states[key] = before
            assert self.session.current is not None and self.session.current.key == key

    @precondition(lambda self: bool(self.undo_stack))
    @rule(rating=ratings)
    def override(self, rating: Rating) -> None:
        key, before, when, _, stale = self.undo_stack[-1]
        if stale and not self.drilling:
            with pytest.raises(ChangedElsewhere):
                self.session.override(rating)
            return
        outcome = self.session.override(rating)
        assert outcome.rating == rating
        if self.drilling:  # the schedule is untouched: due as stored, even after another window's answer
            assert before is not None and outcome.next_due == self.states[key].due
        else:
            expected = review(before or new_state(when), rating, when, DECK.settings)
            assert outcome.next_due == expected.due
            self.states[key] = expected
        self.undo_stack[-1] = (key, before, when, rating, stale)
        self._shows_nothing_answered_elsewhere()

    @rule()
    def redrill(self) -> None:
        missed = list(dict.fromkeys(key for key, _, _, rating, _ in self.undo_stack if rating == Rating.AGAIN))
        self.session = self.session.redrill()
        self.undo_stack = []
        self.drilling = True
        self.elsewhere = set()
        current = self.session.current
        assert (current.key if current is not None else None) == (missed[0] if missed else None)
        assert self.session.progress == (0, len(missed))

    @rule(rating=ratings)
    def answer_in_another_window(self, rating: Rating) -> None:
        """A second quiz window opens on the same data, answers its first card and closes."""
        with Store.open(self.dir) as store:
            other = StudySession(store, "p", [self.deck], clock=lambda: self.now, seed=0, fuzz=False)
            presented = other.current
            shown = self.session.current
            if presented is None or (shown is not None and shown.key == presented.key):
                return  # both windows showing one card: both answers count, as they were both given
            outcome = other.rate(rating, duration=5)
        key = presented.key
        before = self.states.get(key)
        expected = review(before or new_state(self.now), outcome.rating, self.now, DECK.settings)
        assert outcome.next_due == expected.due
        self.states[key] = expected
        self.log.append((key, learner_day(self.now, DEFAULT_ROLLOVER), NEW if before is None else before.state, False))
        self.undo_stack = [(k, b, w, r, stale or k == key) for k, b, w, r, stale in self.undo_stack]
        self.elsewhere.add(key)

    @rule()
    def restart(self) -> None:
        self.store.close()
        self.store = Store.open(self.dir)
        self.session = self._session()

    @rule(hours=st.integers(1, 24 * 20))
    def later(self, hours: int) -> None:
        self.now += dt.timedelta(hours=hours)
        self.session = self._session()

    @rule()
    def edit_deck(self) -> None:
        self.deck = SMALLER if self.deck is DECK else DECK
        self.session = self._session()

    @rule(minutes=st.integers(1, 30))
    def wait(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)

    # -- invariants ------------------------------------------------------

    @invariant()
    def store_matches_model(self) -> None:
        for key in KEYS:
            assert self.store.state("p", "d", key) == self.states.get(key)
        assert self.store.answer_count("p") == len(self.log)

    @invariant()
    def counts_match_model(self) -> None:
        keys = deck_keys(self.deck)
        counts = self.store.deck_counts("p", self.deck, now=self.now)
        present = [s for key, s in self.states.items() if key in keys]
        states = Counter(s.state for s in present)
        assert counts.new == len(keys) - len(present)
        assert counts.learning == states[LEARNING] + states[RELEARNING]
        assert counts.review == states[REVIEW]
        assert counts.due_now == sum(1 for s in present if s.due <= self.now)
        assert counts.next_due == min((s.due for s in present), default=None)

    @invariant()
    def daily_rules_hold(self) -> None:
        new_per_day = Counter(day for _, day, prev, drill in self.log if prev == NEW and not drill)
        reviews = Counter(day for _, day, prev, drill in self.log if prev == REVIEW and not drill)
        assert max(new_per_day.values(), default=0) <= NEW_PER_DAY
        assert max(reviews.values(), default=0) <= REVIEWS_PER_DAY
        keys_by_group_day: dict[tuple[str, dt.date], set[str]] = {}
        for key, day, _, drill in self.log:
            if not drill:  # a re-drill asks again what the learner missed, whatever the day
                keys_by_group_day.setdefault((GROUP[key], day), set()).add(key)
        assert all(len(keys) == 1 for keys in keys_by_group_day.values()), keys_by_group_day

    @invariant()
    def progress_counts_this_session(self) -> None:
        answered, total = self.session.progress
        assert answered == len(self.undo_stack)
        assert total >= answered + (self.session.current is not None)


StudyModel.TestCase.settings = settings(max_examples=80, stateful_step_count=40, deadline=None)
TestStudyModel = StudyModel.TestCase
