"""Class report speed: read, verify and report a class's results files, against a bare `json.loads` of them.

Generates results files for a class (every student sat the same test and
practised), then times (best of several runs) the full report, from files to
terminal text, and the baseline of only parsing the same files' JSON lines.
Prints both times and their ratio.

    python scripts/bench_report.py [--students 200] [--questions 40] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
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


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
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

        base = best(args.runs, baseline)
        full = best(args.runs, report)
    print(f"class: {args.students} students x {args.questions} questions")
    print(f"json.loads of the files: {base * 1000:.1f} ms")
    print(f"verified report:         {full * 1000:.1f} ms")
    print(f"ratio: {full / base:.2f}x")


if __name__ == "__main__":
    main()
