"""Class report speed: read, verify and report a class's results files, against a bare `json.loads` of them.

Generates results files for a class (every student sat the same test and
practised), then times the full report, from files to terminal text, against the baseline of
only reading the same files and parsing their JSON lines: runs alternate, and
the median and spread of the per-pair ratios are printed, with the peak memory
allocated by each.

    python scripts/bench_report.py [--students 200] [--questions 40] [--runs 11]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from quiz.classroom import results
from quiz.classroom.records import ExamItem, ExamRecord, PracticeRecord
from quiz.classroom.report import build_from_paths
from quiz.classroom.report_tables import format_text

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def write_class(directory: Path, students: int, questions: int, rng: random.Random) -> list[Path]:
    paths = []
    for s in range(students):
        ability = rng.random()
        items = []
        for q in range(questions):
            options = (f"answer {q}", f"wrong {q}a", f"wrong {q}b", f"wrong {q}c")
            right = rng.random() < 0.2 + 0.7 * ability
            picked = options[0] if right else rng.choice(options[1:])
            items.append(
                ExamItem(f"card-{q}", "choice", f"Question number {q}?", options, options[0], picked, True, right,
                         float(right), rng.uniform(3, 40), () if right else (picked,), options[1:])
            )
        exam = ExamRecord(f"exam-{s}", "deck", "1", "Deck", "seed", T0, 900.0, 1200.0, False, tuple(items))
        practice = PracticeRecord("deck", 300, 240, 120, 100, 12, 3600.0, T0, tuple(f"card-{q}" for q in range(3)))
        paths.append(results.write(results.StudentResults(f"student {s}", T0, (exam,), (practice,)), directory))
    return paths


def paired(runs: int, base: Callable[[], object], work: Callable[[], object]) -> tuple[float, float, list[float]]:
    """Median seconds of each, and the per-pair ratios, over alternated runs (which goes first alternates)."""
    base_s, work_s = [], []
    for run in range(runs):
        for which in ((base, work) if run % 2 == 0 else (work, base)):
            start = time.perf_counter()
            which()
            (base_s if which is base else work_s).append(time.perf_counter() - start)
    ratios = [w / b for w, b in zip(work_s, base_s, strict=True)]
    return statistics.median(base_s), statistics.median(work_s), ratios


def peak_mib(work: Callable[[], object]) -> float:
    """Peak of Python allocations while `work` runs, in MiB."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=11, help="pairs of runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        paths = write_class(directory, args.students, args.questions, random.Random(1))

        def baseline() -> None:
            for path in paths:
                for line in path.read_text(encoding="utf-8").splitlines():
                    json.loads(line)

        def report() -> None:
            format_text(build_from_paths([directory]))

        report()  # imports and first-use costs are not what is measured
        base, full, ratios = paired(args.runs, baseline, report)
        base_mib, full_mib = peak_mib(baseline), peak_mib(report)
    q = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    print(f"class: {args.students} students x {args.questions} questions")
    print(f"json.loads of the files: {base * 1000:7.1f} ms, peak {base_mib:6.1f} MiB allocated")
    print(f"verified report:         {full * 1000:7.1f} ms, peak {full_mib:6.1f} MiB allocated")
    print(f"report / json.loads per pair over {args.runs} pairs: median {statistics.median(ratios):.2f}x "
          f"(quartiles {q[0]:.2f}-{q[2]:.2f}, range {min(ratios):.2f}-{max(ratios):.2f}); memory {full_mib / base_mib:.2f}x "
          f"(process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")  # fmt: skip


if __name__ == "__main__":
    main()
