"""End of session: score, time, the cards missed, re-drill them, when the next cards are due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ..texts import N_, _, number, percent
from ..when import elapsed, relative
from ..widgets.keybar import KeyBar
from ..widgets.keybutton import KeyButton

if TYPE_CHECKING:
    from quiz.engine.session import SessionSummary, StudySession

    from ..app import QuizApp


DRILL_NOTE = N_("Practice only: these answers keep the cards' schedule and are not counted in retention.")


def summary_content(summary: SessionSummary, now_text: str) -> Content:
    if not summary.answered:
        return Content(_("No cards answered in this session."))
    mark = "✓" if summary.right == summary.answered else "✗" if not summary.right else "◐"
    right = _("{right} of {answered} right").format(right=summary.right, answered=summary.answered)
    return Content.assemble(
        (f"{mark} {right}", "bold"),
        _(" · score {score} · time {time}").format(score=percent(summary.score), time=elapsed(summary.elapsed)) + "\n",
        (_("Next review: "), "bold"),
        now_text,
    )


class EndScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "redrill", N_("Re-drill misses")),
        Binding("s", "statistics", N_("Statistics")),
        Binding("enter,escape", "home", N_("Decks")),
    ]

    app: QuizApp

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session
        self.summary = session.summary()

    def compose(self) -> ComposeResult:
        summary = self.summary
        now = self.app.now()
        due = _("nothing scheduled") if summary.next_due is None else relative(summary.next_due, now, self.session.options.rollover)
        yield Static(_("Re-drill complete") if self.session.drill else _("Session complete"), classes="title")
        yield Static(summary_content(summary, due), id="summary")
        if self.session.drill:
            yield Static(_(DRILL_NOTE), id="drill-note")
        with VerticalScroll(id="missed"):
            if summary.missed:
                yield Static(Content(_("Missed ({count}):").format(count=len(summary.missed))), classes="subtitle")
                for presented in summary.missed:
                    yield Static(Content.assemble("✗ ", presented.prompt), classes="missed-card")
            elif summary.answered:
                yield Static(_("Nothing missed. Well done!"), classes="subtitle")
        with Horizontal(id="end-actions"):
            if summary.missed:
                yield KeyButton(_("r  Re-drill the misses"), id="redrill")
            yield KeyButton(_("s  Statistics"), id="statistics")
            yield KeyButton(_("Enter  Decks"), id="home")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.summary.answered and not self.session.drill:
            self.refit()

    @work(thread=True, exclusive=True, group="fit")
    def refit(self) -> None:
        """Every 1,000 new reviews, FSRS is fitted again to the learner's answers (a fraction of a second)."""
        from quiz.engine.optimizer import optimize_if_due
        from quiz.store import StoreError

        store, profile = self.app.store, self.app.profile
        if store is None or profile is None:
            return
        try:
            result = optimize_if_due(store, profile, self.app.now())
        except StoreError:
            return  # the next session's end tries again; studying never waits for a fit
        if result is not None and result.chosen == "fitted" and result.default is not None and result.fitted:
            text = _("Scheduling now fits your memory: fitted to {count} reviews (log loss {fitted}, defaults {default}).")
            message = text.format(
                count=number(result.reviews, ",d"),
                fitted=number(result.fitted.log_loss, ".3f"),
                default=number(result.default.log_loss, ".3f"),
            )
            self.app.call_from_thread(self.app.notify, message, markup=False, timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "redrill":
            return bool(self.summary.missed)
        return True

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.run_action(event.button.id or "home")

    def action_redrill(self) -> None:
        if self.summary.missed:
            self.app.start_session(self.session.redrill)

    def action_statistics(self) -> None:
        self.app.show_statistics(self.session.decks)

    def action_home(self) -> None:
        self.app.go_home()
