"""The deck list starts an import from a file path; the new deck is listed at once, a bad file is explained."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static
from tui_helpers import make_app, synchronously, wait_for, wait_screen

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.importing import ImportScreen


async def _type_path(pilot, path: Path) -> ImportScreen:  # type: ignore[no-untyped-def]
    home = await wait_screen(pilot, HomeScreen)
    await wait_for(pilot, lambda: bool(home.rows), "the deck list")
    await pilot.press("i")
    screen = await wait_screen(pilot, ImportScreen)
    box = screen.query_one(Input)
    assert box.has_focus
    box.value = str(path)
    await pilot.press("enter")
    return screen  # type: ignore[return-value]


@synchronously
async def test_an_imported_deck_appears_in_the_list(tmp_path: Path) -> None:
    source = tmp_path / "capitals.gift"
    source.write_text("::fr::Capital of France?{=Paris ~Lyon}\n\n::it::Capital of Italy?{=Rome}\n", encoding="utf-8")
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type_path(pilot, source)
        home = await wait_screen(pilot, HomeScreen)
        await wait_for(pilot, lambda: "capitals" in [r.deck.id for r in home.rows], "the imported deck listed")  # type: ignore[attr-defined]
        assert (tmp_path / "data" / "imported" / "capitals.yaml").exists()
        row = next(r for r in home.rows if r.deck.id == "capitals")  # type: ignore[attr-defined]
        assert row.counts.new == 2


@synchronously
async def test_a_bad_file_is_explained_and_the_screen_stays(tmp_path: Path) -> None:
    source = tmp_path / "broken.gift"
    source.write_text("Broken?{=a ~b\n", encoding="utf-8")
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _type_path(pilot, source)
        problem = screen.query_one("#import-problem", Static)
        await wait_for(pilot, lambda: "never closed" in str(problem.content), "the problem shown")
        assert str(problem.content) == f"{source}:1:8: the answers opened with '{{' here are never closed with '}}'"
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)
    assert not (tmp_path / "data" / "imported").exists()
