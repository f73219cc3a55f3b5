"""Corrections to the Textual version quiz is pinned to, in one place; each names what it fixes.

`StylesCache.get_inner_outer` is memoised with `functools.lru_cache` on the
method, so its cache keys hold the `StylesCache` itself: the last 1,024 widgets
ever painted stay alive after they are removed, each with every line it drew
(Textualize/textual#6665). A study session replaces its widgets at every card,
so a learner's app, and each pupil's app under `quiz serve`, keeps thousands of
dead lines, and every full pass of the garbage collector walks them again. The
two styles depend only on the two colours, so they are remembered by those alone,
computed by Textual's own code. `tests/tui/test_textual_fixes.py` fails when the
fix no longer applies, or is no longer needed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache


def _fix_inner_outer() -> None:
    method: Any = StylesCache.__dict__["get_inner_outer"]
    compute = getattr(method, "__wrapped__", None)
    if compute is None:  # no longer memoised on the method: nothing to fix
        return

    @lru_cache(maxsize=1024)
    def inner_outer(base_background: Any, background: Any) -> Any:
        return compute(None, base_background, background)  # the method never reads `self`

    def get_inner_outer(self: StylesCache, base_background: Any, background: Any) -> Any:
        return inner_outer(base_background, background)

    get_inner_outer.__doc__ = compute.__doc__
    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign, assignment]


_fix_inner_outer()
