"""A study session: which card to ask now, and what happens when it is answered.

The queue follows Anki's habits. Cards due today come first (learning cards
whenever their short step is over, then reviews, earliest first, at most
`reviews_per_day` a day), then new cards in deck order (at most
`new_per_day` a day); both limits count per profile and deck per local day.
A card answered into a learning step comes back in the same session when
due; when nothing else is left, one due within `LEARN_AHEAD` is shown early.
Siblings (cards sharing a `fact`, the two sides of a reversed flashcard) are
not asked on the same day.

Every answer is committed to the store before the next card is shown; undo
and rating overrides rewrite the store in one transaction too.

Two windows on one profile build their queues from the same store: before a
card is shown, its stored schedule is read again (one primary-key lookup), and
a card answered in the other window since the queue was built is skipped.

A re-drill (`redrill`) asks a session's misses again, right after their
answers were shown: its answers are kept as practice but leave every card's
schedule as it was, since recalling an answer seen a minute ago says nothing
about memory. A card missed in the re-drill comes back at its end.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from quiz.deck.datarecord import datarecord
from quiz.deck.model import DEFAULT_SETTINGS, Card, Deck

from .clock import local_day_start, next_local_day_start, require_utc, utc_now
from .keys import DeckIndex, Entry, Side, deck_index, sibling_group
from .options import LearnerOptions
from .presentation import REVERSE_SUFFIX, Presented, present
from .progress import Answer, Progress
from .rating import Rating, auto_rating
from .scheduler import LEARNING, RELEARNING, REVIEW, CardState, new_state, outcomes, review

if TYPE_CHECKING:
    from .grading import Grade

LEARN_AHEAD = dt.timedelta(minutes=20)
"""When only learning cards are left, one due this soon is shown rather than ending the session."""
_SLACK = 20
"""Extra due cards fetched beyond the daily room, for those skipped as siblings or removed from the deck."""
_NEW_BATCH = 500
"""Deck keys checked per query when looking for new cards."""


@datarecord
class Outcome:
    """What became of one answer."""

    presented: Presented
    grade: Grade | None
    rating: Rating
    auto_rating: Rating | None
    next_due: dt.datetime
    leech: bool
    response: object = None  # what the learner answered (None for a self-rated flashcard)
    duration: float = 0.0  # seconds taken to answer
    hint_used: bool = False
    first_try: Rating | None = None
    """The verdict of an attempt taken back with undo, when it kept this answer's rating down (see `submit`)."""


@datarecord
class SessionSummary:
    """A session at its end: answers, right ones, mean score (0..1), seconds, cards missed, next due."""

    answered: int
    right: int
    score: float
    elapsed: float
    missed: tuple[Presented, ...]
    next_due: dt.datetime | None


RESPACE = 2
"""A card just answered (a miss back in learning) waits until this many other cards were asked, if any are waiting."""


class CardsLeft(NamedTuple):
    """The cards still to ask in the session, as Anki counts them, and the session's cards done and in all.

    `total` counts cards, not answers: a card that comes back in learning is
    still one card, so the total does not grow as the session goes on.
    """

    new: int
    learning: int
    review: int
    done: int
    total: int


class Preview(NamedTuple):
    """When a card would be due after each rating, answered at `at`."""

    at: dt.datetime
    dues: dict[Rating, dt.datetime]


class _Item:
    """One askable side of a card in the queue; its card is read when first needed (a big deck's queue holds thousands)."""

    __slots__ = ("deck", "key", "reverse", "group", "position", "_card")

    def __init__(self, deck: Deck, key: str, reverse: bool, group: tuple[str, str], position: int, card: Card | None):
        self.deck, self.key, self.reverse, self.group, self.position, self._card = deck, key, reverse, group, position, card

    @property
    def card(self) -> Card:
        if self._card is None:
            self._card = deck_index(self.deck).entry(self.position).card
        return self._card


