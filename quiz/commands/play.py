"""`quiz play DECK`: study one deck now; `quiz` alone opens the deck list."""

from __future__ import annotations

import argparse
import gc
import sys

HELP = "study a deck (a deck file or the id of a bundled deck)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="path to a deck file, or a bundled deck id")


def _run_app(args: argparse.Namespace, deck: object | None) -> int:
    from quiz.store import data_dir
    from quiz.tui.app import create_app

    app = create_app(data_dir(args.data_dir), profile=args.profile, deck=deck)  # type: ignore[arg-type]
    # The modules and the deck read so far live as long as the app: keep the
    # collector from rescanning them (full collections cost ~30 ms at start-up).
    gc.freeze()
    app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return 1
    return int(app.return_code or 0)


def run(args: argparse.Namespace) -> int:
    """Check the deck before the screen switches over, so problems print as `file:line:column`."""
    from ._decks import deck_or_report

    deck = deck_or_report(args.deck)
    if deck is None:
        return 1
    return _run_app(args, deck)


def run_home(args: argparse.Namespace) -> int:
    """`quiz` without a command: pick the learner, then a deck."""
    return _run_app(args, None)
