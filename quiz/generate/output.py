"""Where `quiz generate` may write a deck: never over its own inputs, never over a teacher's file, never half a file.

A facts file and its article are hours of a teacher's work and often the
only copy; a slip of tab completion after `-o` must not replace them. A file
that does not start with the generated header was written by hand and is
kept unless `--force` says otherwise. The deck is written to a temporary
file beside the target and renamed over it, so an interrupted run leaves
the old file whole.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from quiz.deck.errors import DeckError, Problem

from .facts import Facts
from .generator import GENERATED_HEADER


def check_output(output: Path, facts: Facts, language: str, *, force: bool = False) -> None:
    """Raise DeckError (one line naming `output`) if a deck may not be written there."""
    suggestion = _suggested_name(facts, language, output)
    if output.is_dir():
        _refuse(output, f"is a folder; name the deck file, e.g. -o {suggestion}")
    if _same_file(output, facts.path):
        _refuse(output, f"is the facts file itself; write the deck to another file, e.g. -o {suggestion}")
    if _same_file(output, facts.article.file):
        _refuse(output, f"is the article the facts file quotes; write the deck to another file, e.g. -o {suggestion}")
    if output.exists() and not force and not was_generated(output):
        _refuse(
            output,
            "already exists and was not written by `quiz generate`; "
            "choose another file, or add --force to replace it",
        )


def was_generated(path: Path) -> bool:
    """Does the file start with the header `quiz generate` writes?"""
    try:
        with path.open("rb") as file:
            start = file.read(len(GENERATED_HEADER.encode()) + 3)
    except OSError:
        return False
    return start.decode("utf-8", errors="replace").lstrip("\ufeff").startswith(GENERATED_HEADER)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path` (OSError on failure)."""
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _same_file(output: Path, other: Path) -> bool:
    try:
        return output.resolve() == other.resolve() or (output.exists() and os.path.samefile(output, other))
    except OSError:
        return False


def _suggested_name(facts: Facts, language: str, output: Path) -> str:
    name = facts.path.name
    for suffix in (".facts.yaml", ".facts.yml", ".yaml", ".yml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    folder = output.parent if not output.is_dir() else output
    return str(folder / f"{name}.{language}.yaml")


def _refuse(output: Path, message: str) -> None:
    raise DeckError([Problem(str(output), 0, 0, message)])
