"""`quiz play DECK`: study one deck now; `quiz` alone opens the deck list."""

from __future__ import annotations

import argparse
import gc
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.deck.model import Deck

HELP = "study a deck (a deck file or the id of a bundled deck)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="path to a deck file, or a bundled deck id")


def _run_app(args: argparse.Namespace, deck: Deck | None) -> int:
    from quiz.store import data_dir

    folder = data_dir(args.data_dir)
    opening = None
    if args.profile is not None or deck is not None:
        # The learner's progress opens (and the session's queue builds) while Textual starts,
        # so the first screen painted is the first question rather than a loading screen.
        from quiz.tui.opening import open_ahead

        opening = open_ahead(folder, args.profile, deck)
    from quiz.tui.app import create_app

    app = create_app(folder, profile=args.profile, deck=deck, opening=opening)
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
