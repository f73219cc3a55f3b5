"""The checks of `quiz lint`: what makes a valid card weak.

A deck can load without a single problem and still teach badly: a question
that names its answer, a year offered among names, two options one letter
apart, a full name typed where the surname alone is what students write. Each
check is one function registered in `CHECKS` under the code a warning ends
with; docs/decks.md explains every code with a before/after example.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import combinations

from quiz.deck.datarecord import datarecord
from quiz.deck.model import GAP_RE, Card, Choice, Cloze, Deck, Multi, Number, TrueFalse, TypedAnswer
from quiz.engine.matching import match_text
from quiz.engine.normalize import answer_key, fold

MIN_DISTRACTORS = 3
"""A choice needs this many wrong options: with fewer, guessing pays too well."""
MIN_PREFIX = 4
"""An answer whose last word has this many letters also gives itself away as the start of a longer word ("Trumps")."""
SAME_LANGUAGE = 0.5
"""Share of a cloze's longer words found in its quote above which the cloze is in the quote's language."""
WHO_WORDS = frozenset(["wer", "wen", "wem", "wessen", "who", "whom", "whose", "quien", "quienes"])
NAME_PARTICLES = frozenset(["de", "la", "del", "da", "van", "von", "der", "den", "di", "du", "le", "y", "bin", "al"])


@datarecord
class Finding:
    """One weakness of one card: where (`field`, None for the card) and why; `code` names the check."""

    card: str
    field: str | None
    code: str
    message: str


Check = Callable[[Card, Deck], Iterator[Finding]]


def contains(text: str, phrase: str) -> bool:
    """Does `text` say `phrase`, as whole words (case, accents and punctuation aside)?

    A phrase whose last word has at least `MIN_PREFIX` letters counts at the
    start of a longer word too: "Trump" is in "Trumps zweite Präsidentschaft".
    """
    wanted = fold(phrase)
    if not wanted:
        return False
    # Folded texts are words of letters and digits between single spaces: a word starts after a space.
    if len(wanted.split()[-1]) >= MIN_PREFIX:
        return f" {wanted}" in f" {fold(text)}"
    return f" {wanted} " in f" {fold(text)} "


def _filled(card: Cloze, *, without: int | None = None) -> str:
    """The cloze's text, every gap filled with its answer but the one left out."""
    count = itertools.count()
    return GAP_RE.sub(lambda m: " " if next(count) == without else m.group(1).split("|")[0], card.text)


def _phrases(text: str, size: int) -> list[str]:
    words = re.findall(r"[\w'-]+", text)
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def give_away(card: Card, deck: Deck) -> Iterator[Finding]:
    """The answer stands in the question, the hint, or the text around a gap."""
    if isinstance(card, Cloze):
        for index, alternatives in enumerate(card.gaps, 1):
            rest = _filled(card, without=index - 1)
            for place, text in (("text", rest), ("hint", card.hint or "")):
                said = next((a for a in alternatives if contains(text, a)), None)
                if said:
                    where = "the text around it" if place == "text" else "the hint"
                    yield Finding(card.id, place, "give-away", f"gap {index} ('{said}') stands in {where}")
                    break
        return
    if isinstance(card, (TypedAnswer, Choice)):
        answers: Sequence[str] = (card.answer, *(card.alternatives if isinstance(card, TypedAnswer) else ()))
    elif isinstance(card, Multi):
        answers = card.answers
    elif isinstance(card, Number):
        answers = [str(n) for n in ((card.answer,) if card.range is None else (card.range.min, card.range.max)) if n is not None]
    else:
        return
    for place, text in (("question", card.question), ("hint", card.hint or "")):
        said = next((a for a in answers if contains(text, a)), None)
        if said:
            yield Finding(card.id, place, "give-away", f"the {place} names the answer '{said}'")


def _kind(option: str) -> str:
    return "number" if re.fullmatch(r"[\d\s.,:/–-]*\d[\d\s.,:/–-]*", option.strip()) else "text"


