"""The deck a command is given: a deck file or a bundled deck's name, or its problems printed."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from quiz.shown import shown

if TYPE_CHECKING:
    from quiz.deck.model import Deck


def deck_or_report(spec: str) -> Deck | None:
    """The deck `spec` names (see `resolve_deck`); None after printing why it cannot be used."""
    from quiz.deck.files import resolve_deck

    try:
        return resolve_deck(spec)
    except OSError as error:
        print(shown(f"{spec}: {error.strerror or error}"), file=sys.stderr)
    except Exception as error:
        from quiz.deck.errors import DeckError  # not imported for a deck that opens: most decks do

        if not isinstance(error, DeckError):
            raise
        print(shown(error, lines=True), file=sys.stderr)
    return None
