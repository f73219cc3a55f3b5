"""`quiz schema`: print the JSON Schema of deck files, for editors."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--path", action="store_true", help="print where the schema file is installed instead")


def run(args: argparse.Namespace) -> int:
    from quiz.deck.schema import SCHEMA_FILE, schema_text

    if args.path:
        print(SCHEMA_FILE)
    else:
        print(schema_text(), end="")
    return 0
