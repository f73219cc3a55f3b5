"""`quiz validate PATH...`: check deck files the way `quiz` will load them, and facts files the way `quiz generate` reads them."""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)

if TYPE_CHECKING:
    from pathlib import Path

    from quiz.deck.errors import Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="deck files, folders holding them, or facts files")


def run(args: argparse.Namespace) -> int:
    from ._startup import setting_up

    with setting_up():
        from pathlib import Path

        from quiz.deck.errors import DeckError, Problem
        from quiz.deck.files import find_deck_files
        from quiz.deck.loader import FactsFileGiven, deck_id_place, load_deck
        from quiz.i18n import _, ngettext

    problems: list[Problem] = []
    decks = cards = facts_files = 0
    skipped: list[tuple[Path, str]] = []
    files = find_deck_files(args.paths, facts=True, skipped=skipped)
    problems.extend(Problem(str(folder), 0, 0, reason) for folder, reason in skipped)
    for given in args.paths:
        if Path(given).is_dir() and not find_deck_files([given], facts=True):
            problems.append(Problem(str(given), 1, 1, _("no deck files (*.yaml, *.yml) in this folder")))
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
            message = _("deck id '{id}' is also used by {path}; deck ids must be unique").format(id=deck.id, path=first_file[deck.id])
            problems.append(Problem(str(path), line, column, message))
            continue
        first_file[deck.id] = str(path)
        decks += 1
        cards += len(deck.cards)
    for problem in problems:
        print(problem)
    checked = ", ".join(
        (
            ngettext("{count} file", "{count} files", len(files)).format(count=len(files)),
            ngettext("{count} card", "{count} cards", cards).format(count=cards)
            + " "
            + ngettext("in {count} good deck", "in {count} good decks", decks).format(count=decks),
        )
    )
    if facts_files:
        checked += ngettext(", {count} good facts file", ", {count} good facts files", facts_files).format(count=facts_files)
    if problems:
        bad_files = len({p.path for p in problems})
        counted = ngettext("{count} problem", "{count} problems", len(problems)).format(count=len(problems))
        where = ngettext("in {count} file", "in {count} files", bad_files).format(count=bad_files)
        print(f"{counted} {where} ({checked})")

        return 1
    print(_("all good: {checked}").format(checked=checked))
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
