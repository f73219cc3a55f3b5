"""Text normalisation: the form in which typed answers are compared.

Learners should not lose a point for case, accents (Bogota = Bogotá),
punctuation, spacing or a leading article ("der Kongress", "the Congress",
"el Congreso"). Everything here is idempotent: normalising twice changes
nothing, so grading a normalised answer gives the same result.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Leading articles dropped before comparing (German, English, Spanish).
ARTICLES: frozenset[str] = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "the", "a", "an", "el", "la", "los", "las"]
)

# Words a learner puts before the answer itself, from answering in a whole phrase:
# "in Kanada", "aus Mexiko", "im Mai", "from Mexico", "in May". Compared folded.
PREPOSITIONS: frozenset[str] = frozenset(
    ["in", "im", "ins", "am", "an", "aus", "von", "vom", "zu", "zum", "zur", "nach", "bei", "beim", "mit", "auf",
     "uber", "fur", "gegen", "seit", "from", "at", "to", "into", "of", "by", "on", "with", "about", "for",
     "against", "during", "since"]
)

# Titles and roles a learner puts before a person's name: "Präsident Trump",
# "US-Präsident Trump", "Außenminister Rubio", "Vice President Vance". Compared folded
# (so "Außenminister" is "aussenminister" and "U.S." is "u s").
TITLES: frozenset[str] = frozenset(
    [
        "us", "u", "s", "usa", "ex", "former", "ehemalige", "ehemaliger", "ehemaligen", "fruhere", "fruherer",
        "herr", "frau", "mr", "mrs", "ms", "dr", "senor", "sr", "don", "dona",
        "prasident", "prasidenten", "prasidentin", "vizeprasident", "vize", "staatschef",
        "staatsprasident", "aussenminister", "minister", "ministerin", "burgermeister", "kandidat", "kandidaten",
        "machthaber", "senator", "abgeordneter", "gegner", "parteifreund", "journalist",
        "president", "vice", "secretary", "state", "foreign", "mayor", "candidate", "ruler", "leader",
        "kolumbiens", "kolumbianische", "kolumbianischer", "venezolanische", "venezolanischer", "ecuadors", "ecuador",
        "venezuela", "venezuelas",
        "colombian", "colombia", "venezuelan", "ecuadorian", "american", "amerikanische",
        "amerikanischer",
    ]
)

# Letters that carry no combining accent in Unicode, so NFKD cannot strip them.
_PLAIN_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})

# German learners often type "ue" for "ü": both spellings are accepted.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


# Everything but letters and digits (`str.isalnum`): `\w` is exactly those and "_".
_NOT_ALNUM = re.compile(r"[\W_]+")


def _strip_accents(text: str) -> str:
    if text.isascii():  # nothing to decompose, nothing to strip
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces, trimmed.

    Remembered: checking a deck or grading against rivals folds the same few texts thousands of times.
    """
    text = _strip_accents(_strip_accents(text).casefold()).translate(_PLAIN_LETTERS)
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def strip_articles(words: list[str]) -> list[str]:
    """Drop leading articles, but never the last word ("A" stays "a")."""
    start = 0
    while start < len(words) - 1 and words[start] in ARTICLES:
        start += 1
    return words[start:]


def normalize(text: str) -> str:
    """The comparison form of an answer: folded, without leading articles."""
    return " ".join(strip_articles(fold(text).split()))


def readings(text: str, *, titles: bool = False) -> tuple[str, ...]:
    """The normalised forms a typed phrase may be read as, the whole phrase first.

    Leading prepositions and contractions ("in Kanada", "im Mai", "from
    Mexico") and, before a person's name (`titles`), titles and roles
    ("Präsident Trump", "Secretary of State Rubio") are dropped one by one, each
    shorter reading being a candidate too, so an answer that really starts with
    such a word ("Am Ende") still matches itself. The last word always stays.
    """
    words = fold(text).split()
    fillers = ARTICLES | PREPOSITIONS | (TITLES if titles else frozenset())
    keys = [" ".join(strip_articles(words))]
    start = 0
    while start < len(words) - 1 and words[start] in fillers:
        start += 1
        keys.append(" ".join(strip_articles(words[start:])))
    return tuple(dict.fromkeys(keys))


def answer_key(text: str) -> str:
    """What two answers must share to count as the same answer.

    Spaces are dropped too, so "M-19", "M 19" and "M19", or "J.D. Vance" and
    "JD Vance", are the same answer.
    """
    return normalize(text).replace(" ", "")


def spelling_variants(text: str) -> tuple[str, ...]:
    """The text and, if it has umlauts, its "ae/oe/ue" spelling."""
    transliterated = text.translate(_UMLAUTS)
    return (text,) if transliterated == text else (text, transliterated)


def trim(text: str) -> str:
    """Exact matching: only surrounding whitespace goes (and Unicode composition, which is invisible)."""
    return unicodedata.normalize("NFC", text).strip()
