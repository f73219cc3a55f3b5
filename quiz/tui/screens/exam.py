"""Test mode in the app: one question after another, no verdicts, a countdown, results at the end.

Answers are kept by the `ExamSession` and judged only when the test is handed
in (or the time runs out); then the results screen shows what was right and
wrong. Each answer is stored as it is given, and closing the window (SIGHUP)
or stopping the process (SIGTERM) hands the test in as it stands.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static

from quiz.classroom.exam import ExamPaper, ExamSession
from quiz.engine.answers import response_text

from ..dialogs.exam_setup import ExamSettings, ExamSetupScreen
from ..dialogs.hand_in import HandInScreen, QuitTestScreen
from ..serial import SerialWrites
from ..texts import N_, _, number, percent
from ..when import elapsed
from ..widgets.answers import AnswerWidget, answer_widget_for
from ..widgets.answers.truefalse import in_button_words
from ..widgets.keybar import KeyBar
from ..widgets.keybutton import KeyButton
from ..widgets.progress import SessionProgress
from ..widgets.tables import MarkedTable

if TYPE_CHECKING:
    from concurrent.futures import Future

    from quiz.classroom.records import ExamItem, ExamRecord
    from quiz.classroom.storage import Sitting
    from quiz.deck.model import Deck

    from ..app import QuizApp

CLOSING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def clock_text(seconds: float) -> str:
    """`14:59`, counting down whole seconds (rounded up, so 0:00 means the time is really up)."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def start_exam(app: QuizApp, deck: Deck) -> None:
    """From the deck list: set the test, then take it; the results screen leads back to the decks."""
    from quiz.classroom.exam import ExamError, draw

    def chosen(settings: ExamSettings | None) -> None:
        if settings is None:
            return
        try:
            paper = draw(deck, settings.questions, settings.seed)
        except ExamError as error:
            app.notify(str(error), severity="error")
            return
        def take() -> None:
            app.push_screen(ExamScreen(paper, time_limit=settings.time_limit))

        app.with_pin(take, lambda: None)

    app.push_screen(ExamSetupScreen(deck), chosen)


