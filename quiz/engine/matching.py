"""Typed text against a card's accepted answers, by the card's matching mode.

- `lenient`: normalised (see `normalize`), read without leading prepositions
  ("in Kanada") and, where the card takes a surname, without titles before
  the name ("Präsident Trump"), surnames where the card allows them,
  and small typos: edit distance 1 on a word of at least 5 letters, 2 on a
  word of at least 10, where an edit is a wrong, missing or extra letter or two
  neighbouring letters swapped (optimal string alignment, so "Petor" is one
  edit from "Petro"). A typo counts as right but is reported. A slip keeps
  the first letter and adds or drops no prefix: "millions" is another word
  than "billions", "unwillkommen" than "willkommen".
- `strict`: normalised, surnames allowed, no typos.
- `exact`: only surrounding whitespace is trimmed (surname forms still count).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from quiz.deck.datarecord import datarecord

from .normalize import answer_key, normalize, readings, spelling_variants, trim

if TYPE_CHECKING:
    from quiz.deck.model import Matching

TYPO_MIN_LETTERS: tuple[tuple[int, int], ...] = ((10, 2), (5, 1))
"""(letters in the expected word, edits forgiven), longest first."""


@datarecord
class TextMatch:
    correct: bool
    typo: bool = False
    matched: str | None = None  # the accepted form the input was matched against


def typo_allowance(word: str) -> int:
    """Edits forgiven in `word`: none in short words or words with digits (years must be exact)."""
    if any(ch.isdigit() for ch in word):
        return 0
    letters = sum(ch.isalpha() for ch in word)
    for min_letters, edits in TYPO_MIN_LETTERS:
        if letters >= min_letters:
            return edits
    return 0


def surname_forms(name: str) -> tuple[str, ...]:
    """A person's name without its leading given names.

    "Abelardo de la Espriella" -> "de la Espriella", "la Espriella", "Espriella";
    "Gustavo Petro" -> "Petro".
    """
    words = name.split()
    return tuple(" ".join(words[i:]) for i in range(1, len(words)))


def accepted_forms(accepted: Sequence[str], *, surname: bool = False) -> tuple[str, ...]:
    """The accepted answers, followed by their surname forms if the card allows them."""
    forms = list(dict.fromkeys(accepted))
    if surname:
        forms += [s for a in accepted for s in surname_forms(a) if s not in forms]
    return tuple(dict.fromkeys(forms))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def another_word(given: str, expected: str) -> bool:
    """Is `given` a different word rather than a slip in typing `expected`?

    A slip keeps the first letter ("millions" is not a typo of "billions") and
    does not add or drop a prefix ("unwillkommen" is not a typo of "willkommen").
    """
    if given[:1] != expected[:1]:
        return True
    longer, shorter = (given, expected) if len(given) > len(expected) else (expected, given)
    return len(longer) - len(shorter) >= 2 and longer.endswith(shorter)


def _typo_distance(given: str, expected: str) -> int | None:
    """Edits between two normalised answers if within the allowance, else None."""
    from rapidfuzz.distance import OSA  # here, not at the top: start-up never grades

    given_words, expected_words = given.split(), expected.split()
    if not given_words or not expected_words or _digits(given) != _digits(expected):
        return None  # a typo never changes a number
    if another_word(given.replace(" ", ""), expected.replace(" ", "")):
        return None
    if len(given_words) == len(expected_words):
        total = 0
        for g, e in zip(given_words, expected_words, strict=True):
            if g != e and another_word(g, e):
                return None
            allowed = typo_allowance(e)
            d = OSA.distance(g, e, score_cutoff=allowed)
            if d > allowed:
                return None
            total += d
        return total
    # The learner split or joined words: compare without spaces, forgiving
    # as much as the longest expected word allows.
    allowed = max(typo_allowance(e) for e in expected_words)
    d = OSA.distance(given.replace(" ", ""), expected.replace(" ", ""), score_cutoff=allowed)
    return d if d <= allowed else None


def _closest(given: str, forms: Sequence[str]) -> str:
    """Of several equally good forms, the one written most like the input (for highlighting)."""
    from rapidfuzz.distance import OSA

    raw = trim(given).casefold()
    return min(forms, key=lambda form: OSA.distance(raw, trim(form).casefold()))


def match_text(given: str, accepted: Sequence[str], mode: Matching | None = "lenient", *, surname: bool = False) -> TextMatch:
    """Is `given` one of the `accepted` answers (or, leniently, a small typo away from one)?"""
    forms = accepted_forms(accepted, surname=surname)
    if not trim(given):
        return TextMatch(False)
    if mode == "exact":
        hits = [form for form in forms if trim(given) == trim(form)]
        return TextMatch(True, matched=hits[0]) if hits else TextMatch(False)
    # A whole phrase is read without the words learners put before an answer
    # ("in Kanada", "im Mai", and before a person's name "Präsident Trump").
    given_forms = readings(given, titles=surname)
    given_keys = {form.replace(" ", "") for form in given_forms}
    hits = []
    for form in forms:
        for variant in spelling_variants(form):
            key = answer_key(variant)
            # An answer made only of punctuation has an empty key: compare it as written.
            if (key and key in given_keys) or (not key and trim(given) == trim(form)):
                hits.append(form)
    if hits:
        return TextMatch(True, matched=_closest(given, hits))
    if mode == "strict" or not any(given_keys):
        return TextMatch(False)
    distances: dict[str, int] = {}
    for form in forms:
        for variant in spelling_variants(form):
            for given_norm in given_forms:
                d = _typo_distance(given_norm, normalize(variant))
                if d is not None:
                    distances[form] = min(d, distances.get(form, d))
    if not distances:
        return TextMatch(False)
    fewest = min(distances.values())
    return TextMatch(True, typo=True, matched=_closest(given, [f for f, d in distances.items() if d == fewest]))
