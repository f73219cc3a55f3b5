"""Fitting FSRS to a learner: the fit is kept only when it predicts better, is used for scheduling, and is automatic."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import fsrs_rs_python as fsrs
import pytest
from simulated_learner import simulate

from quiz.cli import main
from quiz.deck.model import Deck, Settings, TypedAnswer
from quiz.engine.optimizer import AUTO_EVERY, MIN_REVIEWS, fit, optimize, optimize_if_due
from quiz.engine.options import LearnerOptions
from quiz.engine.rating import Rating
from quiz.engine.scheduler import REVIEW, review
from quiz.engine.session import StudySession
from quiz.store import Answer, Store, StoreError
from quiz.store.options import last_fit, load_options, save_options
from quiz.store.reviews import card_histories

UTC = dt.UTC
START = dt.datetime(2025, 1, 6, tzinfo=UTC)
LATER = dt.datetime(2025, 11, 3, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("simulated")
    with Store.open(folder) as store:
        simulate(store, "Ana", cards=600, seed=1, start=START)
    return folder


@pytest.fixture
def store(simulated: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copytree(simulated, tmp_path / "data")
    with Store.open(tmp_path / "data") as opened:
        yield opened


def test_a_fit_that_predicts_better_is_kept_and_used(store: Store) -> None:
    result = optimize(store, "Ana", LATER)
    assert result.enough and result.reviews > 3000
    assert result.default is not None and result.fitted is not None
    assert result.fitted.log_loss < result.default.log_loss and result.chosen == "fitted"
    assert result.seconds < 5
    options = load_options(store, "Ana")
    assert options.parameters == result.parameters and len(options.parameters or ()) == 21
    record = last_fit(store, "Ana")
    assert record is not None and record.reviews == result.reviews and record.log_loss == result.fitted.log_loss

    # every card's memory was recomputed with the fitted weights
    histories, _ = card_histories(store, "Ana")
    fitted = fsrs.FSRS(list(result.parameters or ()))
    for history in histories[:50]:
        state = store.state("Ana", history.deck_id, history.card_key)
        assert state is not None and state.stability is not None
        steps, last = [], None
        for rating, when in history.answers:
            day = (when.astimezone().replace(tzinfo=None) - dt.timedelta(hours=4)).date()
            steps.append(fsrs.FSRSReview(rating, 0 if last is None else (day - last).days))
            last = day
        assert state.stability == pytest.approx(fitted.memory_state(fsrs.FSRSItem(steps)).stability, rel=1e-5)

    # and the session schedules with them
    deck = Deck(id="sim", title="sim", cards=(TypedAnswer(id="c0", question="q", answer="a"),), settings=Settings())
    before = store.state("Ana", "sim", "c0")
    assert before is not None
    when = max(before.due, LATER)
    session = StudySession(store, "Ana", [deck], clock=lambda: when, fuzz=False)
    assert session.current is not None
    session.rate(Rating.GOOD, duration=3)
    after = store.state("Ana", "sim", "c0")
    options_used = load_options(store, "Ana")
    assert after == review(before, Rating.GOOD, when, deck.settings, options=options_used)
    assert after != review(before, Rating.GOOD, when, deck.settings)  # the defaults would say otherwise


def test_the_best_of_defaults_in_use_and_fitted_is_chosen(store: Store) -> None:
    first = optimize(store, "Ana", LATER)
    again = optimize(store, "Ana", LATER)  # refitting the same reviews: the weights in use are a candidate too
    assert again.previous is not None and again.fitted is not None and again.default is not None
    best = min(again.default.log_loss, again.previous.log_loss, again.fitted.log_loss)
    chosen = {"defaults": again.default, "previous": again.previous, "fitted": again.fitted}[again.chosen]
    assert chosen.log_loss == best
    assert again.parameters == (None if again.chosen == "defaults" else
                                first.parameters if again.chosen == "previous" else again.parameters)


def test_too_few_reviews_keep_the_parameters(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        simulate(store, "Ben", cards=4, seed=2, start=START)
        histories, _ = card_histories(store, "Ben")
        result = fit(histories, 4, None)
        assert not result.enough and result.reviews < MIN_REVIEWS and result.parameters is None
        optimize(store, "Ben", LATER)
        assert load_options(store, "Ben").parameters is None and last_fit(store, "Ben") is None


def test_redrill_answers_are_not_training_data(store: Store) -> None:
    histories, through = card_histories(store, "Ana")
    state = store.state("Ana", "sim", "c1")
    assert state is not None
    store.record(Answer(
        profile="Ana", deck_id="sim", card_key="c1", time=LATER, given="x", correct=False, score=0.0, rating=1,
        auto_rating=1, duration=2.0, hint_used=False, before=state, after=state, drill=True,
    ))
    again, through_after = card_histories(store, "Ana")
    assert again == histories and through_after == through


def test_fitting_happens_by_itself_every_thousand_reviews(store: Store) -> None:
    assert optimize_if_due(store, "Ana", LATER) is not None  # thousands of reviews and never fitted
    assert optimize_if_due(store, "Ana", LATER) is None  # nothing new since
    record = last_fit(store, "Ana")
    assert record is not None
    state = store.state("Ana", "sim", "c2")
    assert state is not None
    for n in range(AUTO_EVERY):
        after = review(state, Rating.GOOD, LATER + dt.timedelta(days=n), Settings())
        store.record(Answer(
            profile="Ana", deck_id="sim", card_key="c2", time=LATER + dt.timedelta(days=n), given=None, correct=True,
            score=1.0, rating=3, auto_rating=None, duration=2.0, hint_used=False, before=state, after=after,
        ))
        state = after
        if n == AUTO_EVERY - 2:
            assert optimize_if_due(store, "Ana", LATER) is None
    assert optimize_if_due(store, "Ana", LATER) is not None


def test_the_command_reports_the_fit_and_changes_settings(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(store.path.parent)
    assert main(["--data-dir", folder, "--profile", "ana", "optimize"]) == 0
    out = capsys.readouterr().out
    assert "log loss" in out and "defaults" in out and "fitted" in out and "used from now on" in out
    assert main(["--data-dir", folder, "--profile", "Ana", "optimize", "--retention", "0.85", "--day-starts", "3"]) == 0
    options = load_options(store, "Ana")
    assert options.retention == 0.85 and options.rollover == 3 and options.parameters is not None
    assert main(["--data-dir", folder, "--profile", "Ana", "optimize", "--retention", "0.8", "--reschedule",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Reviews due per day over the next 30 days" in out and "dry run" in out
    assert load_options(store, "Ana").retention == 0.85  # a dry run changes nothing
    assert main(["--data-dir", folder, "--profile", "Ana", "optimize", "--retention", "deck", "--reset"]) == 0
    assert load_options(store, "Ana") == LearnerOptions(rollover=3)


def test_rescheduling_moves_review_cards_to_the_new_retention(store: Store) -> None:
    folder = str(store.path.parent)
    reviews_before = {
        key: due for key, due, state in store.query("SELECT card_key, due_us, state FROM card_states") if state == REVIEW
    }
    assert main(["--data-dir", folder, "--profile", "Ana", "optimize", "--retention", "0.97", "--reschedule"]) == 0
    after = dict(store.query("SELECT card_key, due_us FROM card_states"))
    earlier = sum(1 for key, due in reviews_before.items() if after[key] < due)
    assert earlier > 0.8 * len(reviews_before)  # a higher retention brings reviews closer


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["optimize", "--retention", "1.5"], "between 0.70 and 0.97"),
        (["optimize", "--retention", "lots"], "not a number"),
        (["optimize", "--day-starts", "24"], "between 0 and 23"),
        (["optimize", "--max-interval", "0"], "between 1 and 36500"),
    ],
)
def test_bad_settings_are_refused_with_a_message(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_an_unknown_learner_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path) as store:
        store.ensure_profile("Ana")
        save_options(store, "Ana", LearnerOptions(retention=0.9))
    assert main(["--data-dir", str(tmp_path), "--profile", "Zoe", "optimize"]) == 1
    assert "no profile named 'Zoe'" in capsys.readouterr().err


def test_damaged_settings_are_named_and_can_be_set_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path) as store:
        store.ensure_profile("Ana")
        save_options(store, "Ana", LearnerOptions(retention=0.9))
        store.query("UPDATE learner_options SET rollover = 99, parameters = '[1, 2'")
    with Store.open(tmp_path) as store:
        with pytest.raises(StoreError, match=r"profile 'Ana'\): the stored day start is damaged; .*--day-starts 4"):
            load_options(store, "Ana")
        with pytest.raises(StoreError):
            StudySession(store, "Ana", [], clock=lambda: LATER)
    assert main(["--data-dir", str(tmp_path), "--profile", "Ana", "optimize"]) == 1
    assert "damaged" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "--profile", "Ana", "optimize", "--day-starts", "4", "--reset"]) == 0
    with Store.open(tmp_path) as store:
        assert load_options(store, "Ana") == LearnerOptions(retention=0.9)
