"""`quiz export DECK --to gift|apkg|csv|html [-o FILE]`: a deck for Moodle, Anki, a spreadsheet or paper."""

from __future__ import annotations

import argparse
import sys

TARGETS = ("gift", "apkg", "csv", "html")


def configure(parser: argparse.ArgumentParser) -> None:
    from .exam import _positive

    parser.add_argument("deck", metavar="DECK", help="path to a deck file, or a bundled deck id")
    parser.add_argument("--to", required=True, choices=TARGETS, help="gift (Moodle), apkg (Anki), csv (spreadsheet) or html (printed test)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: DECK-ID.gift, .apkg, .csv or .html in this folder)")
    parser.add_argument("--questions", "-n", type=_positive, metavar="N", help="html: questions in the test (default: every gradable card)")
    parser.add_argument("--seed", metavar="S", help="html: the test's seed, as for `quiz exam` (default: new)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.shown import shown

    from ._decks import deck_or_report

    deck = deck_or_report(args.deck)
    if deck is None:
        return 1
    output = Path(args.output) if args.output else Path.cwd() / f"{deck.id}.{args.to}"
    if output.is_dir():
        print(f"{shown(str(output))}: is a folder; name the file, e.g. -o {deck.id}.{args.to}", file=sys.stderr)
        return 1
    if output.exists() and not args.force:
        print(f"{shown(str(output))}: already exists; choose another file, or add --force to replace it", file=sys.stderr)
        return 1
    if deck.path is not None and output.exists() and output.resolve() == deck.path.resolve():
        print(f"{shown(str(output))}: is the deck itself", file=sys.stderr)
        return 1
    if args.to == "html":
        return print_test(deck, args.questions, args.seed, output)
    if args.to == "gift":
        from quiz.interchange import gift_write

        result = gift_write.write(deck)
    elif args.to == "apkg":
        from quiz.interchange import apkg_write

        result = apkg_write.write(deck)
    else:
        from quiz.interchange.exported import Exported
        from quiz.interchange.spreadsheet import lost, write_csv

        result = Exported(write_csv(deck).encode("utf-8"), len(deck.cards))
        result.lost = [f"{card.id}: {', '.join(lost(card))}" for card in deck.cards if lost(card)]
    for line in result.left_out:
        print(f"left out: {line}", file=sys.stderr)
    for line in result.lost:
        print(f"lost: {line}", file=sys.stderr)
    if not write_file(output, result.data):
        return 1
    left = f", {len(result.left_out)} left out" if result.left_out else ""
    print(f"wrote {shown(str(output))} ({result.cards} cards{left})", file=sys.stderr)
    return 0


def write_file(output: object, data: bytes) -> bool:
    """Write the whole file or nothing (a temporary file renamed over the target)."""
    import os
    import tempfile
    from pathlib import Path

    from quiz.shown import shown

    assert isinstance(output, Path)
    try:
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        print(f"{shown(str(output))}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def print_test(deck: object, questions: int | None, seed: str | None, output: object) -> int:
    """The printed test: drawn as `quiz exam` draws it, so paper and screen ask the same."""
    import datetime as dt

    from quiz.classroom.exam import ExamError, draw, gradable, new_seed
    from quiz.deck.model import Deck
    from quiz.interchange.printed import render
    from quiz.shown import shown

    assert isinstance(deck, Deck)
    seed = seed if seed is not None else new_seed()
    count = questions or max(1, sum(1 for card in deck.cards if gradable(card)))
    try:
        paper = draw(deck, count, seed)
    except ExamError as error:
        print(f"{deck.id}: {error}", file=sys.stderr)
        return 1
    if not write_file(output, render(paper, generated=dt.date.today()).encode("utf-8")):
        return 1
    print(f"wrote {shown(str(output))}: test of {len(paper.questions)} questions, seed {seed}, answer key on the last page", file=sys.stderr)
    return 0