def mixed_options(card: Card, deck: Deck) -> Iterator[Finding]:
    """A number among words (a year among names) is picked or dropped by its look alone."""
    if not isinstance(card, (Choice, Multi)):
        return
    kinds = {_kind(o.text) for o in card.options}
    if len(kinds) > 1:
        numbers = [o.text for o in card.options if _kind(o.text) == "number"]
        words = [o.text for o in card.options if _kind(o.text) == "text"]
        odd = numbers if len(numbers) <= len(words) else words
        yield Finding(card.id, f"option:{odd[0]}", "mixed-options", f"options of mixed kinds: {', '.join(odd)} among {', '.join(o for o in (words if odd is numbers else numbers))}")


def similar_options(card: Card, deck: Deck) -> Iterator[Finding]:
    """Two options that grade as the same answer, or differ by a typo, leave the learner guessing what is meant."""
    if not isinstance(card, (Choice, Multi)):
        return
    for a, b in combinations([o.text for o in card.options], 2):
        if answer_key(a) == answer_key(b):
            yield Finding(card.id, f"option:{b}", "similar-options", f"options '{a}' and '{b}' are the same answer written twice")
        elif match_text(a, [b], "lenient").correct or match_text(b, [a], "lenient").correct:
            yield Finding(card.id, f"option:{b}", "similar-options", f"options '{a}' and '{b}' differ by a typo only")


def _is_full_name(text: str) -> bool:
    words = text.split()
    if len(words) < 2 or any(ch.isdigit() for ch in text):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words) and words[-1][:1].isupper()


def no_surname(card: Card, deck: Deck) -> Iterator[Finding]:
    """Students name people by their surname: "Petro", not "Gustavo Petro"."""
    if not isinstance(card, TypedAnswer) or card.surname or not _is_full_name(card.answer):
        return
    first = fold(card.question).split()[:1]
    if not first or first[0] not in WHO_WORDS:
        return
    surname = card.answer.split()[-1]
    if any(answer_key(a) == answer_key(surname) for a in card.alternatives):
        return
    yield Finding(
        card.id, "answer", "no-surname", f"'{card.answer}' is asked as a full name; add surname: true so '{surname}' counts too"
    )


def few_options(card: Card, deck: Deck) -> Iterator[Finding]:
    """With fewer than three wrong options a guess is right too often to tell who knows."""
    if isinstance(card, Choice) and len(card.distractors) < MIN_DISTRACTORS:
        count = len(card.distractors)
        yield Finding(card.id, "distractors", "few-options", f"{count} wrong option{'s' * (count != 1)}; give at least {MIN_DISTRACTORS}")
    if isinstance(card, Multi) and len(card.options) < MIN_DISTRACTORS + 1:
        yield Finding(card.id, "answers", "few-options", f"{len(card.options)} options in all; give at least {MIN_DISTRACTORS + 1}")


def _swap(true: str, false: str) -> tuple[str, str] | None:
    """The one stretch of words that differs between two statements, if they differ in one stretch."""
    a, b = re.findall(r"[\w'-]+", true), re.findall(r"[\w'-]+", false)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    left, right = a[start : len(a) - end], b[start : len(b) - end]
    return (" ".join(left), " ".join(right)) if left and right else None


