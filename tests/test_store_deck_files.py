"""Deck files a learner studied: remembered per learner, by absolute path, latest first."""

from __future__ import annotations

from pathlib import Path

from quiz.store import Store


def test_deck_files_are_remembered_per_learner(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.open(tmp_path / "data") as store:
        store.create_profile("Anna")
        store.create_profile("Ben")
        store.remember_deck_file("Anna", "capitals", Path("my.yaml"))
        store.remember_deck_file("Anna", "rivers", tmp_path / "rivers.yaml")
        store.remember_deck_file("Anna", "capitals", Path("moved") / "my.yaml")  # the same deck, read from elsewhere
        assert store.deck_files("Anna") == [("capitals", tmp_path / "moved" / "my.yaml"), ("rivers", tmp_path / "rivers.yaml")]
        assert store.deck_files("Ben") == []
        assert store.deck_files("nobody") == []
