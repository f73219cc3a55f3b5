"""Home, profile picker, end of session and statistics; the `quiz play` command's errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable, Input
from textual_plotext import PlotextPlot
from tui_helpers import (
    PROFILE,
    answer,
    app_with_learners,
    make_app,
    settle,
    single,
    synchronously,
    tour_deck,
    wait_for,
    wait_screen,
)

from quiz.cli import main
from quiz.store import Store
from quiz.tui.dialogs.help import HelpScreen
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.profile import ProfileScreen
from quiz.tui.screens.statistics import StatisticsScreen
from quiz.tui.screens.study import StudyScreen


@synchronously
async def test_a_new_learner_names_a_profile_then_studies_from_the_deck_list(tmp_path: Path) -> None:
    app = make_app(tmp_path, profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, ProfileScreen)
        await pilot.press("enter")  # an empty name is refused
        await settle(pilot)
        assert "at least one letter" in str(app.screen.query_one("#name-problem").render())
        await pilot.press(*"Lena", "enter")
        home = await wait_screen(pilot, HomeScreen)
        table = home.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 0, "deck rows")
        titles = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        row = [r.deck.id for r in home.rows].index("tour-en")
        assert titles[row].startswith(tour_deck().title)
        new_before = str(table.get_row_at(row)[1]).strip()
        assert app.profile == "Lena"
        table.move_cursor(row=row)
        await pilot.press("enter")
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        await pilot.press("escape")  # back to the deck list; the answer is kept
        await wait_screen(pilot, HomeScreen)
        await wait_for(pilot, lambda: str(table.get_row_at(row)[1]).strip() == str(int(new_before) - 1), "counts")
    with Store.open(tmp_path) as store:
        assert store.list_profiles() == ["Lena"]
        assert store.answer_count("Lena") == 1


@synchronously
async def test_at_start_up_the_key_bar_shows_quit_once_and_escape_quits(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = make_app(tmp_path, profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, ProfileScreen)
        await wait_for(pilot, lambda: bool(screen.query(FooterKey)), "the key bar")
        shown = [(key.key, key.description) for key in screen.query(FooterKey)]
        assert [description for _, description in shown].count("Quit") == 1, shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")


@synchronously
async def test_an_existing_learner_is_picked_with_a_number_key(tmp_path: Path) -> None:
    app = app_with_learners(tmp_path, "ana", "ben")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, ProfileScreen)
        await pilot.press("2")
        await wait_screen(pilot, HomeScreen)
        assert app.profile == "ben"


@synchronously
async def test_end_of_session_then_statistics_with_charts(tmp_path: Path) -> None:
    deck = single(tour_deck(), "dealer-whom")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        end = await wait_screen(pilot, EndScreen)
        text = end.query_one("#summary").render().plain
        assert "✓ 1 of 1 right" in text and "score 100%" in text and "Next review: in " in text
        assert "Nothing missed" in end.query_one("#missed").query_one(".subtitle").render().plain
        assert not end.query("#redrill")
        await pilot.press("s")
        stats = await wait_screen(pilot, StatisticsScreen)
        await wait_for(pilot, lambda: "Cards" in stats.query_one("#stats-summary").render().plain, "statistics")
        summary = stats.query_one("#stats-summary").render().plain
        assert "review 1" in summary and "1 answer, 1 right" in summary
        charts = stats.query(PlotextPlot)
        assert len(charts) == 2
        assert all(chart.plt is not None for chart in charts)
        await pilot.press("escape")
        await wait_screen(pilot, EndScreen)
        await pilot.press("enter")
        await wait_screen(pilot, HomeScreen)


@synchronously
async def test_help_opens_and_closes(tmp_path: Path) -> None:
    app = make_app(tmp_path, tour_deck())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        await pilot.press("question_mark")
        help_screen = await wait_screen(pilot, HelpScreen)
        keys = help_screen.query_one("#help-keys").render().plain
        assert "undo the last answer" in keys
        assert "set a test" in keys and "class report" in keys
        assert all(key in keys for key in ("ctrl+n", "ctrl+b", "ctrl+s"))
        await pilot.press("escape")
        await wait_screen(pilot, StudyScreen)


def test_play_reports_a_broken_deck_with_its_position(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deck:\n  id: x\n  title: X\ncards:\n  - id: a\n    kind: choice\n    question: Q?\n")
    code = main(["--data-dir", str(tmp_path / "data"), "play", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:" in err and "Traceback" not in err
    assert err.split(":")[1].isdigit()


def test_play_reports_an_unusable_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.sqlite3").write_bytes(b"this is not a database, just some text" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--data-dir", str(data), "--profile", PROFILE, "play", "tour-en"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert "progress.sqlite3" in result.stderr and "Traceback" not in result.stderr


@synchronously
async def test_typing_on_the_learner_list_starts_a_new_name_never_signs_in_as_someone_else(tmp_path: Path) -> None:
    app = app_with_learners(tmp_path, "Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        await pilot.press("p")
        screen = await wait_screen(pilot, ProfileScreen)
        await pilot.press("enter")  # nothing highlighted yet: Enter picks nobody
        await settle(pilot)
        assert app.screen is screen
        assert "Pick your name" in str(screen.query_one("#name-problem").render())
        await pilot.press(*"Ben")  # the list has focus; the letters still go into the name box
        assert screen.query_one("#new-name", Input).value == "Ben"
        await pilot.press("enter")
        await wait_screen(pilot, HomeScreen)
        assert app.profile == "Ben"


@synchronously
async def test_enter_on_the_learner_list_picks_the_name_moved_to(tmp_path: Path) -> None:
    app = app_with_learners(tmp_path, "ana", "ben")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, ProfileScreen)
        await pilot.press("down", "down", "enter")
        await wait_screen(pilot, HomeScreen)
        assert app.profile == "ben"


@synchronously
async def test_ctrl_p_opens_no_developer_command_palette(tmp_path: Path) -> None:
    from textual.command import CommandPalette

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_screen(pilot, HomeScreen)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert app.screen is home and not isinstance(app.screen, CommandPalette)


CAPITALS = """\
deck:
  id: capitals
  title: Capitals
cards:
  - id: fr
    kind: answer
    question: Capital of France?
    answer: Paris
  - id: de
    kind: answer
    question: Capital of Germany?
    answer: Berlin
"""


@synchronously
async def test_a_deck_played_from_a_file_is_listed_on_the_deck_list_afterwards(tmp_path: Path) -> None:
    deck_file = tmp_path / "my.yaml"
    deck_file.write_text(CAPITALS)
    data = tmp_path / "data"
    app = make_app(data, str(deck_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        await pilot.press("escape")
        home = await wait_screen(pilot, HomeScreen)
        await wait_for(pilot, lambda: "capitals" in [row.deck.id for row in home.rows], "the played deck listed")
    app = make_app(data)  # the next start, without naming the file
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_screen(pilot, HomeScreen)
        await wait_for(pilot, lambda: bool(home.rows), "deck rows")
        row = next(row for row in home.rows if row.deck.id == "capitals")
        assert row.counts.new == 1
        deck_file.unlink()  # a file gone since is left out, without a complaint
        home.load()
        await wait_for(pilot, lambda: "capitals" not in [row.deck.id for row in home.rows], "the missing file left out")
        assert home.rows


@synchronously
async def test_light_or_dark_is_kept_for_the_next_start(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        assert not app.current_theme.dark
        await pilot.press("ctrl+t")
    assert make_app(tmp_path).current_theme.dark
