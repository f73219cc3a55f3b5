"""Learner names: one rule for every place a profile is named (the `--profile` option, the name prompt).

On a shared classroom PC a pupil types her name afresh each lesson. "anna",
"Anna" and "Anna " must all be the same learner, or she starts from zero and
her results split in two; a blank name or one with control characters would
be a learner nobody can pick or recognise in the teacher's report.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from quiz.i18n import _

from .errors import StoreError

MAX_NAME = 40
"""Characters in a learner's name: room for a first name and a surname, short enough for a file name."""

_ALLOWED_FORMAT = {"\u200c", "\u200d"}  # zero-width (non-)joiners: needed by emoji sequences and some scripts


class ProfileNameError(StoreError):
    """A name that cannot be a learner's; the message says why in words a pupil understands."""


def clean_profile_name(name: str) -> str:
    """The name as it is kept: surrounding spaces trimmed, inner runs of spaces made one.

    Raises `ProfileNameError` for a name without a letter or digit, with
    control characters, or longer than `MAX_NAME`.
    """
    clean = " ".join(unicodedata.normalize("NFC", name).split())
    if not any(ch.isalnum() for ch in clean):
        raise ProfileNameError(_("A name needs at least one letter."))
    if any(unicodedata.category(ch).startswith("C") and ch not in _ALLOWED_FORMAT for ch in clean):
        raise ProfileNameError(_("A name cannot contain control characters."))
    if len(clean) > MAX_NAME:
        raise ProfileNameError(
            _("A name can have at most {most} characters (this one has {count}).").format(most=MAX_NAME, count=len(clean))
        )
    return clean


def name_key(name: str) -> str:
    """What two names must share to be the same learner: case, accents' encoding and spacing do not count."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def match_profile(name: str, existing: Iterable[str]) -> str | None:
    """The existing profile `name` means: the exact name first, else one that differs only in case or spacing.

    `existing` is in the order profiles were created, so among old profiles
    that differ only in case the oldest wins.
    """
    names = list(existing)
    if name in names:
        return name
    key = name_key(name)
    return next((other for other in names if name_key(other) == key), None)
