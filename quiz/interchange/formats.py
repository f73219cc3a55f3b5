"""The one registry of import formats: each is recognised from a file's content and read into a Harvest."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from quiz.deck.datarecord import datarecord
from quiz.deck.errors import DeckError, Problem

from .harvest import Harvest
from .text import decode

MAX_BYTES = 256 * 1024 * 1024
ANKI_LOOK_RE = re.compile(r"<(?:br|div|p|b|i|u|img|span|ul|ol|li)\b|&(?:nbsp|lt|gt|amp);|(?:^|\t)\"", re.IGNORECASE | re.MULTILINE)
GIFT_RE = re.compile(r"\{\s*(?:[=~#]|T(?:RUE)?\s*[}#]|F(?:ALSE)?\s*[}#]|\})|^\s*::.+?::|^\$CATEGORY:", re.MULTILINE)


@datarecord
class Options:
    """What the command line may say about reading: the format, the text encoding, Quizlet's separators."""

    format: str | None = None
    encoding: str | None = None
    term_separator: str | None = None
    card_separator: str | None = None


def _gift(path: Path, name: str, o: Options) -> Harvest:
    from . import gift

    return gift.read(_text(path, name, o), name)


def _anki_text(path: Path, name: str, o: Options) -> Harvest:
    from . import anki_text

    return anki_text.read(_text(path, name, o), name)


def _quizlet(path: Path, name: str, o: Options) -> Harvest:
    from . import quizlet

    return quizlet.read(_text(path, name, o), name, o.term_separator, o.card_separator)


def _csv(path: Path, name: str, o: Options) -> Harvest:
    from . import spreadsheet

    return spreadsheet.read_text(_text(path, name, o), name)


def _xlsx(path: Path, name: str, o: Options) -> Harvest:
    from . import spreadsheet

    return spreadsheet.read_xlsx(path, name)


def _apkg(path: Path, name: str, o: Options) -> Harvest:
    from . import anki_package

    return anki_package.read(path, name)


READERS: dict[str, Callable[[Path, str, Options], Harvest]] = {
    "apkg": _apkg,
    "anki-text": _anki_text,
    "gift": _gift,
    "quizlet": _quizlet,
    "csv": _csv,
    "xlsx": _xlsx,
}
"""Format name -> reader. `apkg` also reads .colpkg; `csv` also reads TSV and semicolon-separated files."""


def _text(path: Path, name: str, o: Options) -> str:
    return decode(_bytes(path, name), name, o.encoding)


def _bytes(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise DeckError([Problem(name, 0, 0, "is a folder, not a file to import")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DeckError([Problem(name, 0, 0, f"the file is too large ({size // 2**20} MB)")])
        return path.read_bytes()
    except FileNotFoundError:
        raise DeckError([Problem(name, 0, 0, "no such file")]) from None
    except OSError as exc:
        raise DeckError([Problem(name, 0, 0, f"cannot read the file: {exc.strerror or exc}")]) from None


def recognise(path: Path, name: str, o: Options) -> str:
    """The format of a file, from its content (the file name only breaks a tie)."""
    head = _bytes(path, name)[:65536] if path.is_file() else b""
    if not head:
        _bytes(path, name)
        raise DeckError([Problem(name, 0, 0, "the file is empty")])
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if b"xl/" in head or path.suffix.lower() == ".xlsx" else "apkg"
    if path.suffix.lower() in (".apkg", ".colpkg"):
        return "apkg"  # not a zip: the reader says so
    text = decode(_bytes(path, name), name, o.encoding)  # an encoding problem is named before a format is guessed
    from . import anki_text, spreadsheet

    if anki_text.looks_like(text):
        return "anki-text"
    if spreadsheet.looks_like(text.split("\n", 1)[0]):
        return "csv"
    if path.suffix.lower() == ".gift" or GIFT_RE.search(text):
        return "gift"
    if "\t" in text and ANKI_LOOK_RE.search(text):
        return "anki-text"  # a header-less Anki export: HTML in its fields, or quoted fields
    if "\t" in text or o.term_separator:
        return "quizlet"
    raise DeckError(
        [Problem(name, 1, 1, "cannot tell the format from the content; name it with --format "
                 f"({', '.join(READERS)})")]
    )


def read_file(path: Path, options: Options) -> Harvest:
    """One file read with its format (named, or recognised)."""
    name = str(path)
    fmt = options.format or recognise(path, name, options)
    if fmt not in READERS:
        raise DeckError([Problem(name, 0, 0, f"unknown format {fmt!r}; one of {', '.join(READERS)}")])
    return READERS[fmt](path, name, options)
