"""Decks checked before, kept compiled: opening an unchanged deck file again skips YAML and the checks.

Reading a deck means parsing YAML and checking every card, and importing the
code that does that costs more than the reading itself. A learner opens the
same few decks again and again, so the checked deck is kept, compiled into an
indexed file that is read a card at a time (`compiled.py`), in the user's own
cache folder (never in the data folder, which a class may share), under a key
made of the file's bytes and of the deck code that checked it. Change either
and the file is read and checked again; a cache that cannot be read or written
only makes quiz start as it would without one.

Hashing the bytes of a deck of 1,000,000 cards costs more than the rest of a
launch, so a file seen before is also found by what `stat` says of it (device,
inode, size, modification and change times): a small alias file, named by
those, holds the entry's key and the deck code it was written by, compared as
text (a launch that finds its deck this way hashes nothing, and does not even
import `hashlib`, whose OpenSSL costs a few milliseconds). As git does for its
index, an alias is only written for a file last modified more than `SETTLED`
seconds ago: a file edited within the same tick of the file system's clock
could otherwise keep its times and size.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

from . import compiled
from .limits import MAX_BYTES
from .model import Deck

ENV_VAR = "QUIZ_CACHE_DIR"
KEEP = 256
"""Entries kept: each edit of a deck file leaves one behind, the oldest go first."""
SETTLED = 2.0
"""Seconds since a file's last change before its `stat` is trusted to name its content."""
ENTRY = ".deck"
ALIAS = ".at"


def cache_dir() -> Path:
    """`$QUIZ_CACHE_DIR`, else the platform's user cache folder for quiz."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("quiz", appauthor=False)) / "decks"


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """The deck code as installed: any edit or upgrade of it makes every entry stale."""
    package = Path(__file__).parent
    stamps = sorted(
        f"{entry.name}:{entry.stat().st_mtime_ns}:{entry.stat().st_size}"
        for entry in os.scandir(package)
        if entry.name.endswith(".py")
    )
    return "\n".join([sys.version, str(compiled.FORMAT), *stamps]).encode()


def _content_key(data: bytes) -> str:
    import hashlib

    digest = hashlib.sha256(_code_fingerprint())
    digest.update(data)
    return digest.hexdigest()


def _alias(folder: Path, stat: os.stat_result) -> Path:
    """The alias of a file as `stat` describes it."""
    facts = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    return folder / ("-".join(f"{fact:x}" for fact in facts) + ALIAS)


def read_deck(path: str | os.PathLike[str]) -> Deck:
    """`loader.load_deck(path)`, answered from the cache when these bytes were checked before.

    Raises what `load_deck` raises (a `DeckError` for a bad or missing file);
    problems are never cached, so a broken deck is reported in full every time.
    """
    from ..readfile import Unreadable, read_limited

    path = Path(path)
    folder = cache_dir()
    try:
        stat = path.stat()
    except OSError:
        stat = None  # the loader says why, in the words it uses for every deck problem
    if stat is not None and S_ISREG(stat.st_mode) and stat.st_size <= MAX_BYTES:  # a pipe or a device: the loader refuses it
        alias = _alias(folder, stat)
        content = _alias_target(alias)
        if content is not None and (deck := compiled.read(folder / (content + ENTRY))) is not None:
            return replace(deck, path=path)
        try:
            data: bytes | None = read_limited(path, MAX_BYTES)  # never waits on what was swapped in since
        except Unreadable:
            data = None
        if data is not None:
            content = _content_key(data)
            deck = compiled.read(folder / (content + ENTRY))
            if deck is None:
                deck = _load_and_keep(path, folder, content, data)
            _write_alias(folder, alias, content, stat)
            return replace(deck, path=path)
    from .loader import load_deck

    return load_deck(path)


def keep(path: str | os.PathLike[str], deck: Deck) -> None:
    """Keep `deck` as what the file at `path` holds now, as if it had been read and checked from it."""
    path = Path(path)
    folder = cache_dir()
    content = _content_key(path.read_bytes())
    _keep(folder, content, deck)
    _write_alias(folder, _alias(folder, path.stat()), content, path.stat())


def _load_and_keep(path: Path, folder: Path, content: str, data: bytes) -> Deck:
    """Read and check the file and keep it compiled; the deck just read is the one used this time."""
    from .loader import load_deck

    deck = load_deck(path, data)
    _keep(folder, content, deck)
    return deck


def _alias_target(alias: Path) -> str | None:
    """The key of the entry the alias names, if it was written by this user and by the deck code installed now."""
    try:
        with open(alias, "rb") as file:
            if hasattr(os, "getuid") and os.fstat(file.fileno()).st_uid != os.getuid():
                return None
            kept = file.read(64 + 1 + len(_code_fingerprint()) + 1)
    except OSError:
        return None
    content, code = kept[:64], kept[65:]
    if code != _code_fingerprint() or len(content) != 64 or not all(c in b"0123456789abcdef" for c in content):
        return None
    return content.decode("ascii")


def _write_alias(folder: Path, alias: Path, content: str, stat: os.stat_result) -> None:
    if time.time() - stat.st_mtime <= SETTLED or time.time() - stat.st_ctime <= SETTLED:
        return  # changed too recently: the next change could leave the same times and size
    _atomic(folder, alias, lambda target: target.write_bytes(content.encode("ascii") + b"\n" + _code_fingerprint()))


def _keep(folder: Path, content: str, deck: Deck) -> None:
    """Write the entry atomically; a folder that cannot be written is not an error."""
    _atomic(folder, folder / (content + ENTRY), lambda target: compiled.write(target, deck))
    _prune(folder)


def _atomic(folder: Path, entry: Path, write: Callable[[Path], object]) -> None:
    import sqlite3

    temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        write(temporary)
        os.replace(temporary, entry)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    for suffix in (ENTRY, ALIAS):
        try:
            entries = sorted(folder.glob("*" + suffix), key=lambda p: p.stat().st_mtime_ns)
            for stale in entries[: max(0, len(entries) - KEEP)]:
                stale.unlink(missing_ok=True)
        except OSError:
            pass
