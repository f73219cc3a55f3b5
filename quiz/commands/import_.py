"""`quiz import FILE... [-o DECK.yaml] [--format F]`: make one deck of other programs' files, and say what was kept."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from quiz.interchange.build import Imported

FORMATS = ("apkg", "anki-text", "gift", "quizlet", "csv", "xlsx")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="Anki .apkg/.colpkg or text export, Quizlet export, GIFT, CSV/TSV or .xlsx")
    parser.add_argument("-o", "--output", metavar="DECK", help="write the deck here (default: NAME.yaml in this folder, named after the first file)")
    parser.add_argument("--format", choices=FORMATS, help="the files' format (default: recognised from the content)")
    parser.add_argument("--encoding", metavar="ENC", help="text encoding of the files when not UTF-8, e.g. cp1252 or utf-16")
    parser.add_argument("--term-separator", metavar="SEP", help="Quizlet: between term and definition: tab (default), comma or any text")
    parser.add_argument("--card-separator", metavar="SEP", help="Quizlet: between cards: newline (default), semicolon or any text")
    parser.add_argument("--id", dest="deck_id", metavar="ID", help="the new deck's id (default: made from its title)")
    parser.add_argument("--title", metavar="TITLE", help="the new deck's title (default: the source deck's name or the file name)")
    parser.add_argument("--force", action="store_true", help="replace DECK even if it was not written by quiz import")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.deck.errors import DeckError
    from quiz.interchange.build import make_deck
    from quiz.interchange.formats import Options, read_file
    from quiz.shown import shown

    options = Options(args.format, args.encoding, args.term_separator, args.card_separator)
    if args.format == "quizlet" or args.term_separator or args.card_separator:
        options = Options("quizlet", args.encoding, args.term_separator, args.card_separator)
    inputs = [Path(name) for name in args.files]
    output = Path(args.output) if args.output else Path.cwd() / f"{inputs[0].stem or 'imported'}.yaml"
    try:
        _check_output(output, inputs, force=args.force)
        imported = make_deck([read_file(path, options) for path in inputs], deck_id=args.deck_id, title=args.title)
    except DeckError as error:
        for problem in error.problems:
            print(shown(str(problem)), file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    _summary(imported)
    from quiz.generate.output import write_atomically
    from quiz.interchange.build import deck_file_text

    try:
        write_atomically(output, deck_file_text(imported, [shown(path.name) for path in inputs]))
    except OSError as exc:
        print(f"{shown(str(output))}: cannot write the deck: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {shown(str(output))} (deck {imported.deck.id}, {_count(len(imported.deck.cards), 'card')})", file=sys.stderr)
    return 0


def _check_output(output: Path, inputs: list[Path], *, force: bool) -> None:
    from quiz.deck.errors import DeckError, Problem
    from quiz.interchange.build import was_imported

    if output.is_dir():
        raise DeckError([Problem(str(output), 0, 0, "is a folder; name the deck file, e.g. -o deck.yaml")])
    for given in inputs:
        try:
            if output.exists() and given.exists() and output.samefile(given):
                raise DeckError([Problem(str(output), 0, 0, "is one of the files being imported; write the deck elsewhere")])
        except OSError:
            pass
    if output.exists() and not force and not was_imported(output):
        raise DeckError(
            [Problem(str(output), 0, 0, "already exists and was not written by `quiz import`; "
                     "choose another file, or add --force to replace it")]
        )


def _summary(imported: Imported) -> None:
    """Per file: cards made by kind; then every card skipped and every loss, with its place."""
    from collections import Counter

    from quiz.shown import shown

    made: Counter[str] = Counter()
    kept = {card.id for card in imported.deck.cards}
    for harvest in imported.harvests:
        kinds = Counter(card.kind for card in harvest.cards if card.id in kept)
        skipped = sum(1 for p in imported.skipped if p.path == harvest.source)
        made.update(kinds)
        by_kind = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
        print(
            f"{shown(harvest.source)}: {_count(sum(kinds.values()), 'card')} ({by_kind or 'none'}), {skipped} skipped, "
            f"{_count(sum(1 for p in imported.warnings if p.path == harvest.source), 'warning')}",
            file=sys.stderr,
        )
    for problem in imported.skipped:
        print(f"skipped: {shown(str(problem))}", file=sys.stderr)
    for problem in imported.warnings:
        print(f"warning: {shown(str(problem))}", file=sys.stderr)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
