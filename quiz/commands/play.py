"""`quiz play DECK`: study one deck now; `quiz` alone opens the deck list."""

from __future__ import annotations

import argparse
import sys

HELP = "study a deck (a deck file or the id of a bundled deck)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="path to a deck file, or a bundled deck id")


def _run_app(args: argparse.Namespace, deck: object | None) -> int:
    from quiz.store import data_dir
    from quiz.tui.app import create_app

    app = create_app(data_dir(args.data_dir), profile=args.profile, deck=deck)  # type: ignore[arg-type]
    app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return 1
    return int(app.return_code or 0)


def _named_bundled_deck(spec: str) -> object | None:
    """The bundled deck whose file is named like `spec` (`tour-en` -> `tour.en.yaml`), read alone.

    Saves reading every bundled deck at start-up; anything else goes through `resolve_deck`.
    """
    from quiz.deck.loader import load_deck
    from quiz.paths import bundled_decks_dir

    for path in sorted(bundled_decks_dir().glob("*.yaml")):
        if spec in (path.stem, path.name, path.stem.replace(".", "-")):
            deck = load_deck(path)
            if spec in (deck.id, path.stem, path.name):
                return deck
    return None


def run(args: argparse.Namespace) -> int:
    """Check the deck before the screen switches over, so problems print as `file:line:column`."""
    from quiz.deck.errors import DeckError
    from quiz.deck.loader import resolve_deck

    try:
        deck = _named_bundled_deck(args.deck) or resolve_deck(args.deck)
    except DeckError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.deck}: {error.strerror or error}", file=sys.stderr)
        return 1
    return _run_app(args, deck)


def run_home(args: argparse.Namespace) -> int:
    """`quiz` without a command: pick the learner, then a deck."""
    return _run_app(args, None)
