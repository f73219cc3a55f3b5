"""`quiz watch [--deck ID --seed S]`: the teacher's live view of a class test on this data directory."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--deck", metavar="ID", help="the test's deck id (default: the test started last)")
    parser.add_argument("--seed", metavar="S", help="the test's seed (with --deck)")


def run(args: argparse.Namespace) -> int:
    if (args.deck is None) != (args.seed is None):
        print("--deck and --seed name a test together: give both, or neither for the test started last", file=sys.stderr)
        return 2
    from quiz.classroom.live import TestId
    from quiz.store import data_dir
    from quiz.tui.watch_app import create_watch_app

    test = TestId(args.deck, args.seed) if args.deck is not None and args.seed is not None else None
    app = create_watch_app(data_dir(args.data_dir), test, language=args.lang)
    app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return 1
    return int(app.return_code or 0)
