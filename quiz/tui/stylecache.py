"""quiz.tcss parsed once: the rules Textual makes of it, kept pickled in the user's cache folder.

Textual parses the app's stylesheet at every start, and for quiz.tcss that
costs more than painting the whole first question in Textual. What it makes
depends only on the file's text, the theme's variables and Textual's own CSS
code, so the rules are kept with all three (Textual's code known by what
`stat` says of its files, as the deck cache knows the deck code) and taken
from the cache while all three are the same; else the file is parsed and the
cache written anew. The theme's variables, tokenized, are kept with them:
Textual tokenizes all of them before it parses any stylesheet, which costs as
much again. Only the app's own stylesheet is kept: the widgets' few rules cost
little to parse. A cache that cannot be read or written only makes quiz parse
the file as it would without one.

This reaches into Textual's `Stylesheet` (its parse of one source, its variables
tokenized), which is why the Textual version quiz needs is pinned.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path

import textual.css.stylesheet
from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet
from textual.css.tokenizer import Token

from quiz.deck.cache import cache_dir

KEPT = "quiz.tcss.rules"
"""The cache file, next to the decks kept compiled."""
TEXTUAL_CSS_CODE = ("model.py", "parse.py", "styles.py", "_styles_builder.py", "tokenize.py", "stylesheet.py")
"""Textual's files that make rules: any change to them (an upgrade) makes the kept rules stale."""


def _textual_stamp() -> tuple[object, ...]:
    folder = Path(textual.css.stylesheet.__file__).parent
    facts = [sys.version]
    for name in TEXTUAL_CSS_CODE:
        stat = os.stat(folder / name)
        facts.append(f"{name}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}")
    return tuple(facts)


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, with the rules of the file at `path` taken from the cache when they were kept."""

    def __init__(self, path: Path, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._kept_from: CSSLocation = (os.path.abspath(path), "")

    def _parse_rules(
        self, css: str, read_from: CSSLocation, is_default_rules: bool = False, tie_breaker: int = 0, scope: str = ""
    ) -> list[RuleSet]:
        parsed = (css, read_from, is_default_rules, tie_breaker, scope)
        if read_from != self._kept_from or parsed in self._parse_cache:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        try:
            file = cache_dir() / KEPT
            key = (parsed, sorted(self._variables.items()), _textual_stamp())
        except OSError:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        kept = _read(file, key)
        if kept is not None:
            rules, self._Stylesheet__variable_tokens = kept  # type: ignore[attr-defined]
        else:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):
                _write(file, key, (rules, self._variable_tokens))
        self._parse_cache[parsed] = rules
        return rules


Kept = tuple[list[RuleSet], dict[str, list[Token]]]
"""The rules of the stylesheet, and the theme's variables tokenized."""


def _read(file: Path, key: object) -> Kept | None:
    """What was kept under `key`; None if nothing was, or under another key, or by another user."""
    try:
        with open(file, "rb") as cached:
            if hasattr(os, "getuid") and os.fstat(cached.fileno()).st_uid != os.getuid():
                return None  # only what this user wrote is unpickled
            kept_key, kept = pickle.load(cached)
    except Exception:  # missing, damaged, or pickled by a Textual that has changed since
        return None
    return kept if kept_key == key else None


def _write(file: Path, key: object, kept: Kept) -> None:
    temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(temporary, "wb") as out:
            pickle.dump((key, kept), out, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
    except Exception:  # a folder that cannot be written, rules that cannot be pickled: parsed again next time
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
