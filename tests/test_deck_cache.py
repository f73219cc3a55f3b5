"""Checked decks kept compiled: a deck read again is the same deck, read a card at a time, and any change reads it afresh."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from recording import paths_passed
from test_deck_properties import decks

from quiz.deck import cache, compiled, loader
from quiz.deck.compiled import CompiledCards
from quiz.deck.errors import DeckError
from quiz.deck.model import Deck
from quiz.deck.writer import dump
from quiz.engine.keys import CompiledIndex, Side, deck_index, sibling_group
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
    assert len(list(cache_folder.glob("*" + cache.ENTRY))) == 1


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
    assert not list(cache_folder.glob("*" + cache.ENTRY))


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
    (entry,) = cache_folder.glob("*" + cache.ENTRY)
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
    assert len(list(cache_folder.glob("*" + cache.ENTRY))) == 2


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


def settle(path: Path) -> None:
    """Date the file's last change back, as for a deck written days ago (its `stat` then names its content)."""
    past = path.stat().st_mtime - 3600
    os.utime(path, (past, past))


def read_settled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Deck]:
    """The tour deck, as written days ago, read once: the cache now also names it by its `stat`."""
    path = copy_of_tour(tmp_path / "decks")
    settle(path)
    monkeypatch.setattr(cache, "SETTLED", 0.0)  # the utime above is itself a change, seconds ago
    return path, cache.read_deck(path)


def test_a_settled_deck_is_found_without_reading_its_bytes(
    tmp_path: Path, cache_folder: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, expected = read_settled(tmp_path, monkeypatch)
    assert len(list(cache_folder.glob("*" + cache.ALIAS))) == 1
    read = Path.read_bytes

    def refuse(self: Path) -> bytes:
        assert self != path, "the deck file's bytes were read again"
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert cache.read_deck(path) == expected
    assert checks == [path]


def test_a_deck_changed_just_now_is_not_named_by_its_stat(tmp_path: Path, cache_folder: Path, checks: list[Path]) -> None:
    path = copy_of_tour(tmp_path / "decks")
    cache.read_deck(path)
    assert not list(cache_folder.glob("*" + cache.ALIAS))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Petro in Washington:", "Petra in Washington:", 1), encoding="utf-8")  # same size
    assert cache.read_deck(path).title.startswith("Petra in Washington:")
    assert checks == [path, path]


def test_an_edit_of_a_settled_deck_is_seen(
    tmp_path: Path, cache_folder: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = read_settled(tmp_path, monkeypatch)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Petro in Washington:", "Petra in Washington:", 1), encoding="utf-8")
    assert cache.read_deck(path).title.startswith("Petra in Washington:")
    assert checks == [path, path]


def test_a_cached_deck_reads_its_cards_as_they_are_asked_for(tmp_path: Path, cache_folder: Path) -> None:
    path = copy_of_tour(tmp_path / "decks")
    fresh = cache.read_deck(path)
    kept = cache.read_deck(path)
    assert isinstance(kept.cards, CompiledCards)
    assert len(kept.cards) == len(fresh.cards)
    assert kept.cards[3] == fresh.cards[3] and kept.cards[-1] == fresh.cards[-1]
    assert kept.cards[2:5] == fresh.cards[2:5]
    with pytest.raises(IndexError):
        kept.cards[len(fresh.cards)]
    assert kept.card(fresh.cards[4].id) == fresh.cards[4]
    plain = pickle.loads(pickle.dumps(kept))
    assert isinstance(plain.cards, tuple) and plain == kept


def test_a_cut_short_entry_is_not_used(tmp_path: Path, cache_folder: Path, checks: list[Path]) -> None:
    path = copy_of_tour(tmp_path / "decks")
    expected = cache.read_deck(path)
    (entry,) = cache_folder.glob("*" + cache.ENTRY)
    entry.write_bytes(entry.read_bytes()[:-4096])  # whole pages gone: SQLite alone would open it
    assert cache.read_deck(path) == expected
    assert checks == [path, path]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(decks())
def test_a_cached_decks_index_is_the_index_of_the_deck_in_memory(tmp_path: Path, cache_folder: Path, deck: Deck) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(dump(deck), encoding="utf-8")
    cache.read_deck(path)
    kept = cache.read_deck(path)
    assert isinstance(kept.cards, CompiledCards)
    memory, lazy = deck_index(deck), deck_index(kept)
    assert isinstance(lazy, CompiledIndex)
    assert len(lazy) == len(memory) and lazy.signature == memory.signature
    assert list(lazy.keys) == list(memory.keys) and lazy.positions == memory.positions
    assert lazy.keys[1:4] == list(memory.keys[1:4])
    for position, key in enumerate(memory.keys):
        assert lazy.entry(position) == memory.entry(position)
        assert lazy.get(key) == memory.get(key)
    assert lazy.get("no-such-card") is None


def test_a_cached_decks_index_finds_many_sides_at_once_without_reading_their_cards(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_of_tour(tmp_path / "decks")
    memory = deck_index(cache.read_deck(path))
    lazy = deck_index(cache.read_deck(path))
    asked = [*reversed(memory.keys), "no-such-card", memory.keys[0]]
    monkeypatch.setattr(compiled.pickle, "loads", None)  # no card is unpickled
    found = lazy.sides_of(asked)
    assert found == memory.sides_of(asked)
    assert found == {
        key: Side(key, entry.position, entry.card.id, entry.card.fact)
        for key in memory.keys
        if (entry := memory.get(key)) is not None
    }
    assert {side.group for side in found.values()} == {sibling_group(entry.card) for entry in map(memory.entry, range(len(memory)))}


def test_an_alias_written_by_other_deck_code_is_not_followed(
    tmp_path: Path, cache_folder: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = read_settled(tmp_path, monkeypatch)
    assert len(list(cache_folder.glob("*" + cache.ALIAS))) == 1
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: b"another version of the deck code")
    cache.read_deck(path)  # the alias names an entry of the old code: the deck is checked again
    assert checks == [path, path]
