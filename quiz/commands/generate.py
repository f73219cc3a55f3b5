"""`quiz generate FACTS [-o DECK] [--language de|en] [--force]`: turn a facts file into a deck."""

from __future__ import annotations

import argparse
import sys

from quiz.shown import shown


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("facts", metavar="FACTS", help="the facts file (YAML) written for an article")
    parser.add_argument("-o", "--output", metavar="DECK", help="write the deck here (default: print it)")
    parser.add_argument(
        "--language", metavar="LANG", help="language of the questions, e.g. de or en (default: the article's)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace DECK even if it was not written by quiz generate (never the facts file or its article)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.deck.errors import DeckError
    from quiz.generate import load_facts, render_deck
    from quiz.generate.output import check_output, write_atomically

    try:
        facts = load_facts(args.facts)
        language = args.language or facts.article.language
        if language not in facts.languages:
            print(shown(f"{args.facts}: no {language} texts; choose one of: {', '.join(facts.languages)}"), file=sys.stderr)
            return 2
        output = Path(args.output) if args.output else Path.cwd() / "deck.yaml"
        if args.output:
            check_output(output, facts, language, force=args.force)
        text = render_deck(facts, language, output)
    except DeckError as exc:
        print(shown(exc, lines=True), file=sys.stderr)
        return 1
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(output, text)
    except OSError as exc:
        print(shown(f"{output}: cannot write the deck: {exc.strerror or exc}"), file=sys.stderr)
        return 1
    print(shown(f"wrote {output} ({language})"), file=sys.stderr)
    return 0
