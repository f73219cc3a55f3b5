"""Statistics for a learner in one or more decks: cards by state, activity and due charts, retention.

The charts are drawn by plotext (through textual-plotext), imported only
when this screen opens so start-up does not pay for it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual_plotext import PlotextPlot

from quiz.deck.datarecord import datarecord

from ..texts import N_, _, ngettext, number, percent
from ..widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quiz.deck.model import Deck

    from ..app import QuizApp

PAST_DAYS = 30
NEXT_DAYS = 14


@datarecord
class DeckStatistics:
    """Everything the screen shows, gathered off the UI thread."""

    new: int
    learning: int
    review: int
    leech: int
    reviews: tuple[int, ...]  # last PAST_DAYS days, oldest first
    right: tuple[int, ...]
    due: tuple[int, ...]  # next NEXT_DAYS days, today (with overdue) first
    retention: float | None
    target: float | None = None  # the desired retention in force (None: the decks differ)
    parameters: tuple[float, ...] | None = None  # FSRS weights in use; None: the defaults
    fitted_reviews: int = 0  # reviews the weights were fitted to


def _summed(rows: list[list[int]], length: int) -> tuple[int, ...]:
    return tuple(sum(row[i] for row in rows) for i in range(length))


def gather(app: QuizApp, decks: Sequence[Deck]) -> DeckStatistics:
    from quiz.engine.scheduler import default_parameters, policy
    from quiz.store.options import last_fit, load_options
    from quiz.store.stats import due_per_day, retention, reviews_per_day

    store, profile, now = app.store, app.profile, app.now()
    assert store is not None and profile is not None
    options = load_options(store, profile)
    targets = {policy(deck.settings, options).retention for deck in decks}
    record = last_fit(store, profile) if options.parameters is not None else None
    counts = [store.deck_counts(profile, deck, now=now) for deck in decks]
    day = options.rollover
    past = [reviews_per_day(store, profile, PAST_DAYS, deck_id=d.id, now=now, rollover=day) for d in decks]
    ahead = [due_per_day(store, profile, NEXT_DAYS, deck_id=d.id, now=now, rollover=day) for d in decks]
    return DeckStatistics(
        new=sum(c.new for c in counts),
        learning=sum(c.learning for c in counts),
        review=sum(c.review for c in counts),
        leech=sum(c.leech for c in counts),
        reviews=_summed([[day.count for day in deck] for deck in past], PAST_DAYS),
        right=_summed([[day.correct for day in deck] for deck in past], PAST_DAYS),
        due=_summed([[day.count for day in deck] for deck in ahead], NEXT_DAYS),
        retention=retention(store, profile, deck_id=decks[0].id if len(decks) == 1 else None, days=PAST_DAYS, now=now),
        target=targets.pop() if len(targets) == 1 else None,
        parameters=options.parameters or default_parameters(),
        fitted_reviews=0 if record is None else record.reviews,
    )


def summary_content(stats: DeckStatistics) -> Content:
    answers = sum(stats.reviews)
    right = sum(stats.right)
    if stats.retention is None:
        retention = _("no reviews yet")
    else:
        retention = _("{percent} of reviews right").format(percent=percent(stats.retention))
    return Content.assemble(
        (_("Cards  "), "bold"),
        _("new {new} · learning {learning} · review {review} · leech {leech}").format(
            new=stats.new, learning=stats.learning, review=stats.review, leech=stats.leech
        )
        + "\n",
        (_("Last {days} days  ").format(days=PAST_DAYS), "bold"),
        ngettext("{count} answer", "{count} answers", answers).format(count=answers),
        _(", {right} right · retention: {retention}").format(right=right, retention=retention) + "\n",
        (_("Memory  "), "bold"),
        memory_line(stats),
    )


def memory_line(stats: DeckStatistics) -> str:
    """True retention against the target, and which FSRS parameters schedule the cards (their values follow)."""
    target = _("each deck's own") if stats.target is None else percent(stats.target)
    if stats.retention is None:
        line = _("target retention {target}").format(target=target)
    else:
        line = _("true retention {true} against a target of {target}").format(
            true=percent(stats.retention), target=target
        )
    if stats.fitted_reviews:
        source = ngettext(
            "parameters fitted to your {count} review", "parameters fitted to your {count} reviews", stats.fitted_reviews
        ).format(count=number(stats.fitted_reviews, ",d"))
    else:
        source = _("FSRS's default parameters")
    weights = "w " + " ".join(number(w, ".3g") for w in stats.parameters or ())
    return f"{line} · {source}\n{weights}"


class StatisticsScreen(Screen[None]):
    BINDINGS = [Binding("escape,q,s", "app.pop_screen", N_("Back"))]

    app: QuizApp

    def __init__(self, decks: Sequence[Deck]) -> None:
        super().__init__()
        self.decks = tuple(decks)

    def compose(self) -> ComposeResult:
        count = len(self.decks)
        if count == 1:  # the deck's language as the deck list shows it: the German and English decks share a title
            deck = self.decks[0]
            name = deck.title + (f" [{deck.language}]" if deck.language else "")
        else:
            name = ngettext("{count} deck", "{count} decks", count).format(count=count)
        title = _("Statistics · {deck} · {learner}").format(deck=name, learner=self.app.profile)
        yield Static(Content(title), classes="title", id="stats-title")
        yield Static(_("Counting…"), id="stats-summary")
        with Horizontal(id="charts"):
            yield PlotextPlot(id="reviews-chart")
            yield PlotextPlot(id="due-chart")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="statistics")
    def load(self) -> None:
        stats = gather(self.app, self.decks)
        self.app.call_from_thread(self.show, stats)

    def show(self, stats: DeckStatistics) -> None:
        self.query_one("#stats-summary", Static).update(summary_content(stats))
        past = list(range(-PAST_DAYS + 1, 1))
        draw_bars(self.query_one("#reviews-chart", PlotextPlot), past, stats.reviews,
                  _("Answers per day, last {days} days").format(days=PAST_DAYS), _("days ago"), [-28, -21, -14, -7, 0])
        draw_bars(self.query_one("#due-chart", PlotextPlot), list(range(NEXT_DAYS)), stats.due,
                  _("Cards due per day, next {days} days").format(days=NEXT_DAYS), _("days from today"), [0, 3, 7, 10, 13])


def draw_bars(plot: PlotextPlot, xs: list[int], ys: Sequence[int], title: str, xlabel: str, xticks: list[float]) -> None:
    """A bar chart of counts: the y axis starts at 0 and is labelled with whole numbers."""
    top = max(max(ys, default=0), 1)
    step = max(1, math.ceil(top / 4))
    plt = plot.plt
    plt.clear_figure()
    plt.bar(xs, list(ys), marker="hd")
    plt.title(title)
    plt.xlabel(xlabel)
    plt.xticks(xticks)
    plt.ylim(0, top)
    plt.yticks(list(range(0, top + 1, step)))
    plot.refresh()
