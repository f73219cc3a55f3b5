"""What a deck file can be: how large, and which names are decks and which are facts files."""

from __future__ import annotations

MAX_BYTES = 64 * 1024 * 1024
DECK_SUFFIXES = (".yaml", ".yml")
FACTS_SUFFIXES = (".facts.yaml", ".facts.yml")  # inputs of `quiz generate`, not decks
