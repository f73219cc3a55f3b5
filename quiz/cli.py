"""Command line entry point. Sub-commands live in `quiz.commands.<name>`.

Each command module is light to import (heavy imports happen inside `run`),
so `quiz --help` and start-up stay fast. A command module provides
`HELP: str`, `configure(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Order here is the order shown in `quiz --help`.
COMMANDS: tuple[str, ...] = (
    "play",
    "validate",
    "schema",
    "exam",
    "results",
    "report",
    "generate",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quiz", description="Spaced-repetition quizzes in the terminal.")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where progress is stored (default: $QUIZ_HOME or the user data directory)",
    )
    parser.add_argument("--profile", metavar="NAME", help="learner profile to use")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"quiz.commands.{name}")
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "_run", None)
    if run is None:
        from quiz.commands import play

        return play.run_home(args)
    try:
        return int(run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
