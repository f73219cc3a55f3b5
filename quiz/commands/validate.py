"""`quiz validate PATH...`: check deck files the way `quiz` will load them."""

from __future__ import annotations

import argparse

HELP = "check deck files (or folders of them) and list every problem as file:line:column: message"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="deck files or folders holding them")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.deck.errors import DeckError, Problem
    from quiz.deck.loader import find_deck_files, load_deck

    problems: list[Problem] = []
    decks = cards = 0
    files = find_deck_files(args.paths)
    for given in args.paths:
        if Path(given).is_dir() and not find_deck_files([given]):
            problems.append(Problem(str(given), 1, 1, "no deck files (*.yaml, *.yml) in this folder"))
    first_file: dict[str, str] = {}
    for path in files:
        try:
            deck = load_deck(path)
        except DeckError as exc:
            problems.extend(exc.problems)
            continue
        decks += 1
        cards += len(deck.cards)
        if deck.id in first_file:
            problems.append(
                Problem(str(path), 1, 1, f"deck id '{deck.id}' is also used by {first_file[deck.id]}; deck ids must be unique")
            )
        else:
            first_file[deck.id] = str(path)
    for problem in problems:
        print(problem)
    checked = f"{len(files)} file{'s' * (len(files) != 1)}, {cards} card{'s' * (cards != 1)} in {decks} good deck{'s' * (decks != 1)}"
    if problems:
        bad_files = len({p.path for p in problems})
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {bad_files} file{'s' * (bad_files != 1)} ({checked})")
        return 1
    print(f"all good: {checked}")
    return 0
