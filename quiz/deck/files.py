"""Finding decks: deck files in folders, a bundled deck by its id, the bundled set.

Kept apart from the loader so that naming a deck costs a few file names, and
opening one read before costs no YAML at all (see `quiz.deck.cache`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..paths import bundled_decks_dir
from .limits import DECK_SUFFIXES, FACTS_SUFFIXES

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from .model import Deck



def find_deck_files(
    paths: Iterable[str | os.PathLike[str]], *, facts: bool = False, skipped: list[tuple[Path, str]] | None = None
) -> list[Path]:
    """Files as given; folders searched (recursively) for *.yaml and *.yml, hidden ones skipped, facts files too unless `facts`.

    A path that does not exist is kept, so that loading it reports it; a file found twice is listed once.
    Folders that could not be searched (unreadable, a link loop) are added to `skipped` with the reason.
    """
    from ..walk import search

    def wanted(name: str) -> bool:
        return name.endswith(DECK_SUFFIXES) and (facts or not name.endswith(FACTS_SUFFIXES))

    found: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files, missed = search(path, wanted, hidden=False)
            found.extend(files)
            if skipped is not None:
                skipped.extend(missed)
        else:
            found.append(path)
    unique: dict[str, Path] = {}
    for path in found:  # one file named twice (a folder and a glob into it) is checked once
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def bundled_decks() -> list[Deck]:
    """Every deck shipped with quiz; DeckError (with all problems) if any is broken."""
    from .cache import read_deck
    from .errors import DeckError, Problem

    decks: list[Deck] = []
    problems: list[Problem] = []
    for path in find_deck_files([bundled_decks_dir()]):
        try:
            decks.append(read_deck(path))
        except DeckError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DeckError(problems)
    return decks


def _names_file(spec: str, path: Path) -> bool:
    """Does `spec` name this deck file: `tour.en.yaml`, `tour.en` or `tour-en`?"""
    return spec in (path.name, path.stem, path.stem.replace(".", "-"))


def resolve_deck(spec: str | os.PathLike[str]) -> Deck:
    """A deck file's path, or the id (or file name) of a bundled deck.

    A bundled deck whose file is named like `spec` (`tour-en` -> `tour.en.yaml`) is
    read alone, so that starting one deck does not read them all; only a bundled
    deck id that its file name does not give away needs every bundled deck read.
    """
    from .cache import read_deck

    path, name = Path(spec), str(spec)
    if path.exists() or os.sep in name:
        return read_deck(path)
    bundled = find_deck_files([bundled_decks_dir()])
    for candidate in bundled:
        if _names_file(name, candidate):
            deck = read_deck(candidate)
            if name in (deck.id, candidate.stem, candidate.name):
                return deck
    if path.suffix in DECK_SUFFIXES:
        return read_deck(path)  # a deck file that is not there: "no such file"
    from .errors import DeckError, Problem

    ids: list[str] = []
    for candidate in bundled:
        try:
            deck = read_deck(candidate)
        except DeckError:
            continue
        if name == deck.id:
            return deck
        ids.append(deck.id)
    from ..i18n import _

    known = ", ".join(sorted(ids)) or _("none")
    raise DeckError([Problem(name, 0, 0, _("no such deck file or bundled deck (bundled decks: {known})").format(known=known))])

