"""`quiz exam DECK --questions 20 [--time 15m] [--seed S]`: take a test; a class shares one seed."""

from __future__ import annotations

import argparse
import re
import sys

from quiz.shown import shown


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("needs at least one question")
    return value


def _time_limit(text: str) -> float:
    from quiz.classroom.time_limit import parse_time_limit

    try:
        return parse_time_limit(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# `--time -5m` would otherwise be read as an unknown option ("expected one argument"): a dash, a digit
# and anything after it is a value here, which `_time_limit` then explains.
NEGATIVE_VALUE = re.compile(r"^-\d")


def configure(parser: argparse.ArgumentParser) -> None:
    parser._negative_number_matcher = NEGATIVE_VALUE  # argparse's own hook for values that start with a dash
    parser.add_argument("deck", metavar="DECK", help="path to a deck file, or a bundled deck id")
    parser.add_argument("--questions", "-n", type=_positive, default=20, metavar="N", help="questions (default 20)")
    parser.add_argument("--time", type=_time_limit, metavar="DURATION", help="time limit, e.g. 15m or 1h30m; untimed if left out")
    parser.add_argument("--seed", metavar="S", help="the test's seed: the same seed gives the same test (default: new)")
    parser.add_argument(
        "--print", dest="print_to", metavar="FILE", help="write the test as a printable page (HTML, answer key last) instead of taking it"
    )
    parser.add_argument(
        "--retakes",
        action="store_true",
        help="allow a learner who took this test (same deck version and seed) to sit it again",
    )
    parser.add_argument(
        "--show-answers",
        action="store_true",
        help="show the right answers on the results screen (default: only which questions were right)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.classroom.exam import ExamError, draw, new_seed
    from quiz.i18n import _, number
    from quiz.store import data_dir

    from ._decks import deck_or_report

    deck = deck_or_report(args.deck)
    if deck is None:
        return 1
    seed = args.seed if args.seed is not None else new_seed()
    if args.print_to:
        from pathlib import Path

        from .export import print_test

        return print_test(deck, args.questions, seed, Path(args.print_to))
    try:
        paper = draw(deck, args.questions, seed)
    except ExamError as error:
        print(shown(f"{args.deck}: {error}"), file=sys.stderr)
        return 1
    if len(paper.questions) < args.questions:
        print(
            shown(
                _("{deck} has {count} questions for a test, not {asked}: the test gives all {count}").format(
                    deck=deck.id, count=len(paper.questions), asked=args.questions
                )
            ),
            file=sys.stderr,
        )

    from quiz.tui.exam_app import create_exam_app

    app = create_exam_app(
        data_dir(args.data_dir),
        args.profile,
        paper,
        time_limit=args.time,
        retakes=args.retakes,
        show_answers=args.show_answers,
        language=args.lang,
    )
    app.run()
    if app.error:
        print(shown(app.error, lines=True), file=sys.stderr)
        return 1
    record = app.record
    if record is None:
        done = _("not handed in")
    else:
        score = number(record.score) if record.score == int(record.score) else number(record.score, ".2f")
        done = _("score {score} of {total}").format(score=score, total=len(record.items))
    print(
        shown(
            _("test {deck} version {version}, seed {seed}: {done}").format(
                deck=deck.id, version=deck.version, seed=seed, done=done
            )
        ),
        file=sys.stderr,
    )
    return int(app.return_code or 0)
