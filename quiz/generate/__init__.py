"""Decks generated from an article's facts: a facts file in, a deck per language out."""

from .generator import generate_deck, render_deck
from .reader import load_facts

__all__ = ["generate_deck", "load_facts", "render_deck"]
