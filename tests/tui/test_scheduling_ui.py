"""What the learner sees of scheduling: intervals on the rating buttons, memory on the statistics screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui_helpers import (
    PROFILE,
    T0,
    answer,
    make_app,
    right_keys,
    settle,
    single,
    synchronously,
    tour_deck,
    wait_for,
    wait_screen,
)

from quiz.engine.options import LearnerOptions
from quiz.store import Store
from quiz.store.options import FitRecord, save_fit, save_options
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.statistics import StatisticsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.rating import RatingBar

FITTED = (0.3, 1.1, 2.6, 9.1, 6.6, 0.72, 2.7, 0.004, 1.7, 0.12, 0.9, 1.6, 0.09, 0.3, 1.4, 0.5, 2.1, 0.6, 0.12, 0.08, 0.2)


def labels(bar: RatingBar) -> list[str]:
    return [str(button.label) for button in bar.query(".rate")]


def easy_days(label: str) -> int:
    wait = label.split()[-1]
    assert wait.endswith("d"), label
    return int(wait.removesuffix("d"))


@synchronously
async def test_rating_buttons_show_when_each_rating_brings_the_card_back(tmp_path: Path) -> None:
    deck = tour_deck()
    app = make_app(tmp_path, single(deck, "m19-flashcard"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press("space")
        bar = screen.query_one("#self-rating", RatingBar)
        await wait_for(pilot, lambda: "10m" in " ".join(labels(bar)), "intervals on the buttons")
        shown = labels(bar)
        assert shown[:3] == [" 1 Again 1m", " 2 Hard 6m", " 3 Good 10m"]  # learning steps: 1 and 10 minutes
        assert shown[3].startswith(" 4 Easy ") and easy_days(shown[3]) in range(6, 11)  # 8 days, fuzzed
        assert screen.session.preview().dues  # what the buttons say comes from the session
    app = make_app(tmp_path / "two", single(deck, "dealer-whom"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        await pilot.press(*right_keys(presented))
        await settle(pilot)
        texts = labels(screen.query_one("#rating", RatingBar))
        assert [t.split()[-1] for t in texts[:3]] == ["1m", "6m", "10m"] and easy_days(texts[3]) in range(6, 11)
        assert texts[3].startswith("✓4 Easy")  # a fast right answer


@synchronously
async def test_statistics_show_true_retention_against_the_target_and_the_parameters(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.ensure_profile(PROFILE)
        save_options(store, PROFILE, LearnerOptions(retention=0.85, parameters=FITTED))
        save_fit(store, PROFILE, FITTED, FitRecord(T0, 1234, 99, 0.3, 0.03, 0.32, 0.04))
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        await wait_screen(pilot, EndScreen)
        await pilot.press("s")
        stats = await wait_screen(pilot, StatisticsScreen)
        await wait_for(pilot, lambda: "Memory" in stats.query_one("#stats-summary").render().plain, "statistics")
        summary = stats.query_one("#stats-summary").render().plain
        assert "target retention 85%" in summary
        assert "parameters fitted to your 1,234 reviews" in summary
        assert "w 0.3 1.1 2.6 9.1 6.6 0.72 2.7 0.004" in summary


@synchronously
async def test_a_fit_due_at_the_end_of_a_session_is_made_and_told(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent))
    from simulated_learner import simulate

    with Store.open(tmp_path) as store:
        simulate(store, PROFILE, cards=150, seed=3, start=T0 - dt.timedelta(days=400))
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"))
    notes: list[str] = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        await wait_screen(pilot, EndScreen)
        await wait_for(pilot, lambda: bool(notes), "the fit's notice", timeout=15)
    assert "Scheduling now fits your memory: fitted to" in notes[0]
    with Store.open(tmp_path) as store:
        from quiz.store.options import last_fit, load_options

        assert last_fit(store, PROFILE) is not None and load_options(store, PROFILE).parameters is not None
