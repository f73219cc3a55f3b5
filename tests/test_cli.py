"""The command line: only the command being run is set up, and it parses as in the whole parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import COMMANDS, build_parser, named_command

ROOT = Path(__file__).resolve().parent.parent

LINES = [
    ["play", "tour-en"],
    ["--profile", "Ana", "play", "tour-en"],
    ["--data-dir", "play", "--profile", "exam", "play", "decks/x.yaml"],
    ["--data-dir=/tmp/q", "validate", "decks", "more"],
    ["schema"],
    ["exam", "tour-en", "--questions", "5", "--time", "15m", "--seed", "7b"],
    ["results", "export", "--out", "stick"],
    ["report", "stick", "--csv", "out.csv"],
    ["generate", "facts.yaml", "-o", "deck.yaml", "--language", "de", "--force"],
    ["--profile", "Ana", "optimize", "--retention", "0.85", "--day-starts", "5", "--reschedule", "--dry-run"],
]


@pytest.mark.parametrize("argv", LINES, ids=lambda argv: " ".join(argv))
def test_a_command_parses_alone_as_in_the_whole_parser(argv: list[str]) -> None:
    command = named_command(argv)
    assert command in COMMANDS
    alone = vars(build_parser(command).parse_args(argv))
    whole = vars(build_parser().parse_args(argv))
    assert alone == whole and alone["command"] == command


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], None),
        (["--help"], None),
        (["--profile", "play"], None),  # a learner called "play", and no command
        (["--profile", "Ana"], None),
        (["nosuch", "play"], None),
        (["--data-dir", "d", "exam", "x"], "exam"),
    ],
)
def test_the_command_is_read_past_the_global_options(argv: list[str], command: str | None) -> None:
    assert named_command(argv) == command


def test_help_lists_every_command_and_an_unknown_one_is_refused() -> None:
    shown = subprocess.run([sys.executable, "-m", "quiz", "--help"], capture_output=True, text=True)
    assert shown.returncode == 0
    for name, help_text in COMMANDS.items():
        assert name in shown.stdout and help_text.split()[0] in shown.stdout
    refused = subprocess.run([sys.executable, "-m", "quiz", "nosuch"], capture_output=True, text=True)
    assert refused.returncode == 2 and "invalid choice: 'nosuch'" in refused.stderr


def test_a_command_imports_only_its_own_module() -> None:
    code = (
        "import sys; from quiz.cli import build_parser, named_command;"
        "build_parser(named_command(['play', 'x'])).parse_args(['play', 'x']);"
        "print(sorted(m for m in sys.modules if m.startswith('quiz.commands.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['quiz.commands.play']"


def test_validate_imports_none_of_the_modules_it_does_without() -> None:
    unused = {"typing", "shutil", "copy", "ipaddress", "base64"} | ({"inspect"} if sys.version_info < (3, 12) else set())
    code = (
        "import runpy, sys; sys.argv = ['quiz', 'validate', 'decks/tour.en.yaml'];\n"
        "try: runpy.run_module('quiz', run_name='__main__')\n"
        "except SystemExit as done: assert done.code == 0, done.code\n"
        f"print(sorted({unused!r} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip().splitlines()[-1] == "[]"
