"""Local progress: one SQLite file per data directory, shared by every learner profile."""

from quiz.engine.progress import Answer, DayActivity, DeckCounts

from .database import Store
from .errors import ChangedElsewhere, StoreError
from .location import data_dir
from .profiles import ProfileNameError, clean_profile_name

__all__ = [
    "Answer",
    "ChangedElsewhere",
    "DayActivity",
    "DeckCounts",
    "ProfileNameError",
    "Store",
    "StoreError",
    "clean_profile_name",
    "data_dir",
]
