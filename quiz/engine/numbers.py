"""Numbers as learners type them: "2,5", "1.000.000", "2000–2015", "2000/2015", "von 2000 bis 2015".

Separators: with both "." and "," the last one is the decimal mark
("1.234,5" and "1,234.5"). With one kind, used several times, it groups
thousands ("1.000.000"); used once, it groups thousands only before exactly
three digits after a non-zero group of one to three digits ("1,000" and
"12.500" are thousands; "2,5", "0,500" and "1234,567" are decimals). Spaces,
non-breaking spaces and apostrophes group thousands too ("1 000", "1'000").
Words around the number ("about 65 years", "ca. 65 Jahre") are ignored.
"""

from __future__ import annotations

import math
import re

from quiz.deck.datarecord import datarecord
from quiz.i18n import _

_GROUP = r"[ \u00a0\u202f'’]"
_BODY = rf"(?:\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*|[.,]\d+)"
_NUMBER = rf"[-−+]?{_BODY}"

# What may stand between the two ends of a range, in German, English and Spanish.
RANGE_WORDS: tuple[str, ...] = ("to", "until", "till", "through", "and", "bis", "und", "a", "y", "hasta", "al")
_DASHES = r"[-‐‑‒–—−/]|\.\.\.?|…"
_CONNECTOR = rf"(?:{_DASHES}|(?:{'|'.join(RANGE_WORDS)})\b)"
_FILLER = r"[^\d]*"  # words before/after: "von", "from", "ca.", "Jahre", "%"

_SINGLE_RE = re.compile(rf"^{_FILLER}?(?P<a>{_NUMBER}){_FILLER}$", re.IGNORECASE)
_RANGE_RE = re.compile(
    rf"^{_FILLER}?(?P<a>{_NUMBER})\s*{_CONNECTOR}\s*(?P<b>{_NUMBER}){_FILLER}$", re.IGNORECASE
)


@datarecord
class Span:
    """A typed number (low == high) or range, low <= high."""

    low: float
    high: float

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def _body_value(body: str) -> float | None:
    body = re.sub(_GROUP, "", body)
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1 or body.rfind(thousands) > body.rfind(decimal):
            return None
        body = body.replace(thousands, "").replace(decimal, ".")
    elif dots or commas:
        sep = "." if dots else ","
        head, _, tail = body.rpartition(sep)
        if body.count(sep) > 1:
            groups = body.split(sep)
            if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
                return None
            body = body.replace(sep, "")
        elif len(tail) == 3 and 1 <= len(head) <= 3 and head.lstrip("0"):
            body = head + tail
        else:
            body = f"{head}.{tail}"
    try:
        return float(body)
    except ValueError:
        return None


def _value(token: str) -> float | None:
    sign = -1.0 if token[0] in "-−" else 1.0
    value = _body_value(token.lstrip("-−+"))
    return None if value is None else sign * value


def parse_number(text: str) -> float | None:
    """One number ("2,5", "about 65 years"), or None."""
    m = _SINGLE_RE.match(text.strip())
    return _value(m["a"]) if m else None


def _expand_abbreviated(low: float, high: float, high_text: str) -> float:
    """"2012–15" means 2012–2015: a shorter, smaller second year borrows the first one's century."""
    digits = high_text.lstrip("+")
    if low.is_integer() and high.is_integer() and 0 <= high < low and digits.isdigit():
        scale: int = 10 ** len(digits)
        expanded = low - low % scale + high
        if len(str(int(low))) > len(digits) and expanded > low:
            return expanded
    return high


def parse_span(text: str) -> Span | None:
    """A number or a range ("2000–2015", "von 2000 bis 2015", "2012-15"), or None."""
    text = text.strip()
    single = parse_number(text)
    if single is not None:
        return Span(single, single)
    m = _RANGE_RE.match(text)
    if not m:
        return None
    low, high = _value(m["a"]), _value(m["b"])
    if low is None or high is None:
        return None
    high = _expand_abbreviated(low, high, m["b"])
    return Span(min(low, high), max(low, high))


def unreadable(text: str, *, ranged: bool = False) -> str | None:
    """Why `text` is not a number (or, if `ranged`, a range), in words for the learner; None if it is.

    Blank text is readable: it is the learner's way to say "I don't know".
    """
    if not text.strip() or parse_span(text) is not None:
        return None
    if ranged:
        return _("That is not a number or a range; type e.g. 1990-1995.")
    return _("That is not a number; type e.g. 1990 or 2,5.")


def within(value: float, target: float, tolerance: float = 0) -> bool:
    """|value - target| <= tolerance, forgiving float rounding ("0.1 + 0.2")."""
    return abs(value - target) <= tolerance + 1e-9 * max(1.0, abs(target))


def format_number(value: float) -> str:
    """2015 -> "2015", 2.5 -> "2.5": no grouping, so years read as years."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def format_span(low: float, high: float) -> str:
    """The display form of a range, with an en dash: "2000–2015"."""
    return format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
