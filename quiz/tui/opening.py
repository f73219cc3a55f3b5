"""Opening a learner's progress: the store, the profile and the first session.

When the learner and the deck are known before the app runs (`quiz play DECK`,
`quiz --profile NAME`), `open_ahead` does this in a thread while Textual starts,
so the app's first screen can be the study screen itself. The app does the same
in a worker otherwise. No Textual here: this runs before it is imported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.deck.datarecord import datarecord

SHARED_ENV = "QUIZ_SHARED"
"""Set (by `quiz serve`) when a whole class shares the data directory: the learner is always asked, never guessed."""

if TYPE_CHECKING:
    from quiz.deck.model import Deck
    from quiz.engine.session import StudySession
    from quiz.store import Store


@datarecord(frozen=False)
class Opened:
    store: Store
    profiles: list[str]
    profile: str | None
    """The learner as named in the store; None while one is still to be chosen."""
    deck: Deck | None
    session: StudySession | None
    """The session over `deck`, once the learner is known (and, if the profile has a PIN, after it is typed)."""
    pin: bool = False
    """The profile has a PIN: it is asked before anything of the profile is shown."""


def open_progress(
    data_dir: Path,
    profile: str | None,
    deck: Deck | None,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    seed: int | None = None,
) -> Opened:
    """Raises `StoreError` (an unusable store, a name that cannot be a learner's) or `OSError`."""
    from quiz.store import Store

    store = Store.open(data_dir)
    profiles = store.list_profiles()
    if profile is not None:  # "anna" signs in as the existing "Anna"; a blank name is refused
        profile = store.resolve_profile(profile)
    elif len(profiles) == 1 and not os.environ.get(SHARED_ENV):
        profile = profiles[0]
    session = None
    pin = profile is not None and store.has_pin(profile)
    if profile is not None and deck is not None and not pin:
        session = build_session(store, profile, [deck], clock=clock, seed=seed)
    return Opened(store, profiles, profile, deck, session, pin)


def open_ahead(data_dir: Path, profile: str | None, deck: Deck | None) -> Future[Opened]:
    """`open_progress` started in a thread now; the future holds what it returned or raised.

    A thread of its own, not a pool's: importing `concurrent.futures.thread` costs more than the thread.
    """
    future: Future[Opened] = Future()

    def run() -> None:
        future.set_running_or_notify_cancel()
        try:
            opened = open_progress(data_dir, profile, deck)
        except BaseException as error:  # handed over whole, as a pool's worker does
            future.set_exception(error)
        else:
            future.set_result(opened)

    threading.Thread(target=run, name="quiz-open").start()
    return future


def build_session(
    store: Store,
    profile: str,
    decks: Sequence[Deck],
    *,
    clock: Callable[[], dt.datetime] | None = None,
    seed: int | None = None,
) -> StudySession:
    from quiz.engine.session import StudySession

    remember_deck_files(store, profile, decks)
    return StudySession(store, profile, decks, clock=clock, seed=seed)


def remember_deck_files(store: Store, profile: str, decks: Sequence[Deck]) -> None:
    """Decks read from a file outside the bundled ones are listed on the deck list from now on."""
    from quiz.paths import bundled_decks_dir
    from quiz.store import StoreError

    bundled = bundled_decks_dir().resolve()
    for deck in decks:
        if deck.path is None or deck.path.resolve().is_relative_to(bundled):
            continue
        with contextlib.suppress(StoreError):  # only the deck list's shortcut is lost; the session reports store problems
            store.remember_deck_file(profile, deck.id, deck.path)
