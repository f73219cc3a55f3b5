"""`quiz lint DECK...`: warn about valid cards that teach badly, as `file:line:column: warning: ...`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from quiz.deck.errors import DeckError, Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="DECK", help="deck files, folders holding them, or facts files (their decks are linted)"
    )
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when there is any warning")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.deck.errors import DeckError, Problem
    from quiz.deck.files import find_deck_files
    from quiz.deck.loader import FactsFileGiven, decode, load_deck
    from quiz.lint import lint_deck, places_of

    warnings: list[Problem] = []
    errors: list[Problem] = []
    files = find_deck_files(args.paths, facts=True)
    for given in args.paths:
        if Path(given).is_dir() and not find_deck_files([given], facts=True):
            errors.append(Problem(str(given), 1, 1, "no deck files (*.yaml, *.yml) in this folder"))
    cards = 0
    for path in files:
        try:
            deck = load_deck(path)
            text = decode(path.read_bytes(), str(path))
        except FactsFileGiven:
            found, checked = facts_warnings(path)
            if isinstance(found, DeckError):
                errors.extend(found.problems)
            else:
                warnings.extend(found)
                cards += checked
            continue
        except DeckError as exc:
            errors.extend(exc.problems)
            continue
        except OSError as exc:
            errors.append(Problem(str(path), 1, 1, f"cannot read the file: {exc.strerror or exc}"))
            continue
        cards += len(deck.cards)
        places = places_of(text, str(path))
        for finding in lint_deck(deck):
            line, column = places.of(finding.card, finding.field)
            warnings.append(Problem(str(path), line, column, f"warning: card '{finding.card}': {finding.message} [{finding.code}]"))
    for problem in errors:
        print(problem)
    for warning in sorted(warnings):
        print(warning)
    summary = f"{len(files)} file{'s' * (len(files) != 1)}, {cards} card{'s' * (cards != 1)}"
    if errors:
        print(f"{len(errors)} problem{'s' * (len(errors) != 1)} stopped the check ({summary}); `quiz validate` explains them")
        return 1
    if warnings:
        print(f"{len(warnings)} warning{'s' * (len(warnings) != 1)} ({summary}); docs/decks.md explains each")
        return 1 if args.strict else 0
    print(f"no warnings: {summary}")
    return 0


def facts_warnings(path: Path) -> tuple[list[Problem] | DeckError, int]:
    """The warnings on every deck `quiz generate` makes from a facts file, placed at the fact that makes the card."""
    from quiz.deck.errors import DeckError, Problem
    from quiz.generate import generate_deck, load_facts
    from quiz.lint import lint_deck

    try:
        facts = load_facts(path)
        decks = [generate_deck(facts, language, path.parent) for language in facts.languages]
    except DeckError as exc:
        return exc, 0
    places = {fact.id: (fact.line, fact.column) for fact in facts.facts}
    places.update({timeline.id: (timeline.line, timeline.column) for timeline in facts.timelines})
    found = []
    for deck in decks:
        for finding in lint_deck(deck):
            line, column = places.get(deck.card(finding.card).fact or "", (1, 1))
            message = f"warning: {deck.language} card '{finding.card}': {finding.message} [{finding.code}]"
            found.append(Problem(str(path), line, column, message))
    return found, sum(len(deck.cards) for deck in decks)
