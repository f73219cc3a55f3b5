"""Checked decks kept compiled: a deck read again is the same deck, and any change reads it afresh."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from recording import paths_passed
from test_deck_properties import decks

from quiz.deck import cache, loader
from quiz.deck.errors import DeckError
from quiz.deck.model import Deck
from quiz.deck.writer import dump
from quiz.paths import bundled_decks_dir

TOUR = bundled_decks_dir() / "tour.en.yaml"


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the loader really reads and checks (the cache answers the others)."""
    return paths_passed(monkeypatch, loader, "load_deck")


def copy_of_tour(folder: Path, name: str = "tour.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(TOUR.read_bytes())
    return path


def test_a_deck_read_again_is_not_checked_again(tmp_path: Path, cache_folder: Path, checks: list[Path]) -> None:
    path = copy_of_tour(tmp_path / "decks")
    first = cache.read_deck(path)
    again = cache.read_deck(path)
    assert checks == [path]
    assert again == first == loader.load_deck(TOUR)
    assert again.path == path
    assert len(list(cache_folder.glob("*.pickle"))) == 1


def test_an_edited_deck_is_checked_again(tmp_path: Path, cache_folder: Path, checks: list[Path]) -> None:
    path = copy_of_tour(tmp_path / "decks")
    assert cache.read_deck(path).title.startswith("Petro in Washington")
    path.write_text(path.read_text(encoding="utf-8").replace("Petro in Washington:", "Edited:", 1), encoding="utf-8")
    assert cache.read_deck(path).title.startswith("Edited:")
    assert checks == [path, path]


def test_the_same_bytes_elsewhere_are_the_deck_at_its_own_path(
    tmp_path: Path, cache_folder: Path, checks: list[Path]
) -> None:
    one = copy_of_tour(tmp_path / "a")
    other = copy_of_tour(tmp_path / "b")
    cache.read_deck(one)
    assert cache.read_deck(other).path == other
    assert checks == [one]


def test_a_broken_deck_is_reported_every_time_and_never_kept(tmp_path: Path, cache_folder: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("deck: {id: broken}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DeckError, match=r"broken.yaml:\d+:\d+: "):
            cache.read_deck(broken)
    missing = tmp_path / "missing.yaml"
    with pytest.raises(DeckError, match="missing.yaml:1:1: no such file"):
        cache.read_deck(missing)
    assert not list(cache_folder.glob("*.pickle"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.write_bytes(b"not a pickle"),
        lambda entry: entry.write_bytes(entry.read_bytes()[:40]),
        lambda entry: entry.write_bytes(pickle.dumps({"id": "tour-en"})),
        lambda entry: entry.write_bytes(b""),
    ],
    ids=["garbage", "truncated", "not-a-deck", "empty"],
)
def test_a_damaged_entry_is_read_afresh_and_replaced(
    damage: object, tmp_path: Path, cache_folder: Path, checks: list[Path]
) -> None:
    path = copy_of_tour(tmp_path / "decks")
    expected = cache.read_deck(path)
    (entry,) = cache_folder.glob("*.pickle")
    damage(entry)  # type: ignore[operator]
    assert cache.read_deck(path) == expected
    assert cache.read_deck(path) == expected
    assert checks == [path, path]  # checked again once, then kept again


def test_an_entry_written_by_someone_else_is_not_unpickled(
    tmp_path: Path, cache_folder: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_of_tour(tmp_path / "decks")
    cache.read_deck(path)
    monkeypatch.setattr(cache.os, "getuid", lambda: 4242, raising=False)
    cache.read_deck(path)
    assert checks == [path, path]


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[Path]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    path = copy_of_tour(tmp_path / "decks")
    assert cache.read_deck(path) == cache.read_deck(path)
    assert checks == [path, path]
    assert cache.read_deck(path) == loader.load_deck(TOUR)
    assert not list(tmp_path.glob("decks/*.tmp")) and blocker.read_text() == "not a folder"


def test_a_change_of_the_deck_code_makes_entries_stale(
    tmp_path: Path, cache_folder: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_of_tour(tmp_path / "decks")
    cache.read_deck(path)
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: b"another version of the deck code")
    cache.read_deck(path)
    assert checks == [path, path]


def test_the_deck_code_fingerprint_follows_the_source_files() -> None:
    stamp = cache._code_fingerprint()
    assert b"loader.py:" in stamp and b"model.py:" in stamp and b"cache.py:" in stamp


def test_only_the_newest_entries_are_kept(tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    text = TOUR.read_text(encoding="utf-8")
    for n in range(4):
        path = tmp_path / f"deck{n}.yaml"
        path.write_text(text.replace("id: tour-en", f"id: deck-{n}", 1), encoding="utf-8")
        assert cache.read_deck(path).id == f"deck-{n}"
    assert len(list(cache_folder.glob("*.pickle"))) == 2


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(decks())
def test_a_cached_deck_is_the_deck_the_loader_reads(tmp_path: Path, cache_folder: Path, deck: Deck) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(dump(deck), encoding="utf-8")
    fresh = loader.load_deck(path)
    assert cache.read_deck(path) == fresh  # checked and kept
    kept = cache.read_deck(path)  # answered by the cache
    assert kept == fresh == deck
    assert kept.path == path
    assert [card.line for card in kept.cards] == [card.line for card in fresh.cards]
