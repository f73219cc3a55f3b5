"""Local progress: one SQLite file per data directory, shared by every learner profile."""

from .database import Answer, DayActivity, DeckCounts, Store
from .errors import StoreError
from .location import data_dir

__all__ = ["Answer", "DayActivity", "DeckCounts", "Store", "StoreError", "data_dir"]
