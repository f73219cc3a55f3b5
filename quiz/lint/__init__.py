"""`quiz lint`: what makes a valid card weak (give-aways, odd options, answers that grade badly)."""

from .checks import CHECKS, Finding, lint_deck
from .places import Places, places_of

__all__ = ["CHECKS", "Finding", "Places", "lint_deck", "places_of"]