def _kinds_of_things(deck: Deck) -> dict[str, int]:
    """Answer key -> a number per kind of thing: options offered together are of one kind, and so,
    step by step, are options that share a card with them (people with people, cities with cities)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for card in deck.cards:
        if isinstance(card, (Choice, Multi)):
            keys = [answer_key(o.text) for o in card.options]
            for key in keys[1:]:
                parent[root(key)] = root(keys[0])
    roots: dict[str, int] = {}
    return {key: roots.setdefault(root(key), len(roots)) for key in list(parent)}


def swapped_type(card: Card, deck: Deck) -> Iterator[Finding]:
    """A false statement made by swapping in something of another kind (a year for a name) is false on its face."""
    if not isinstance(card, TrueFalse) or card.answer:
        return
    kinds = _kinds_of_things(deck)
    for other in deck.cards:
        if not isinstance(other, TrueFalse) or not other.answer:
            continue
        swap = _swap(other.statement, card.statement)
        if swap is None:
            continue
        was, now = swap
        was_kind, now_kind = kinds.get(answer_key(was)), kinds.get(answer_key(now))
        apart = was_kind is not None and now_kind is not None and was_kind != now_kind
        if _kind(was) != _kind(now) or apart:
            yield Finding(
                card.id,
                "statement",
                "swapped-type",
                f"false only by swapping '{was}' for '{now}', which is not the same kind of thing (see '{other.id}')",
            )
            return


def gap_outside_quote(card: Card, deck: Deck) -> Iterator[Finding]:
    """A gap the quote does not contain cannot be checked against the source the card shows."""
    if not isinstance(card, Cloze) or not card.quote:
        return
    words = [w for w in re.findall(r"\w+", fold(_filled(card))) if len(w) > 3]
    in_quote = sum(contains(card.quote, w) for w in words)
    if not words or in_quote / len(words) < SAME_LANGUAGE:
        return  # a translation of its quote: the words cannot be compared
    for index, alternatives in enumerate(card.gaps, 1):
        if not any(contains(card.quote, a) for a in alternatives):
            yield Finding(card.id, "text", "gap-outside-quote", f"gap {index} ('{alternatives[0]}') is not in the card's quote")


def _typo_rivals(card: Card, deck: Deck) -> Iterator[tuple[str | None, str, tuple[str, ...]]]:
    """(field, rival, accepted): words the typo allowance would take for one of the card's answers."""
    if isinstance(card, Cloze):
        for index, alternatives in enumerate(card.gaps):
            rest = _filled(card, without=index)
            size = len(alternatives[0].split())
            for phrase in _phrases(rest, size):
                if answer_key(phrase) not in {answer_key(a) for a in alternatives}:
                    yield "text", phrase, alternatives
    elif isinstance(card, TypedAnswer):
        accepted = (card.answer, *card.alternatives)
        keys = {answer_key(a) for a in accepted}
        for other in deck.cards:
            if isinstance(other, Choice) and answer_key(other.answer) in keys:
                for option in other.distractors:
                    yield "answer", option.text, accepted


def typo_rival(card: Card, deck: Deck) -> Iterator[Finding]:
    """The typo allowance must not turn a right answer into another word that matters ("America" for "Americas")."""
    if deck.settings_for(card).matching != "lenient":
        return
    seen: set[str] = set()
    for place, rival, accepted in _typo_rivals(card, deck):
        found = match_text(rival, accepted, "lenient")
        if found.correct and found.typo and rival not in seen:
            seen.add(rival)
            yield Finding(
                card.id,
                place,
                "typo-rival",
                f"'{rival}' would count as a typo of '{found.matched}'; if that one letter matters, set matching: strict",
            )


CHECKS: dict[str, tuple[Check, str]] = {
    "give-away": (give_away, "the answer stands in the question, the hint or the text around a gap"),
    "mixed-options": (mixed_options, "options of mixed kinds, such as a year among names"),
    "similar-options": (similar_options, "two options that are the same answer, or a typo apart"),
    "no-surname": (no_surname, "a person's full name is asked and the surname alone is not accepted"),
    "few-options": (few_options, "fewer than three wrong options"),
    "swapped-type": (swapped_type, "a false statement made by swapping in something of another kind"),
    "gap-outside-quote": (gap_outside_quote, "a cloze gap that is not in the card's quote"),
    "typo-rival": (typo_rival, "a typo of the answer would be another word of the card"),
}
"""Warning code -> (check, what it finds). One registry: the command, the docs and the tests read it."""


def lint_deck(deck: Deck) -> list[Finding]:
    """Every weakness of every card, in card order."""
    return [finding for card in deck.cards for check, _ in CHECKS.values() for finding in check(card, deck)]
