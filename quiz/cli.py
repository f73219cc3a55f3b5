"""Command line entry point. Sub-commands live in `quiz.commands.<name>`.

Each command module is light to import (heavy imports happen inside `run`),
and only the command being run is imported and configured, so start-up stays
fast. A command module provides `configure(parser)` and `run(args) -> int`;
its one-line help is here, in `COMMANDS`. A command named by a Python keyword
lives in a module with a trailing underscore (`quiz import` in `import_.py`).

What `quiz validate` imports (this module, the command, the deck loader and
the model) does not import `typing`, a sizeable part of a check's start-up:
those modules set `TYPE_CHECKING = False` themselves, which type checkers read
as typing's, and import from typing only under it.
"""

from __future__ import annotations

import argparse
import importlib
import keyword
import sys
from collections.abc import Sequence

# Order here is the order shown in `quiz --help`.
COMMANDS: dict[str, str] = {
    "play": "study a deck (a deck file or the id of a bundled deck)",
    "validate": "check deck files (or folders of them) and facts files, listing every problem as file:line:column: message",
    "schema": "print the JSON Schema of deck files (point a YAML-aware editor at it)",
    "exam": "take a test drawn from a deck (same seed, same test for the whole class)",
    "results": "export exam and practice results for the teacher (one file per profile)",
    "report": "report on a class's results files: scores, item analysis, practice",
    "generate": "generate a deck from an article's facts file",
    "serve": "serve the app to the class's browsers from this computer (a class test too, with --exam)",
    "watch": "the teacher's live view of a class test: who has joined, how far each is, scores per question",
    "lint": "warn about cards that are valid but weak: give-aways, odd options, answers that grade badly",
    "optimize": "fit spaced repetition to a learner's own memory, or set their retention and day start",
    "import": "make a deck from Anki, Quizlet, Moodle GIFT or spreadsheet files",
    "export": "write a deck for Moodle (GIFT), Anki (.apkg), a spreadsheet (CSV) or print (HTML)",
    "pin": "give a learner profile a PIN on a shared PC, or --reset it (a teacher, for a forgotten one)",
}
"""Command name -> its one-line help."""
GLOBAL_OPTIONS_WITH_VALUES = ("--data-dir", "--profile", "--lang")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, told the terminal's width without `shutil` (argparse makes one for every argument added)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the width of the terminal on stdout, else 80."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, just that command (`quiz --help` is parsed without, and lists them all)."""
    parser = argparse.ArgumentParser(prog="quiz", description="Spaced-repetition quizzes in the terminal.", formatter_class=_Formatter)
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where progress is stored (default: $QUIZ_HOME or the user data directory)",
    )
    parser.add_argument("--profile", metavar="NAME", help="learner profile to use")
    parser.add_argument(
        "--lang",
        choices=("de", "en"),
        help="language of the app: de (German) or en (English); default: $QUIZ_LANG, else the system's locale",
    )
    # `prog` given: argparse would otherwise lay out a usage line to find it.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)
    for name, help_text in COMMANDS.items():
        if only is not None and name != only:
            continue  # setting up a parser costs more than the command's module: only the one run is set up
        cmd = sub.add_parser(name, help=help_text, description=help_text, formatter_class=_Formatter)
        module = importlib.import_module(f"quiz.commands.{name}_" if keyword.iskeyword(name) else f"quiz.commands.{name}")
        module.configure(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def named_command(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, read past the global options; None when there is none (or `--help` alone)."""
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help"):
            return None  # the help of the whole command line, which lists every command
        if arg in GLOBAL_OPTIONS_WITH_VALUES:
            next(args, None)
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from quiz.commands._startup import setting_up

    with setting_up():
        args = build_parser(named_command(argv)).parse_args(argv)
        import os

        from quiz.i18n import choose_language, use_language  # the commands speak the app's language

        use_language(choose_language(args.lang, os.environ))
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
