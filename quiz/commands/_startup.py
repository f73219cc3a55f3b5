"""A command's setting up, with the cyclic garbage collector paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def setting_up() -> Iterator[None]:
    """Pause the collector while a command sets itself up (its imports, its parser), then freeze what was made.

    What is made then (modules, classes, functions) lives as long as the
    program: the collector's passes over it, every 700 allocations, would find
    nothing to free (a few milliseconds of a command's start-up). Frozen, those
    objects are also left out of its later passes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
