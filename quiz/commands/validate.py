"""`quiz validate PATH...`: check deck files the way `quiz` will load them, and facts files the way `quiz generate` reads them."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from quiz.deck.errors import Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="deck files, folders holding them, or facts files")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.deck.errors import DeckError, Problem
    from quiz.deck.files import find_deck_files
    from quiz.deck.loader import FactsFileGiven, deck_id_place, load_deck

    problems: list[Problem] = []
    decks = cards = facts_files = 0
    skipped: list[tuple[Path, str]] = []
    files = find_deck_files(args.paths, facts=True, skipped=skipped)
    problems.extend(Problem(str(folder), 0, 0, reason) for folder, reason in skipped)
    for given in args.paths:
        if Path(given).is_dir() and not find_deck_files([given], facts=True):
            problems.append(Problem(str(given), 1, 1, "no deck files (*.yaml, *.yml) in this folder"))
    first_file: dict[str, str] = {}
    for path in files:
        try:
            deck = load_deck(path)
        except FactsFileGiven:
            found = facts_problems(path)
            problems.extend(found)
            facts_files += not found
            continue
        except DeckError as exc:
            problems.extend(exc.problems)
            continue
        if deck.id in first_file:
            line, column = deck_id_place(path)
            problems.append(
                Problem(str(path), line, column, f"deck id '{deck.id}' is also used by {first_file[deck.id]}; deck ids must be unique")
            )
            continue
        first_file[deck.id] = str(path)
        decks += 1
        cards += len(deck.cards)
    for problem in problems:
        print(problem)
    checked = f"{len(files)} file{'s' * (len(files) != 1)}, {cards} card{'s' * (cards != 1)} in {decks} good deck{'s' * (decks != 1)}"
    if facts_files:
        checked += f", {facts_files} good facts file{'s' * (facts_files != 1)}"
    if problems:
        bad_files = len({p.path for p in problems})
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {bad_files} file{'s' * (bad_files != 1)} ({checked})")
        return 1
    print(f"all good: {checked}")
    return 0


def facts_problems(path: Path) -> list[Problem]:
    """Everything `quiz generate` would refuse in a facts file, for every language it has texts in."""
    from quiz.deck.errors import DeckError
    from quiz.generate import generate_deck, load_facts

    try:
        facts = load_facts(path)
    except DeckError as exc:
        return exc.problems
    found: dict[Problem, None] = {}
    for language in facts.languages:
        try:
            generate_deck(facts, language, path.parent)
        except DeckError as exc:
            found.update(dict.fromkeys(exc.problems))
    return sorted(found)
