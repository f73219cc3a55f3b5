"""Test mode in the app: one question after another, no verdicts, a countdown, results at the end.

Answers are kept by the `ExamSession` and judged only when the test is handed
in (or the time runs out); then the results screen shows what was right and
wrong. Each answer is stored as it is given, and closing the window (SIGHUP)
or stopping the process (SIGTERM) hands the test in as it stands.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Static

from quiz.classroom.exam import ExamPaper, ExamSession
from quiz.engine.answers import response_text

from ..app import QuizApp
from ..texts import N_, _, choose_language, ngettext, number, percent, use_language
from ..when import elapsed
from ..widgets.answers import AnswerWidget, answer_widget_for
from ..widgets.answers.truefalse import in_button_words
from ..widgets.keybar import KeyBar
from ..widgets.keybutton import KeyButton
from ..widgets.progress import SessionProgress

if TYPE_CHECKING:
    from quiz.classroom.records import ExamItem, ExamRecord
    from quiz.classroom.storage import Sitting
    from quiz.deck.model import Deck

CLOSING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def clock_text(seconds: float) -> str:
    """`14:59`, counting down whole seconds (rounded up, so 0:00 means the time is really up)."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


class ConfirmScreen(ModalScreen[bool]):
    """Asks a yes/no question about the test on screen: y (or j) is yes, n or Escape is no."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    .confirm { width: 60; max-width: 100%; height: auto; border: round $warning; background: $surface; padding: 1 2; }
    .confirm-actions { height: auto; margin-top: 1; }
    .confirm-actions KeyButton { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Yes")),  # yes, ja
        Binding("n,escape", "answer(False)", N_("Keep going")),
    ]

    def __init__(self, message: str, yes: str, *, id: str | None = None) -> None:
        super().__init__()
        self.message = message
        self.yes = yes
        self.box_id = id

    def compose(self) -> ComposeResult:
        with Vertical(id=self.box_id, classes="confirm"):
            yield Static(Content(self.message))
            with Horizontal(classes="confirm-actions"):
                yield KeyButton(_("y  {action}").format(action=self.yes), id="yes")
                yield KeyButton(_("n  Keep going"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class HandInScreen(ConfirmScreen):
    """Asks before handing in a test with questions left blank."""

    def __init__(self, blank: list[int]) -> None:
        count = len(blank)
        numbers = ", ".join(str(i + 1) for i in blank)
        message = (
            ngettext(
                "{count} question is not answered ({numbers}).", "{count} questions are not answered ({numbers}).", count
            ).format(count=count, numbers=numbers)
            + "\n"
            + _("Blank answers score nothing. Hand in the test now?")
        )
        super().__init__(message, _("Hand in"), id="hand-in")
        self.blank = blank


class QuitTestScreen(ConfirmScreen):
    """Asks before quitting in the middle of a test: quitting hands it in as it stands, for good."""

    def __init__(self, answered: int, total: int) -> None:
        message = (
            _("Quit the test? It is handed in as it stands ({answered} of {total} answered);").format(
                answered=answered, total=total
            )
            + "\n"
            + _("it cannot be continued later.")
        )
        super().__init__(message, _("Quit and hand in"), id="quit-test")


@dataclass(frozen=True)
class ExamSettings:
    questions: int
    seed: str
    time_limit: float | None


class ExamSetupScreen(ModalScreen["ExamSettings | None"]):
    """Sets a test from the deck list: how many questions, the class's seed, the time allowed."""

    DEFAULT_CSS = """
    ExamSetupScreen { align: center middle; }
    #exam-setup { width: 64; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 1 2; }
    .setup-row { height: 3; }
    .setup-row Static { width: 22; padding: 1 0; }
    .setup-row Input { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Back"))]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-setup"):
            yield Static(Content(_("Test: {deck}").format(deck=self.deck.title)), classes="title")
            yield Static(
                _(
                    "The same seed gives every student the same test. No feedback until the test is handed in. "
                    "Enter starts the test, Escape goes back."
                ),
                classes="instructions",
            )
            with Horizontal(classes="setup-row"):
                yield Static(_("Questions"))
                yield Input(value="20", id="exam-questions", type="integer")
            with Horizontal(classes="setup-row"):
                yield Static(_("Seed (blank: new)"))
                yield Input(placeholder=_("e.g. class-7b"), id="exam-seed")
            with Horizontal(classes="setup-row"):
                yield Static(_("Time (blank: untimed)"))
                yield Input(placeholder=_("e.g. 15m"), id="exam-time")
            yield Static("", id="exam-setup-problem", classes="problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from quiz.classroom.exam import new_seed
        from quiz.classroom.time_limit import parse_time_limit

        event.stop()
        problem = self.query_one("#exam-setup-problem", Static)
        text = self.query_one("#exam-questions", Input).value.strip()
        if not text.isdigit() or int(text) < 1:
            problem.update(_("Questions: a whole number, at least 1."))
            return
        limit_text = self.query_one("#exam-time", Input).value.strip()
        try:
            limit = parse_time_limit(limit_text) if limit_text else None
        except ValueError as error:
            problem.update(Content(_("Time: {problem}").format(problem=error)))
            return
        seed = self.query_one("#exam-seed", Input).value.strip() or new_seed()
        self.dismiss(ExamSettings(int(text), seed, limit or None))

    def action_cancel(self) -> None:
        self.dismiss(None)


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
        app.with_pin(lambda: app.push_screen(ExamScreen(paper, time_limit=settings.time_limit)), lambda: None)

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
        if isinstance(self.app, ExamApp):
            self.app.fail(message)
        else:
            self.notify(message, severity="error", timeout=10, markup=False)
            self.app.pop_screen()

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

    # -- kept as it goes ---------------------------------------------------------

    def _open_sitting(self) -> None:
        """Store the sitting from its start, so every answer can be written as it is given."""
        from quiz.classroom import storage
        from quiz.store import StoreError

        assert self.session is not None
        try:
            assert self.app.store is not None and self.app.profile is not None
            storage.hand_in_abandoned(self.app.store, now=self.session.started_at)
            self.sitting = storage.Sitting(self.app.store, self.app.profile, self.session.so_far(seconds=0))
        except StoreError as error:
            self.notify(_("Answers cannot be saved as you go: {problem}").format(problem=error), severity="error", timeout=8)

    def _store_answer(self, position: int) -> None:
        """Write one question as it now stands; a failure is shown, the test goes on."""
        from quiz.store import StoreError

        if self.sitting is None or self.session is None:
            return
        try:
            self.sitting.answered(position, self.session.item(position), self.session.elapsed(), now=self.app.clock())
        except StoreError as error:
            self.notify(_("This answer could not be saved yet: {problem}").format(problem=error), severity="error", timeout=8)

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
        if self.session is not None and self.record is None:
            self._keep()
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
        """Judge the answers, keep the record for the profile, show the results."""
        if self.record is not None:
            return
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()  # the hand-in question or help on top: the results replace the test itself
        problem = self._keep(timed_out=timed_out)
        assert self.record is not None
        self.app.switch_screen(ExamResultScreen(self.record, problem, show_answers=self.show_answers))

    def _keep(self, *, timed_out: bool = False) -> str | None:
        """Close the sitting and store it; the reason when it could not be stored."""
        from quiz.classroom import storage
        from quiz.store import StoreError

        assert self.session is not None
        self.record = self.session.finish(timed_out=timed_out, duration=self._duration())
        if isinstance(self.app, ExamApp):
            self.app.record = self.record
        try:
            assert self.app.store is not None and self.app.profile is not None
            if self.sitting is not None:
                self.sitting.hand_in(self.record)
            else:
                storage.save_exam(self.app.store, self.app.profile, self.record)
        except StoreError as error:
            return _("The result could not be saved: {problem}").format(problem=error)
        return None

    def on_unmount(self) -> None:
        """Leaving the app in the middle of a test hands it in as it stands: no answer is lost."""
        from quiz.store import StoreError

        self._release_signals()
        if self.session is None or self.record is not None:
            return
        if self.session.progress[0]:
            self._keep()
        elif self.sitting is not None:
            try:  # noqa: SIM105
                self.sitting.discard()  # left before answering anything: as if never started
            except StoreError:
                pass


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
        yield DataTable(id="exam-answers", cursor_type="row", zebra_stripes=True)
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
                said = verdict(item)
                table.add_row(Text(str(i), justify="right"), MARKS[said], Text(item.prompt), _(VERDICTS[said]), height=None)
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
        if isinstance(self.app, ExamApp):
            self.app.exit()
        else:
            self.app.go_home()


class ExamApp(QuizApp):
    """The app opened on a test (`quiz exam`): choose the learner, take the test, see the results, leave."""

    CSS_PATH = str(Path(inspect.getfile(QuizApp)).parent / str(QuizApp.CSS_PATH))  # the app's one stylesheet

    def __init__(self, data_dir: Path, profile: str | None, paper: ExamPaper, *, time_limit: float | None = None,
                 retakes: bool = False, show_answers: bool = False, **options: object) -> None:
        super().__init__(data_dir, profile, **options)  # type: ignore[arg-type]
        self.paper = paper
        self.time_limit = time_limit
        self.retakes = retakes
        self.show_answers = show_answers
        self.record: ExamRecord | None = None

    def first_screen(self, deck: Deck | None) -> None:
        self.push_screen(
            ExamScreen(self.paper, time_limit=self.time_limit, retakes=self.retakes, show_answers=self.show_answers)
        )


def create_exam_app(
    data_dir: Path,
    profile: str | None,
    paper: ExamPaper,
    *,
    time_limit: float | None = None,
    retakes: bool = False,
    show_answers: bool = False,
    clock: Callable | None = None,
    timer: Callable[[], float] | None = None,
    language: str | None = None,
) -> ExamApp:
    """The app as `quiz exam` runs it; tests pass a fake clock and timer. `language` is `--lang` (see `texts`)."""
    use_language(choose_language(language, os.environ))
    return ExamApp(
        data_dir, profile, paper, time_limit=time_limit, retakes=retakes, show_answers=show_answers, clock=clock, timer=timer
    )
