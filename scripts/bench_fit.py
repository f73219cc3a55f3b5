"""Benchmark fitting FSRS to a learner, and how much the fit improves the predictions.

A simulated learner whose memory follows known FSRS weights (not the
defaults) answers cards when due for a year. For each size, fitting
(`quiz.engine.optimizer.fit`: training items, fsrs-rs's optimizer, three
evaluations) is timed against a baseline measured in the same run: one
evaluation of the default weights on the same reviews (a single pass of the
model over the data). Runs alternate fit and baseline; the ratio printed is
the median of the per-pair ratios. Also printed: log loss and RMSE of the
defaults and of the fit, and the peak resident memory of the process.

    python scripts/bench_fit.py [--reviews 5000 50000] [--pairs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import time

import fsrs_rs_python as fsrs

from quiz.engine.optimizer import fit, training_items
from quiz.store.reviews import CardHistory

TRUE_WEIGHTS = (0.3, 1.1, 2.6, 9.1, 6.6, 0.72, 2.7, 0.004, 1.7, 0.12, 0.9, 1.6, 0.09, 0.3, 1.4, 0.5, 2.1, 0.6, 0.12,
                0.08, 0.3)
START = dt.datetime(2025, 1, 6, 18, 0, tzinfo=dt.UTC)


def simulate(reviews: int, seed: int = 1) -> list[CardHistory]:
    """Cards answered when due (give or take a day or two) until `reviews` answers exist."""
    rng = random.Random(seed)
    truth = fsrs.FSRS(list(TRUE_WEIGHTS))
    factor = 0.9 ** (-1 / TRUE_WEIGHTS[20]) - 1
    out: list[CardHistory] = []
    total = 0
    while total < reviews:
        when = START + dt.timedelta(days=rng.randint(0, 90))
        memory: fsrs.MemoryState | None = None
        answers: list[tuple[int, dt.datetime]] = []
        days = 0
        for _ in range(rng.randint(3, 12)):
            if memory is None:
                rating = rng.choices([1, 2, 3, 4], weights=[2, 1, 6, 1])[0]
            elif rng.random() < (1 + factor * days / memory.stability) ** -TRUE_WEIGHTS[20]:
                rating = rng.choices([2, 3, 4], weights=[1, 7, 1])[0]
            else:
                rating = 1
            nexts = truth.next_states(memory, 0.9, days)
            item = (nexts.again, nexts.hard, nexts.good, nexts.easy)[rating - 1]
            memory = fsrs.MemoryState(item.memory.stability, item.memory.difficulty)
            answers.append((rating, when))
            days = max(1, round(item.interval * rng.uniform(0.8, 1.4)))
            when += dt.timedelta(days=days)
        out.append(CardHistory("sim", f"c{len(out)}", tuple(answers)))
        total += len(answers)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    for size in args.reviews:
        histories = simulate(size)
        items = training_items(histories, 4)
        model = fsrs.FSRS(list(fsrs.DEFAULT_PARAMETERS))
        ratios, fit_s, base_s = [], [], []
        result = None
        for _ in range(args.pairs):
            t = time.perf_counter()
            result = fit(histories, 4, None)
            fit_s.append(time.perf_counter() - t)
            t = time.perf_counter()
            model.evaluate(items)
            base_s.append(time.perf_counter() - t)
            ratios.append(fit_s[-1] / base_s[-1])
        assert result is not None and result.default is not None and result.fitted is not None
        print(
            f"{sum(len(h.answers) for h in histories):,} answers, {result.reviews:,} reviews to predict: "
            f"fit median {statistics.median(fit_s):.3f} s, baseline (one evaluation) {statistics.median(base_s):.4f} s, "
            f"ratio {statistics.median(ratios):.1f}x"
        )
        print(
            f"  log loss defaults {result.default.log_loss:.4f} -> fitted {result.fitted.log_loss:.4f}; "
            f"RMSE {result.default.rmse * 100:.2f} % -> {result.fitted.rmse * 100:.2f} %; chosen: {result.chosen}"
        )
    print(f"peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
