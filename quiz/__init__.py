"""quiz: spaced-repetition quizzes and flashcards in the terminal."""

from . import standins  # noqa: F401 - first: `dataclasses` and `pathlib` imported without what quiz does not use of them

__version__ = "0.1.0"