class _Pending(NamedTuple):
    """A learning card waiting for its step to end; ordered by when, then by when it was queued (`seq` is unique)."""

    due: dt.datetime
    seq: int
    item: _Item


@datarecord(frozen=False)
class _Step:
    """An answer given in this session, with what undo and override need to take it back."""

    answer_id: int
    answer: Answer
    outcome: Outcome
    item: _Item
    queue: list[_Item]
    learning: list[_Pending]


def _first_missing(keys: Sequence[str], known: set[str]) -> int:
    """Position of the first key not in `known` (len(keys) if none), scanned at C speed."""
    missing = map(operator.not_, map(known.__contains__, keys))
    return next(itertools.compress(itertools.count(), missing), len(keys))


def _item(deck: Deck, entry: Entry) -> _Item:
    return _Item(deck, entry.key, entry.reverse, (deck.id, sibling_group(entry.card)), entry.position, entry.card)


def _side_item(deck: Deck, side: Side) -> _Item:
    return _Item(deck, side.key, side.key != side.card_id, (deck.id, side.group), side.position, None)


class StudySession:
    """Study `decks` as `profile`.

    `clock` returns the UTC-aware now (tests pass a fake one); `seed` fixes
    option shuffling; review intervals are spread by fuzz (seeded by card
    and repetition, see `quiz.engine.fuzz`) unless `fuzz=False`; `only` asks just these cards, now; `drill` makes
    the answers re-drill practice that leaves the schedule alone (see `redrill`).
    """

    def __init__(
        self,
        store: Progress,
        profile: str,
        decks: Sequence[Deck],
        *,
        clock: Callable[[], dt.datetime] | None = None,
        seed: int | None = None,
        fuzz: bool = True,
        only: Sequence[Presented] | None = None,
        drill: bool = False,
    ):
        self._store = store
        self._profile = profile
        self._decks = tuple(decks)
        self._clock = clock or utc_now
        self._seed = seed
        self._rng = random.Random(seed)
        self._fuzz = fuzz
        self._drill = drill
        self._expected: dict[tuple[str, str], dt.datetime | None] = {}  # (deck id, key) -> due as last seen, None: new
        self._seq = itertools.count()
        self._queue: list[_Item] = []
        self._learning: list[_Pending] = []
        self._history: list[_Step] = []
        self._first_tries: dict[str, Rating] = {}
        """Cards answered, then taken back with undo: the verdict of the first try (see `submit`)."""
        self._current: Presented | None = None
        self._current_item: _Item | None = None
        self._current_learning = False  # the card on screen came from the learning steps
        self._started = self._now()
        store.profile_id(profile)
        self._options = store.learner_options(profile)
        self._rollover = self._options.rollover
        if only is None:
            self._build_queue()
        else:
            self._queue = [_item(p.deck, e) for p in only if (e := deck_index(p.deck).get(p.key)) is not None]
            for item in self._queue:
                stored = store.state(profile, item.deck.id, item.key)
                self._expect(item, None if stored is None else stored.due)
        self._advance()

    # -- queue -----------------------------------------------------------

    def _now(self) -> dt.datetime:
        return require_utc(self._clock())

    def _build_queue(self) -> None:
        now = self._now()
        day_start, day_end = local_day_start(now, self._rollover), next_local_day_start(now, self._rollover)
        reviews: list[tuple[dt.datetime, _Item]] = []
        new: list[_Item] = []
        for deck in self._decks:
            limits = deck.settings.merged_over(DEFAULT_SETTINGS)
            assert limits.new_per_day is not None and limits.reviews_per_day is not None
            index = deck_index(deck)
            today = self._store.day_activity(self._profile, deck.id, day_start)
            taken: dict[tuple[str, str], str] = {}  # sibling group -> the one key that may be asked today
            answered = index.sides_of([*today.keys, *(key.removesuffix(REVERSE_SUFFIX) for key in today.keys)])
            for key in today.keys:
                # a side answered today blocks its siblings even if the deck no longer asks it reversed
                if (side := answered.get(key) or answered.get(key.removesuffix(REVERSE_SUFFIX))) is not None:
                    taken.setdefault((deck.id, side.group), key)

            def allowed(item: _Item, taken: dict[tuple[str, str], str] = taken) -> bool:
                return taken.setdefault(item.group, item.key) == item.key

            for item, due in self._due(deck, index, day_end, (LEARNING, RELEARNING), None, allowed):
                self._learning.append(_Pending(due, next(self._seq), item))
                self._expect(item, due)
            for item, due in self._due(deck, index, day_end, (REVIEW,), limits.reviews_per_day - today.reviews, allowed):
                reviews.append((due, item))
                self._expect(item, due)
            for item in self._new_cards(deck, index, limits.new_per_day - today.new, allowed):
                new.append(item)
                self._expect(item, None)
        reviews.sort(key=lambda pair: pair[0])
        self._queue = [item for _, item in reviews] + new
        self._learning.sort()

    def _due(
        self,
        deck: Deck,
        index: DeckIndex,
        before: dt.datetime,
        states: tuple[int, ...],
        room: int | None,
        allowed: Callable[[_Item], bool],
    ) -> list[tuple[_Item, dt.datetime]]:
        """Up to `room` (None: all) cards of the deck in `states` due before `before`, earliest first."""
        out: list[tuple[_Item, dt.datetime]] = []
        offset = 0
        while room is None or len(out) < room:
            limit = -1 if room is None else room - len(out) + _SLACK
            rows = self._store.due(self._profile, deck.id, before, states=states, limit=limit, offset=offset)
            sides = index.sides_of([key for key, _ in rows])
            for key, due in rows:
                side = sides.get(key)
                if side is None:
                    continue  # removed from the deck: history kept, not asked
                item = _side_item(deck, side)
                if allowed(item):
                    out.append((item, due))
                    if len(out) == room:
                        break
            if room is None or len(rows) < limit:
                break
            offset += len(rows)
        return out

    def _new_cards(self, deck: Deck, index: DeckIndex, room: int, allowed: Callable[[_Item], bool]) -> list[_Item]:
        """The first `room` cards of the deck, in deck order, that this learner never answered.

        The store remembers how far from the start of the deck every card has
        progress, so a big deck studied for months is not read key by key.
        """
        if room <= 0:
            return []
        stored = self._store.new_cursor(self._profile, deck.id, index.signature)
        start = stored
        if start == 0 and len(index) > _NEW_BATCH:  # no cursor yet on a big deck: one read finds where to start
            known = self._store.known_keys(self._profile, deck.id)
            start = _first_missing(index.keys, known)
        first_unknown: int | None = None
        out: list[_Item] = []
        pos = start
        while pos < len(index) and len(out) < room:
            batch = index.keys[pos : pos + _NEW_BATCH]
            known = self._store.known_among(self._profile, deck.id, batch)
            for offset, key in enumerate(batch):
                if key in known:
                    continue
                if first_unknown is None:
                    first_unknown = pos + offset
                item = _item(deck, index.entry(pos + offset))
                if allowed(item):
                    out.append(item)
                    if len(out) == room:
                        break
            pos += len(batch)
        cursor = pos if first_unknown is None else first_unknown
        if cursor != stored:
            self._store.set_new_cursor(self._profile, deck.id, index.signature, cursor)
        return out

    def _expect(self, item: _Item, due: dt.datetime | None) -> None:
        """Note the card's stored due time as this session left it (None: no progress)."""
        self._expected[(item.deck.id, item.key)] = due

    def _answered_elsewhere(self, item: _Item) -> bool:
        """Whether the card's stored schedule changed since this session last saw it: another window answered it.

        Any answer gives a card a new due time, and undoing it elsewhere puts the old one back.
        """
        stored = self._store.state(self._profile, item.deck.id, item.key)
        return (None if stored is None else stored.due) != self._expected.get((item.deck.id, item.key))

    def _just_asked(self, item: _Item) -> bool:
        """Whether `item` was among the last few answers: a miss is not asked again right away."""
        return any(step.item.key == item.key and step.item.deck is item.deck for step in self._history[-RESPACE:])

    def _next_item(self) -> _Item | None:
        now = self._now()
        self._current_learning = True
        waiting = self._learning and self._learning[0].due <= now
        if waiting and not (self._queue and self._just_asked(self._learning[0].item)):
            return self._learning.pop(0).item
        if self._queue:
            self._current_learning = False
            return self._queue.pop(0)
        if self._learning and self._learning[0].due <= now + LEARN_AHEAD:
            return self._learning.pop(0).item
        return None

    def _advance(self, *, reuse: Presented | None = None) -> None:
        """Pick the card to show now; `reuse` keeps its option order if it is picked again.

        A card answered in another window since is dropped: that window asked it already.
        """
        item = self._next_item()
        while item is not None and self._answered_elsewhere(item):
            item = self._next_item()
        if item is None:
            self._current = self._current_item = None
            return
        self._current_item = item
        if reuse is not None and reuse.key == item.key and reuse.deck is item.deck:
            self._current = reuse
        else:
            self._current = present(item.deck, item.card, self._rng, reverse=item.reverse)

    # -- public view -----------------------------------------------------

    @property
    def current(self) -> Presented | None:
        """The card to show now; None when the session is over."""
        return self._current

    def cards_left(self) -> CardsLeft:
        """New, learning and review cards still to ask (the one on screen included), and the cards done of all."""
        new = review = 0
        pending = [*self._queue]
        for item in pending:
            if self._expected.get((item.deck.id, item.key)) is None:
                new += 1
            else:
                review += 1
        learning = len(self._learning)
        current = self._current_item
        if current is not None:
            if self._current_learning:
                learning += 1
            elif self._expected.get((current.deck.id, current.key)) is None:
                new += 1
            else:
                review += 1
        waiting = {(i.deck.id, i.key) for i in pending} | {(p.item.deck.id, p.item.key) for p in self._learning}
        if current is not None:
            waiting.add((current.deck.id, current.key))
        answered = {(step.item.deck.id, step.item.key) for step in self._history}
        return CardsLeft(new, learning, review, len(answered - waiting), len(answered | waiting))

    @property
    def progress(self) -> tuple[int, int]:
        """(answered, answered + still to ask, counting the current card)."""
        answered = len(self._history)
        if self._current is None:
            return answered, answered
        return answered, answered + 1 + len(self._queue) + len(self._learning)

    @property
    def profile(self) -> str:
        return self._profile

    @property
    def decks(self) -> tuple[Deck, ...]:
        return self._decks

    @property
    def drill(self) -> bool:
        """Whether this is a re-drill: practice that leaves the schedule alone (see `redrill`)."""
        return self._drill

    # -- answering -------------------------------------------------------

    def submit(self, response: object, *, duration: float, hint_used: bool = False) -> Outcome:
        """Grade the response to the current card, record it and move on.

        An answer taken back with undo keeps its verdict: answering again cannot
        rate the card better than the first try did (a wrong answer undone and
        then answered right is still Again), as Anki keeps counting the lapse.
        The learner may still change the rating by hand.
        """
        item = self._require_current()
        assert self._current is not None
        result = self._current.grade(response)
        rating = auto_rating(result, duration=duration, hint_used=hint_used)
        first = self._first_tries.pop(item.key, None)
        kept_down = first is not None and first < rating
        if kept_down:
            assert first is not None
            rating = first
        outcome = self._answer(rating, auto=rating, result=result, duration=duration, hint_used=hint_used)
        outcome = replace(outcome, response=response, duration=duration, first_try=first if kept_down else None)
        self._history[-1].outcome = outcome
        return outcome

    def rate(self, rating: Rating, *, duration: float) -> Outcome:
        """Self-rate the current card (flashcards)."""
        self._require_current()
        return self._answer(Rating(rating), auto=None, result=None, duration=duration, hint_used=False)

    def _require_current(self) -> _Item:
        if self._current_item is None:
            raise RuntimeError("the session is over: there is no current card")
        return self._current_item

    def _answer(
        self, rating: Rating, *, auto: Rating | None, result: Grade | None, duration: float, hint_used: bool
    ) -> Outcome:
        item = self._require_current()
        presented = self._current
        assert presented is not None
        now = self._now()
        before = self._store.state(self._profile, item.deck.id, item.key) or new_state(now)
        answer = self._make_answer(item, before, rating, auto, result, now, duration, hint_used)
        answer_id = self._store.record(answer)
        if not self._drill:
            self._expect(item, answer.after.due)
        outcome = Outcome(presented, result, rating, auto, answer.after.due, answer.after.leech)
        step = _Step(answer_id, answer, outcome, item, list(self._queue), list(self._learning))
        self._history.append(step)
        self._schedule_in_session(item, answer, now)
        self._advance()
        return outcome

    def _make_answer(
        self,
        item: _Item,
        before: CardState,
        rating: Rating,
        auto: Rating | None,
        result: Grade | None,
        now: dt.datetime,
        duration: float,
        hint_used: bool,
    ) -> Answer:
        if self._drill:
            after = before
        else:
            settings = item.deck.settings_for(item.card)
            after = review(before, rating, now, settings, options=self._options, fuzz=self._fuzz_seed(item))
        if result is None or rating != auto:
            correct = rating != Rating.AGAIN
            score = float(correct) if result is None or correct != result.correct else result.score
        else:
            correct, score = result.correct, result.score
        return Answer(
            profile=self._profile,
            deck_id=item.deck.id,
            card_key=item.key,
            time=now,
            given=None if result is None else result.given,
            correct=correct,
            score=score,
            rating=int(rating),
            auto_rating=None if auto is None else int(auto),
            duration=float(duration),
            hint_used=hint_used,
            before=before,
            after=after,
            drill=self._drill,
        )

    def _fuzz_seed(self, item: _Item) -> str | None:
        """What names this learner's card for fuzz (None: no fuzz)."""
        return f"{self._profile}\x00{item.deck.id}\x00{item.key}" if self._fuzz else None

    def preview(self) -> Preview:
        """When the current card would be due after each rating, if answered now (the rating buttons show it)."""
        item = self._require_current()
        now = self._now()
        before = self._store.state(self._profile, item.deck.id, item.key) or new_state(now)
        return self._dues(item, before, now)

    def preview_last(self) -> Preview:
        """When the last answer's card would be due had it been given each rating (see `override`)."""
        if not self._history:
            raise RuntimeError("there is no answer to preview")
        step = self._history[-1]
        return self._dues(step.item, step.answer.before, step.answer.time)

    def _dues(self, item: _Item, before: CardState, now: dt.datetime) -> Preview:
        if self._drill:  # practice leaves the schedule alone
            stored = self._store.state(self._profile, item.deck.id, item.key)
            return Preview(now, dict.fromkeys(Rating, (stored or before).due))
        states = outcomes(before, now, item.deck.settings_for(item.card), options=self._options, fuzz=self._fuzz_seed(item))
        return Preview(now, {rating: state.due for rating, state in states.items()})

    @property
    def now(self) -> dt.datetime:
        """The session's clock now."""
        return self._now()

    @property
    def options(self) -> LearnerOptions:
        """The learner's scheduling options this session uses (day start, retention, parameters)."""
        return self._options

    def _schedule_in_session(self, item: _Item, answer: Answer, now: dt.datetime) -> None:
        """A card still in learning comes back today, when its step is over; in a re-drill, a miss comes back last."""
        if self._drill:
            if answer.rating == Rating.AGAIN:
                self._queue.append(item)
        elif answer.after.in_learning and answer.after.due < next_local_day_start(now, self._rollover):
            bisect.insort(self._learning, _Pending(answer.after.due, next(self._seq), item))

    def override(self, rating: Rating) -> Outcome:
        """Change the rating of the last answer; it is re-scheduled as if given that rating.

        Refused like `undo` (`ChangedElsewhere`) when the card was answered since elsewhere.
        """
        if not self._history:
            raise RuntimeError("there is no answer to override")
        step = self._history[-1]
        old = step.answer
        result = step.outcome.grade
        answer = self._make_answer(
            step.item, old.before, Rating(rating), step.outcome.auto_rating, result, old.time, old.duration, old.hint_used
        )
        self._store.amend(step.answer_id, answer)
        next_due = answer.after.due
        if not self._drill:
            self._expect(step.item, answer.after.due)
        else:  # the schedule is left alone: the card is due as stored, which another window may have changed since
            stored = self._store.state(self._profile, step.item.deck.id, step.item.key)
            next_due = next_due if stored is None else stored.due
        outcome = replace(step.outcome, rating=Rating(rating), next_due=next_due, leech=answer.after.leech)
        step.answer, step.outcome = answer, outcome
        shown = self._current
        self._queue, self._learning = list(step.queue), list(step.learning)
        self._schedule_in_session(step.item, answer, old.time)
        self._advance(reuse=shown)
        return outcome

    def undo(self) -> bool:
        """Take back the last answer of this session; its card becomes current again.

        Raises `ChangedElsewhere`, changing nothing, when the card was answered
        since in another window on the same data: its later answer is kept.
        """
        if not self._history:
            return False
        step = self._history[-1]
        index = deck_index(step.item.deck)
        entry = index.get(step.item.key)
        assert entry is not None, "an answered card is one of its deck's keys"
        self._store.undo(step.answer_id, step.answer, new_cursor=(index.signature, entry.position))
        if not self._drill:
            self._expect(step.item, None if step.answer.before.is_new else step.answer.before.due)
        self._history.pop()
        if step.outcome.auto_rating is not None:  # the first try's verdict outlives the undo (see `submit`)
            self._first_tries.setdefault(step.item.key, step.outcome.auto_rating)
        self._queue, self._learning = step.queue, step.learning
        self._current, self._current_item = step.outcome.presented, step.item
        return True

    # -- the end ---------------------------------------------------------

    def summary(self) -> SessionSummary:
        outcomes = [step.outcome for step in self._history]
        answers = [step.answer for step in self._history]
        missed: dict[str, Presented] = {}
        for outcome in outcomes:
            if outcome.rating == Rating.AGAIN:
                missed.setdefault(outcome.presented.key, outcome.presented)
        now = self._now()
        return SessionSummary(
            answered=len(answers),
            right=sum(1 for a in answers if a.correct),
            score=sum(a.score for a in answers) / len(answers) if answers else 0.0,
            elapsed=(now - self._started).total_seconds(),
            missed=tuple(missed.values()),
            next_due=self._next_due(now),
        )

    def _next_due(self, now: dt.datetime) -> dt.datetime | None:
        """When there is something to study again: the earliest due card, or tomorrow's new cards."""
        dues = [due for deck in self._decks if (due := self._store.next_due(self._profile, deck)) is not None]
        if self._current is None and any(self._store.deck_counts(self._profile, deck, now=now).new for deck in self._decks):
            dues.append(next_local_day_start(now, self._rollover))  # unseen cards wait for the next day's new-card limit
        if not dues:
            return None
        earliest = min(dues)
        if earliest <= now and self._current is None:
            return next_local_day_start(now, self._rollover)  # due, but today's limits or siblings hold it back
        return earliest

    def redrill(self) -> StudySession:
        """A new session over this one's missed cards, asked now regardless of due dates and limits.

        Its answers are practice (`drill`): stored and timed, but the cards keep the
        schedule the misses gave them, so a card missed then re-drilled right is still due soon.
        """
        seed = None if self._seed is None else self._seed + 1
        return StudySession(
            self._store,
            self._profile,
            self._decks,
            clock=self._clock,
            seed=seed,
            fuzz=self._fuzz,
            only=self.summary().missed,
            drill=True,
        )
