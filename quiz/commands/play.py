"""`quiz play DECK`: study one deck now; `quiz` alone opens the deck list."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from quiz.shown import shown

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="path to a deck file, or a bundled deck id")


def _run_app(args: argparse.Namespace, deck_spec: str | None) -> int:
    """Open the deck (if any) and the learner's progress, then run the app until it quits."""
    from ._startup import setting_up

    # Everything made until the app runs (modules, the deck) lives as long as the app
    # (the collector's passes over it cost ~30 ms at start-up).
    with setting_up():
        app = _open_app(args, deck_spec)
    if app is None:
        return 1
    app.run()
    if app.error:
        print(shown(app.error, lines=True), file=sys.stderr)
        return 1
    return int(app.return_code or 0)


def _open_app(args: argparse.Namespace, deck_spec: str | None) -> QuizApp | None:
    """The app, with the deck read and progress opening; None after printing why the deck cannot be used."""
    deck = None
    if deck_spec is not None:
        # Checked before the screen switches over, so problems print as `file:line:column`.
        from ._decks import deck_or_report

        deck = deck_or_report(deck_spec)
        if deck is None:
            return None
    from quiz.store import data_dir

    folder = data_dir(args.data_dir)
    opening = None
    if args.profile is not None or deck is not None:
        # The learner's progress opens (and the session's queue builds) while Textual starts,
        # so the first screen painted is the first question rather than a loading screen.
        from quiz.tui.opening import open_ahead

        opening = open_ahead(folder, args.profile, deck)
    from quiz.tui.app import create_app

    return create_app(folder, profile=args.profile, deck=deck, opening=opening, language=args.lang)


def run(args: argparse.Namespace) -> int:
    return _run_app(args, args.deck)


def run_home(args: argparse.Namespace) -> int:
    """`quiz` without a command: pick the learner, then a deck."""
    return _run_app(args, None)
