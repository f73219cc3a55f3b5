"""The app and its one factory, used by the `quiz` command and by the tests.

Start-up stays light: the store, decks and the scheduler are imported and
opened in a thread worker, and each screen imports what only it needs.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from quiz.shown import shown

from .keyorder import KeyQueue
from .texts import N_, _, choose_language, use_language
from .when import relative

if TYPE_CHECKING:
    from concurrent.futures import Future

    from textual.notifications import SeverityLevel

    from quiz.classroom.records import ExamRecord
    from quiz.deck.model import Deck
    from quiz.engine.session import StudySession
    from quiz.store import Store

    from .opening import Opened
    from .widgets.tables import FullRowsTable

OPENING_GRACE_S = 0.1
"""How long the first paint waits for the progress opened ahead (a store locked by another quiz takes longer)."""

Clock = Callable[[], dt.datetime]
Timer = Callable[[], float]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class QuizApp(App[None]):
    CSS_PATH = "quiz.tcss"
    TITLE = "quiz"
    # Textual's palette offers developer commands (screenshots, a dozen themes);
    # every command of quiz has its own key, listed under ? Help.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), priority=True),
        Binding("question_mark", "help", N_("Help")),
        Binding("f1", "help", N_("Help"), show=False, priority=True),
        Binding("ctrl+t", "toggle_dark", N_("Light/dark"), show=False),
    ]

    def __init__(
        self,
        data_dir: Path,
        profile: str | None = None,
        deck: Deck | str | None = None,
        *,
        clock: Clock | None = None,
        timer: Timer | None = None,
        seed: int | None = None,
        opening: Future[Opened] | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.profile = profile
        self.deck_spec = deck
        self.opening = opening
        """The store and session being opened since before the app ran (see `open_ahead`)."""
        self.clock: Clock = clock or _utc_now
        self.timer: Timer = timer or time.monotonic
        self.seed = seed
        self.store: Store | None = None
        self._key_queue = KeyQueue(self)  # type: ignore[arg-type]
        self.error: str | None = None
        """Why the app gave up (a broken deck, an unusable store); the CLI prints it."""

    async def on_event(self, event: events.Event) -> None:
        """A key on a screen that asks questions waits its turn (see `keyorder`); everything else as Textual does."""
        if isinstance(event, events.Key) and not event.is_forwarded and self._key_queue.wants(event):
            self._key_queue.put(event)
            return
        await super().on_event(event)

    @property
    def keys_pending(self) -> bool:
        """Keys read but not yet applied (a burst being applied one by one)."""
        return self._key_queue.busy

    def compose(self) -> ComposeResult:
        return iter(())  # "Opening your progress…" only if it takes a while (see on_mount)

    def on_mount(self) -> None:
        """The first question itself when progress opened ahead in time, else "Opening your progress…".

        Nothing is painted before this returns: a moment's wait for the progress opened
        ahead spares painting a loading line, and building a screen only to replace it.
        """
        if self.opening is not None:
            from concurrent.futures import wait

            wait([self.opening], timeout=OPENING_GRACE_S)
            opened = self.opening.result() if self.opening.done() and self.opening.exception() is None else None
            if opened is not None and opened.session is not None and opened.session.current is not None:
                from .screens.study import StudyScreen

                self.opening = None
                self._opened_from(opened)
                self.push_screen(StudyScreen(opened.session))
                return
            if self.opening.done():
                self._opening_done()
                return
        self.mount(Static(_("Opening your progress…"), id="loading"))
        self.open_store()

    # -- start-up ----------------------------------------------------------

    def _opening_done(self) -> None:
        from quiz.store import StoreError

        assert self.opening is not None
        try:
            opened = self.opening.result()
        except (StoreError, OSError) as error:
            self.fail(str(error))
            return
        self._opened(opened)

    @work(thread=True, exclusive=True, group="start")
    def open_store(self) -> None:
        from quiz.deck.errors import DeckError
        from quiz.store import StoreError

        from .opening import open_progress

        if self.opening is not None:
            self.opening.exception()  # waits, whatever the outcome
            self.call_from_thread(self._opening_done)
            return
        try:
            opened = open_progress(self.data_dir, self.profile, self._resolve_deck(), clock=self.clock, seed=self.seed)
        except (StoreError, DeckError, OSError) as error:
            self.call_from_thread(self.fail, str(error))
            return
        self.call_from_thread(self._opened, opened)

    def _resolve_deck(self) -> Deck | None:
        spec = self.deck_spec
        if spec is None or not isinstance(spec, str):
            return spec
        from quiz.deck.files import resolve_deck

        return resolve_deck(spec)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast is shown literally: its text often carries a path or a value from a file.

        Markup is never parsed (screens and widgets pass `markup=True` by default; it is
        ignored), and control characters are escaped.
        """
        del markup
        super().notify(shown(message, lines=True), title=shown(title), severity=severity, timeout=timeout, markup=False)

    def fail(self, message: str) -> None:
        self.error = shown(message, lines=True)
        self.exit(return_code=1)

    def _opened_from(self, opened: Opened) -> None:
        self.store, self.profile = opened.store, opened.profile

    def _opened(self, opened: Opened) -> None:
        self._opened_from(opened)
        deck, profiles = opened.deck, opened.profiles
        if opened.session is not None:
            self.show_session(opened.session)
            return
        if self.profile is not None:
            self.with_pin(lambda: self.first_screen(deck), self.exit)
            return
        from .screens.profile import ProfileScreen

        def chosen(name: str | None) -> None:
            if name is None:
                self.exit()
                return
            self.use_profile(name)
            def again() -> None:
                self.push_screen(ProfileScreen(profiles), chosen)

            self.with_pin(lambda: self.first_screen(deck), again)

        self.push_screen(ProfileScreen(profiles), chosen)

    def with_pin(self, then: Callable[[], None], otherwise: Callable[[], None]) -> None:
        """`then`, once the learner typed the profile's PIN (at once for a profile without one); else `otherwise`."""
        from quiz.store import StoreError

        assert self.store is not None and self.profile is not None
        try:
            needed = self.store.has_pin(self.profile)
        except StoreError as error:
            self.fail(str(error))
            return
        if not needed:
            then()
            return
        from .screens.pin import PinScreen

        self.push_screen(PinScreen(self.store, self.profile), lambda right: then() if right else otherwise())

    def use_profile(self, name: str) -> None:
        assert self.store is not None
        self.profile = self.store.ensure_profile(name)

    def first_screen(self, deck: Deck | None) -> None:
        """What the app shows once progress is open; the exam app shows its test instead."""
        if deck is not None:
            self.study([deck])
        else:
            self.go_home()

    # -- navigation ---------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock()

    def go_home(self) -> None:
        """Back to the deck list, reusing it when it is already on the stack."""
        from .screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            if any(isinstance(s, HomeScreen) for s in self.screen_stack):
                self.pop_screen()
            else:
                self.switch_screen(HomeScreen())
                return
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen())

    def study(self, decks: Sequence[Deck]) -> None:
        """A session over `decks` for the current learner."""
        store, profile, clock, seed = self.store, self.profile, self.clock, self.seed
        assert store is not None and profile is not None

        def build() -> StudySession:
            from .opening import build_session

            return build_session(store, profile, decks, clock=clock, seed=seed)

        self.start_session(build)

    @work(thread=True, exclusive=True, group="session")
    def start_session(self, build: Callable[[], StudySession]) -> None:
        """Build the session's queue off the UI thread, then show its first card."""
        session = build()
        self.call_from_thread(self.show_session, session)

    def show_session(self, session: StudySession) -> None:
        from .screens.study import StudyScreen

        if session.current is None:
            summary = session.summary()
            if summary.next_due is None:
                self.notify(_("Nothing to study right now."))
            else:
                when = relative(summary.next_due, self.now(), session.options.rollover)
                self.notify(_("Nothing to study right now. Next review {when}.").format(when=when))
            if len(self.screen_stack) == 1:  # `quiz play DECK` at start-up: the deck list, not the loading screen
                self.go_home()
            return
        screen = StudyScreen(session)
        if self._replaceable():
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_end(self, session: StudySession) -> None:
        from .screens.end import EndScreen

        self.switch_screen(EndScreen(session))

    def show_statistics(self, decks: Sequence[Deck]) -> None:
        from .screens.statistics import StatisticsScreen

        self.push_screen(StatisticsScreen(decks))

    def _replaceable(self) -> bool:
        """An end screen gives way to the next session; none was ever shown if its module is not loaded."""
        end = sys.modules.get(f"{__package__}.screens.end")
        return end is not None and isinstance(self.screen, end.EndScreen)

    async def action_quit(self) -> None:
        """Quit, unless a screen on the stack asks first (a test being taken hands itself in for good)."""
        for screen in reversed(self.screen_stack):
            ask = getattr(screen, "ask_before_quitting", None)
            if ask is not None and ask():
                return
        self.exit()

    # -- what the screens of a test tell the app -----------------------------

    def test_handed_in(self, record: ExamRecord) -> None:
        """A test was handed in and judged (the exam app keeps its record for `quiz exam`)."""

    def refuse_test(self, message: str) -> None:
        """A test cannot be taken (a retake not allowed): say why and go back to where it was started."""
        self.notify(message, severity="error", timeout=10, markup=False)
        self.pop_screen()

    def leave_test_results(self) -> None:
        """The learner has read the results of a test: back to the deck list (the exam app closes)."""
        self.go_home()

    def on_full_rows_table_show_row(self, message: FullRowsTable.ShowRow) -> None:
        from .dialogs.row_detail import RowDetailScreen

        self.push_screen(RowDetailScreen(message.title, message.headers, message.row))

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(in_test=getattr(self.screen, "IN_TEST", False)))

    def action_toggle_dark(self) -> None:
        from .theme import save_theme

        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
        save_theme(self.data_dir, self.theme)


def create_app(
    data_dir: Path,
    profile: str | None = None,
    deck: Deck | str | None = None,
    *,
    clock: Clock | None = None,
    timer: Timer | None = None,
    seed: int | None = None,
    theme: str | None = None,
    opening: Future[Opened] | None = None,
    language: str | None = None,
) -> QuizApp:
    """The app as the `quiz` command runs it; tests pass a fixed clock, timer and seed.

    `opening` is `open_ahead` for the same data directory, learner and deck, started before the app.

    `language` is `--lang`; without it, `$QUIZ_LANG` or the locale chooses (see `texts`).

    Without `theme`, light or dark is as last chosen with ctrl+t on this data directory.
    """
    use_language(choose_language(language, os.environ))
    app = QuizApp(data_dir, profile, deck, clock=clock, timer=timer, seed=seed, opening=opening)
    if theme is None:
        from .theme import saved_theme

        theme = saved_theme(data_dir)
    if theme is not None:
        app.theme = theme
    return app
