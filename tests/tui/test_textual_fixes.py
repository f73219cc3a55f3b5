"""What `quiz.tui.textual_fixes` corrects in Textual stays corrected, and is still Textual's own result."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style
from tui_helpers import answer, make_app, tour_deck, wait_screen

import quiz.tui.textual_fixes  # noqa: F401
from quiz.tui.screens.study import StudyScreen


def _styles_caches() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is StylesCache)


async def _three_cards(data_dir: Path) -> int:
    """Plays three cards of the tour deck; how many style caches there were while it ran."""
    app = make_app(data_dir, tour_deck())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        for _ in range(3):  # every card replaces the answer widgets: the removed ones must go
            await answer(pilot, right=True)
        return _styles_caches()


def test_no_widget_outlives_its_app_through_textuals_style_cache(tmp_path: Path) -> None:
    before = _styles_caches()
    assert asyncio.run(_three_cards(tmp_path)) > before
    assert _styles_caches() <= before


def test_inner_and_outer_styles_are_textuals_own() -> None:
    cache = StylesCache()
    for base, background in [(Color(10, 20, 30), Color(200, 100, 50, 0.5)), (Color(0, 0, 0), Color(255, 255, 255))]:
        assert cache.get_inner_outer(base, background) == (Style(background=base + background), Style(background=base))
