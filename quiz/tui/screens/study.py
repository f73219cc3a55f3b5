"""One screen for every card kind: question, answer widget, then feedback and rating.

Every answer is recorded by the session before the feedback appears, so the
learner can leave at any moment without losing anything answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.engine.rating import Rating

from ..texts import N_, _, ngettext
from ..widgets.answers import AnswerWidget, FlashcardAnswer, answer_widget_for
from ..widgets.progress import SessionProgress

if TYPE_CHECKING:
    from quiz.engine.session import Outcome, Preview, StudySession

    from ..app import QuizApp
    from ..widgets.feedback import FeedbackPanel
    from ..widgets.rating import RatingBar

# The key bar, the feedback panel and the rating buttons are imported when first shown, after the first question.

ASKING, FEEDBACK = "asking", "feedback"
T = TypeVar("T")


class StudyScreen(Screen[None]):
    ORDERED_KEYS = True  # a burst of keys is applied key by key (see `keyorder`)
    BINDINGS = [
        # Letters are answers, never commands: a pupil typing ahead must not undo or reveal anything.
        Binding("ctrl+z", "undo", N_("Undo")),
        Binding("f2", "hint", N_("Hint")),
        Binding("enter", "next", N_("Next")),
        Binding("space", "next", N_("Next"), show=False),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(1, 5)),
        Binding("escape", "leave", N_("Decks")),
        # A question longer than the screen: these scroll it while the options or the box keep the keys.
        Binding("pageup", "scroll_body('up')", N_("Scroll up"), show=False, priority=True),
        Binding("pagedown", "scroll_body('down')", N_("Scroll down"), show=False, priority=True),
    ]

    app: QuizApp

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session
        self.state = ASKING
        self.started = 0.0
        self.hint_used = False
        self.feedback: FeedbackPanel | None = None
        self.busy = False
        """A write to the store is under way."""

    def compose(self) -> ComposeResult:
        """The first card is composed with the screen, so that the first frame painted shows all of it."""
        titles = sorted({deck.title for deck in self.session.decks})
        yield SessionProgress(
            titles[0] if len(titles) == 1 else ngettext("{count} deck", "{count} decks", len(titles)).format(count=len(titles))
        )
        presented = self.session.current
        first = None if presented is None else answer_widget_for(presented)
        with VerticalScroll(id="body"):
            yield Static("" if first is None else first.prompt_content(), id="prompt", classes="prompt")
            with Vertical(id="slot"):  # the hint line goes above it, after the first paint (see `_hint`)
                if first is not None:
                    yield first

    def on_mount(self) -> None:
        self.show_current()
        self.call_after_refresh(self._mount_footer)

    async def _mount_footer(self) -> None:
        """After the first question is on screen: the key bar, the costliest widget to build, and the hint line, hidden."""
        from ..widgets.keybar import KeyBar

        if not self.is_attached:  # the learner left before the first question was painted
            return
        self._hint()
        await self.mount(KeyBar())
        self.refresh_bindings()  # a footer fills itself in when the bindings change
        self.call_after_refresh(self._show_focused)  # the footer took a line off the bottom

    # -- asking ---------------------------------------------------------------

    def show_current(self) -> None:
        """Ask the session's current card (its widget is already in place for the first card, composed with the screen)."""
        presented = self.session.current
        self._update_progress()
        if presented is None:
            self.app.show_end(self.session)
            return
        self.state = ASKING
        self.feedback = None
        self.hint_used = False
        slot = self.query_one("#slot")
        in_place = next(iter(slot.children), None)
        if not (isinstance(in_place, AnswerWidget) and in_place.presented is presented):
            widget = answer_widget_for(presented)
            slot.remove_children()
            slot.mount(widget)
            self.query_one("#prompt", Static).update(widget.prompt_content())
        for hint in self.query("#hint").results(Static):  # (none yet for the first card)
            hint.update("")
            hint.display = False
        self._stop_scrolling().scroll_home(animate=False)
        self.call_after_refresh(self._show_focused)
        self.started = self.app.timer()

    def _hint(self) -> Static:
        """The hint line under the question, hidden until F2; made once the first question is painted, or at F2 if sooner."""
        found = self.query("#hint").results(Static)
        hint = next(found, None)
        if hint is None:
            hint = Static(id="hint", classes="hint")
            hint.display = False
            self.query_one("#body").mount(hint, before=self.query_one("#slot"))
        return hint

    def keys_wait(self) -> bool:
        """Keys wait while an answer is being written to the store: the next key belongs to what follows it."""
        return self.busy

    def _stop_scrolling(self) -> VerticalScroll:
        """The body, with any scroll still gliding to an earlier focus stopped: it would land after, and win."""
        body = self.query_one("#body", VerticalScroll)
        for attribute in ("scroll_x", "scroll_y"):
            self.app.animator.force_stop_animation(body, attribute)
        return body

    def _show_focused(self) -> None:
        """Under a long question, scroll down to where the keys go: the options, or the box to type in."""
        if self.focused is not None:
            self.focused.scroll_visible(animate=False, immediate=True)

    def _duration(self) -> float:
        return max(0.0, self.app.timer() - self.started)

    def _update_progress(self) -> None:
        """Cards left as Anki counts them (new, learning, review); the bar is cards done of the session's cards."""
        left = self.session.cards_left()
        words = _("left: {new} new · {learning} learning · {review} review").format(
            new=left.new, learning=left.learning, review=left.review
        )
        self.query_one(SessionProgress).show(left.done, left.total, words)

    # -- recording (off the UI thread: a write may wait for another quiz on the same data) --

    def _record(self, change: Callable[[], T], then: Callable[[T], None]) -> None:
        """Run `change` (a store write) in a worker, then `then(result)` here; keys wait meanwhile."""
        if self.busy:
            return
        self.busy = True
        self._record_in_worker(change, then)

    @work(thread=True, group="record")
    def _record_in_worker(self, change: Callable[[], T], then: Callable[[T], None]) -> None:
        from quiz.store import ChangedElsewhere, StoreError

        try:
            result = change()
        except ChangedElsewhere as error:  # another window answered this card since: nothing was changed
            self.app.call_from_thread(self._refused, str(error))
            return
        except StoreError as error:
            self.app.call_from_thread(self._record_failed, str(error))
            return
        self.app.call_from_thread(self._recorded, then, result)

    def _refused(self, message: str) -> None:
        self.busy = False
        self.notify(f"{message[:1].upper()}{message[1:]}.", severity="warning", timeout=10)

    def _recorded(self, then: Callable[[T], None], result: T) -> None:
        self.busy = False
        then(result)

    def _record_failed(self, message: str) -> None:
        """Nothing was recorded and the session is unchanged: the learner can simply try again."""
        self.busy = False
        self.notify(_("Your answer could not be saved: {problem}").format(problem=message), severity="error", timeout=10)

    def on_answer_widget_submitted(self, event: AnswerWidget.Submitted) -> None:
        event.stop()
        if self.state != ASKING:
            return
        response, duration, hint_used = event.response, self._duration(), self.hint_used
        self._record(lambda: self.session.submit(response, duration=duration, hint_used=hint_used), self._show_feedback)

    def _show_feedback(self, outcome: Outcome) -> None:
        from ..widgets.feedback import FeedbackPanel

        self.state = FEEDBACK
        self._update_progress()
        self.feedback = FeedbackPanel(
            outcome, self.app.now(), self._waits(self.session.preview_last()), self.session.options.rollover
        )
        slot = self.query_one("#slot")
        slot.remove_children()
        slot.mount(self.feedback)
        self._stop_scrolling().focus()  # the feedback brings itself into view once laid out

    def _waits(self, preview: Preview) -> dict[int, str]:
        """When each rating would bring the card back, as the rating buttons say it."""
        from ..when import short_wait

        rollover = self.session.options.rollover
        return {int(rating): short_wait(due, preview.at, rollover) for rating, due in preview.dues.items()}

    def on_flashcard_answer_flipped(self, event: FlashcardAnswer.Flipped) -> None:
        event.stop()
        if self.state == ASKING and self.session.current is not None:
            event.flashcard.show_waits(self._waits(self.session.preview()))

    def on_flashcard_answer_rated(self, event: FlashcardAnswer.Rated) -> None:
        event.stop()
        if self.state == ASKING:
            rating, duration = Rating(event.rating), self._duration()
            self._record(lambda: self.session.rate(rating, duration=duration), lambda _: self.show_current())

    # -- after answering ------------------------------------------------------

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next and the ratings after an answer; the hint while asking (F2 on a card without one says so)."""
        if action in ("next", "rate"):
            return self.state == FEEDBACK
        if action == "hint":
            return self.state == ASKING and self.session.current is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_rate(self, rating: int) -> None:
        feedback = self.feedback
        if feedback is not None:
            self._record(lambda: self.session.override(Rating(rating)), feedback.show)

    def on_rating_bar_chosen(self, event: RatingBar.Chosen) -> None:
        event.stop()
        self.action_rate(event.rating)

    def action_next(self) -> None:
        if not self.busy:
            self.show_current()

    def action_undo(self) -> None:
        self._record(self.session.undo, self._undone)

    def _undone(self, undone: bool) -> None:
        if undone:
            self.show_current()
            self.notify(_("Last answer taken back."), timeout=2)
        else:
            self.notify(_("Nothing to undo in this session."), timeout=2)

    def action_hint(self) -> None:
        presented = self.session.current
        if presented is None:
            return
        if not presented.card.hint:
            self.notify(_("This card has no hint."), timeout=2)
            return
        self.hint_used = True
        hint = self._hint()
        hint.update(Content.assemble((_("Hint: "), "bold"), presented.card.hint))
        hint.display = True

    def action_scroll_body(self, direction: str) -> None:
        body = self.query_one("#body", VerticalScroll)
        if direction == "up":
            body.scroll_page_up(animate=False)
        else:
            body.scroll_page_down(animate=False)

    def action_leave(self) -> None:
        self.app.go_home()