class ExamScreen(Screen[None]):
    IN_TEST = True  # help shows the keys of a test
    ORDERED_KEYS = True  # a burst of keys is applied key by key (see `keyorder`)
    DEFAULT_CSS = """
    #exam-status { height: 1; padding: 0 1; background: $panel; }
    #exam-clock { dock: right; width: auto; text-style: bold; }
    #exam-clock.-low { color: $text-error; }
    #previous { color: $text-muted; }
    #exam-end { height: auto; margin: 1 0; }
    """
    BINDINGS = [
        Binding("ctrl+n", "skip", N_("Skip")),
        Binding("ctrl+b", "back", N_("Back")),
        Binding("ctrl+s,f10", "hand_in", N_("Hand in")),
    ]

    app: QuizApp

    def __init__(
        self, paper: ExamPaper, *, time_limit: float | None = None, retakes: bool = False, show_answers: bool = False
    ) -> None:
        super().__init__()
        self.paper = paper
        self.time_limit = time_limit
        self.retakes = retakes
        """Whether the teacher allows this profile a second sitting of the same test (`--retakes`)."""
        self.show_answers = show_answers
        """Whether the results show the right answers (`--show-answers`); else only what was right."""
        self.session: ExamSession | None = None
        self.started = 0.0
        self.record: ExamRecord | None = None
        self.sitting: Sitting | None = None
        self._signals: list[int] = []
        self._writes = SerialWrites()

    def compose(self) -> ComposeResult:
        yield SessionProgress(_("Test: {deck}").format(deck=self.paper.deck.title))
        with Horizontal(id="exam-status"):
            yield Static("", id="exam-position")
            yield Static("", id="exam-clock")
        with VerticalScroll(id="body"):
            yield Static(id="prompt", classes="prompt")
            yield Static(id="previous")
            yield Vertical(id="slot")
        yield KeyBar()

    def on_mount(self) -> None:
        refused = self._retake_refused()
        if refused is not None:
            self._refuse(refused)
            return
        self.session = ExamSession(self.paper, time_limit=self.time_limit, clock=self.app.clock)
        self._open_sitting()
        self._catch_signals()
        if self.time_limit is not None:
            self.set_interval(0.5, self.tick)
        self.tick()
        self.show_current()

    def _retake_refused(self) -> str | None:
        """Why this profile may not sit the test again (it did before, and retakes are not allowed); None if it may."""
        from quiz.classroom import storage
        from quiz.store import StoreError

        if self.retakes or self.app.store is None or self.app.profile is None:
            return None
        deck = self.paper.deck
        try:
            before = storage.sittings_of(self.app.store, self.app.profile, deck.id, deck.version, self.paper.seed)
        except StoreError:
            return None
        if not before:
            return None
        return _(
            "{profile} has already taken this test ({deck} version {version}, seed {seed}) on {day}. "
            "A second sitting needs the teacher's permission: quiz exam … --retakes"
        ).format(
            profile=self.app.profile,
            deck=deck.id,
            version=deck.version,
            seed=self.paper.seed,
            day=_("{date:%Y-%m-%d}").format(date=before[0].astimezone()) + before[0].astimezone().strftime(" %H:%M"),
        )

    def _refuse(self, message: str) -> None:
        """No test: `quiz exam` leaves with the message; from the deck list, the list is shown again."""
        self.app.refuse_test(message)

    def ask_before_quitting(self) -> bool:
        """Quitting with a test open asks first (it hands the test in for good); True while it asks."""
        if self.session is None or self.record is not None:
            return False
        if not isinstance(self.app.screen, QuitTestScreen):
            while self.app.screen is not self and self in self.app.screen_stack:
                self.app.pop_screen()  # help or the hand-in question: the quit question replaces it

            def confirmed(sure: bool | None) -> None:
                if sure:
                    self.app.exit()

            answered, total = self.session.progress
            self.app.push_screen(QuitTestScreen(answered, total), confirmed)
        return True

    # -- kept as it goes (off the UI thread: a write may wait for another quiz on the same data) --

    def _write(self, change: Callable[[], None], problem: str, then: Callable[[str | None], None] | None = None) -> None:
        """Run the store write `change` after those before it, in a worker; `then(reason or None)` here.

        The countdown and the keys go on meanwhile: the session in memory is the
        truth, and every write stores a question as it stands (handing in stores all).
        """
        self._write_in_worker(self._writes.submit(change), problem, then)

    @work(thread=True, group="exam-store")
    def _write_in_worker(self, done: Future[None], problem: str, then: Callable[[str | None], None] | None) -> None:
        from quiz.store import StoreError

        try:
            done.result()
            reason = None
        except StoreError as error:
            reason = problem.format(problem=error)
        if then is not None:
            self.app.call_from_thread(then, reason)
        elif reason is not None:
            self.app.call_from_thread(self.notify, reason, severity="error", timeout=8)

    def _open_sitting(self) -> None:
        """Store the sitting from its start, so every answer can be written as it is given."""
        from quiz.classroom import storage

        assert self.session is not None and self.app.store is not None and self.app.profile is not None
        store, profile, opening = self.app.store, self.app.profile, self.session.so_far(seconds=0)

        def open_sitting() -> None:
            storage.hand_in_abandoned(store, now=opening.started_at)
            self.sitting = storage.Sitting(store, profile, opening)

        self._write(open_sitting, _("Answers cannot be saved as you go: {problem}"))

    def _store_answer(self, position: int) -> None:
        """Write one question as it now stands; a failure is shown, the test goes on."""
        if self.session is None:
            return
        item, seconds, now = self.session.item(position), self.session.elapsed(), self.app.clock()

        def store_answer() -> None:
            if self.sitting is not None:
                self.sitting.answered(position, item, seconds, now=now)

        self._write(store_answer, _("This answer could not be saved yet: {problem}"))

    def _catch_signals(self) -> None:
        """The window closed (SIGHUP) or the process asked to stop (SIGTERM): hand in, then leave."""
        try:
            loop = asyncio.get_running_loop()
            for signal_number in CLOSING_SIGNALS:
                loop.add_signal_handler(signal_number, self._closed_from_outside)
                self._signals.append(signal_number)
        except (NotImplementedError, RuntimeError, ValueError):  # not on this system or not the main thread
            pass

    def _closed_from_outside(self) -> None:
        self._keep_now()
        self.app.exit(return_code=1)

    def _release_signals(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for signal_number in self._signals:
            loop.remove_signal_handler(signal_number)
        self._signals.clear()

    # -- the clock -------------------------------------------------------------

    def tick(self) -> None:
        """Refresh the countdown; at zero the test is handed in as it stands."""
        assert self.session is not None
        remaining = self.session.remaining()
        clock = self.query_one("#exam-clock", Static)
        if remaining is None:
            clock.update(_("untimed"))
            return
        clock.update(_("Time left {clock}").format(clock=clock_text(remaining)))
        clock.set_class(remaining <= 60, "-low")
        if remaining <= 0 and self.record is None:
            self.notify(_("Time is up: the test was handed in."), timeout=4)
            self.hand_in(timed_out=True)

    # -- asking ----------------------------------------------------------------

    def _duration(self) -> float:
        return max(0.0, self.app.timer() - self.started)

    def show_current(self) -> None:
        session = self.session
        assert session is not None
        answered, total = session.progress
        self.query_one(SessionProgress).show(answered, total)
        slot = self.query_one("#slot")
        slot.remove_children()
        previous = self.query_one("#previous", Static)
        self.started = self.app.timer()
        presented = session.current
        if presented is None:
            blank = session.unanswered()
            self.query_one("#exam-position", Static).update(
                _("End of the test: {answered} of {total} answered").format(answered=answered, total=total)
            )
            self.query_one("#prompt", Static).update(_("You have reached the end of the test."))
            numbers = ", ".join(str(i + 1) for i in blank)
            previous.update(
                (_("Not answered: {numbers}.").format(numbers=numbers) + " " if blank else "")
                + _("Ctrl+B goes back to change an answer; answers are judged when you hand in.")
            )
            slot.mount(KeyButton(_("Hand in the test (Ctrl+S)"), id="hand-in-button", classes="exam-end"))
            self.query_one("#hand-in-button").focus()
            return
        self.query_one("#exam-position", Static).update(
            _("Question {number} of {total} · no feedback until you hand in").format(number=session.index + 1, total=total)
        )
        widget = answer_widget_for(presented)
        self.query_one("#prompt", Static).update(widget.prompt_content())
        given = session.response()
        widget.prefill(given)  # coming back: the earlier answer is in the widget, and Enter keeps it
        so_far = "" if given is None else response_text(presented.card, given)
        if presented.card.kind == "truefalse":
            so_far = in_button_words(so_far)
        previous.update(Content.assemble(_("Your answer so far: "), so_far) if given is not None else "")
        slot.mount(widget)
        self.query_one("#body").scroll_home(animate=False)

    def on_answer_widget_submitted(self, event: AnswerWidget.Submitted) -> None:
        event.stop()
        if self.session is None or self.session.current is None or self.record is not None:
            return
        position = self.session.index
        self.session.answer(event.response, duration=self._duration())
        self._store_answer(position)
        self.show_current()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "hand-in-button":
            event.stop()
            self.action_hand_in()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session is None or self.record is not None:
            return action not in ("skip", "back", "hand_in")
        if action == "skip":
            return self.session.current is not None
        if action == "back":
            return self.session.index > 0
        return True

    def action_skip(self) -> None:
        assert self.session is not None
        if self.session.current is not None:
            position = self.session.index
            self.session.skip(duration=self._duration())
            self._store_answer(position)
            self.show_current()

    def action_back(self) -> None:
        assert self.session is not None
        position = self.session.index if self.session.current is not None else None
        if self.session.back(duration=self._duration()):
            if position is not None:
                self._store_answer(position)
            self.show_current()

    def action_hand_in(self) -> None:
        assert self.session is not None
        blank = self.session.unanswered()
        if not blank:
            self.hand_in()
            return

        def confirmed(sure: bool | None) -> None:
            if sure:
                self.hand_in()

        self.app.push_screen(HandInScreen(blank), confirmed)

    def hand_in(self, *, timed_out: bool = False) -> None:
        """Judge the answers, keep the record for the profile, then show the results."""
        if self.record is not None:
            return
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()  # the hand-in question or help on top: the results replace the test itself
        record = self._finish(timed_out=timed_out)
        self._write(self._keeper(record), _("The result could not be saved: {problem}"), self._handed_in)

    def _handed_in(self, problem: str | None) -> None:
        assert self.record is not None
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()  # help opened while the record was being stored
        if self.app.screen is self:
            self.app.switch_screen(ExamResultScreen(self.record, problem, show_answers=self.show_answers))

    def _finish(self, *, timed_out: bool = False) -> ExamRecord:
        assert self.session is not None
        self.record = self.session.finish(timed_out=timed_out, duration=self._duration())
        self.app.test_handed_in(self.record)
        return self.record

    def _keeper(self, record: ExamRecord) -> Callable[[], None]:
        """The write that keeps the finished `record` for the profile."""
        from quiz.classroom import storage

        assert self.app.store is not None and self.app.profile is not None
        store, profile = self.app.store, self.app.profile

        def keep() -> None:
            if self.sitting is not None:
                self.sitting.hand_in(record)
            else:
                storage.save_exam(store, profile, record)

        return keep

    def _keep_now(self) -> None:
        """The app is closing: hand the test in as it stands and wait until every write is done."""
        from quiz.store import StoreError

        if self.session is not None and self.record is None:
            if self.session.progress[0]:
                self._writes.submit(self._keeper(self._finish()))
            else:
                self._writes.submit(self._discard)
        try:
            for done in self._writes.drain():
                done.result()
        except StoreError:
            pass  # nothing to show it on any more; a sitting left open is handed in the next time results are read

    def _discard(self) -> None:
        if self.sitting is not None:
            self.sitting.discard()  # left before answering anything: as if never started

    def on_unmount(self) -> None:
        """Leaving the app in the middle of a test hands it in as it stands: no answer is lost."""
        self._release_signals()
        self._keep_now()


VERDICTS = {"right": N_("right"), "partly": N_("partly right"), "wrong": N_("wrong"), "blank": N_("not answered")}


def verdict(item: ExamItem) -> str:
    """`right`, `partly`, `wrong` or `blank`: what the results say of one question."""
    if not item.answered:
        return "blank"
    if item.correct:
        return "right"
    return "partly" if item.score > 0 else "wrong"


MARKS = {"right": "✓", "partly": "◐", "wrong": "✗", "blank": "✗"}


class ExamResultScreen(Screen[None]):
    """The verdicts, all at once: score, time, and which questions were right.

    The answers themselves (given and right) are shown only when the teacher
    releases them (`--show-answers`): the whole class shares one test, and the
    first to finish must not hand the answer key to the others.
    """

    DEFAULT_CSS = """
    #exam-score { padding: 1 1 0 1; }
    #exam-saved { padding: 0 1; color: $text-muted; }
    #exam-saved.-problem { color: $text-error; }
    #exam-answers { height: 1fr; margin: 1 1; }
    """
    BINDINGS = [Binding("enter,escape", "close", N_("Done"), priority=True)]

    app: QuizApp

    def __init__(self, record: ExamRecord, problem: str | None = None, *, show_answers: bool = False) -> None:
        super().__init__()
        self.record = record
        self.problem = problem
        self.show_answers = show_answers

    def compose(self) -> ComposeResult:
        r = self.record
        total = len(r.items)
        score = number(r.score) if r.score == int(r.score) else number(r.score, ".2f")
        headline = _("Score {score} of {total} ({percent})").format(score=score, total=total, percent=percent(r.score / total))
        yield Static(Content(_("Test handed in: {deck}").format(deck=r.deck_title)), classes="title")
        yield Static(
            Content.assemble(
                (headline, "bold"),
                _(" · time {time}").format(time=elapsed(r.seconds)),
                _(" · the time ran out") if r.timed_out else "",
                _(" · seed {seed}").format(seed=r.seed),
            ),
            id="exam-score",
        )
        saved = self.problem or _("Saved for this learner; `quiz results export` writes it out for the teacher.")
        if not self.problem and not self.show_answers:
            saved += " " + _("The right answers are shown when the teacher releases them.")
        yield Static(Content(saved), id="exam-saved", classes="-problem" if self.problem else "")
        yield MarkedTable(id="exam-answers")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", width=3)
        table.add_column("", width=1)
        if not self.show_answers:
            said = max(len(_("Result")), *(len(_(word)) for word in VERDICTS.values()))
            free = max(40, self.app.size.width - 4 - 3 - 1 - 4 * 2 - said)
            table.add_column(_("Question"), width=free)
            table.add_column(_("Result"), width=said)
            for i, item in enumerate(self.record.items, 1):
                judged = verdict(item)
                table.add_row(Text(str(i), justify="right"), MARKS[judged], Text(item.prompt), _(VERDICTS[judged]), height=None)
            table.focus()
            return
        # the three texts share the width left by the number and mark columns (and 2 cells padding each)
        free = max(45, self.app.size.width - 4 - 3 - 1 - 5 * 2)
        table.add_column(_("Question"), width=free - 2 * (free // 3))
        table.add_column(_("Your answer"), width=free // 3)
        table.add_column(_("Right answer"), width=free // 3)
        for i, item in enumerate(self.record.items, 1):
            given, expected = item.given, item.expected
            if item.kind == "truefalse":
                given, expected = in_button_words(given), in_button_words(expected)
            table.add_row(  # wrapped, never cut: a student must see what was wrong in a long order or match
                Text(str(i), justify="right"),
                MARKS[verdict(item)],
                Text(item.prompt),
                Text(given if item.answered else _("(blank)")),
                Text(expected),
                height=None,
            )
        table.focus()

    def action_close(self) -> None:
        self.app.leave_test_results()
