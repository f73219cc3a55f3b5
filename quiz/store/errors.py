"""The one error the store raises: a message a learner or teacher can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The progress database cannot be used (corrupt, newer schema, locked for too long, ...).

    The message names the file and says what to do; the file itself is never
    replaced or repaired behind the learner's back.
    """


class ChangedElsewhere(StoreError):
    """An answer cannot be taken back or re-rated: another quiz window answered the card since.

    Putting back the card's earlier schedule would silently discard that later answer.
    """


class StoreBusy(StoreError):
    """Another quiz held the database longer than the busy timeout."""
