"""Learner names: one rule for the name prompt, `--profile` and the store; "anna" is the existing "Anna"."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.deck.model import DEFAULT_SETTINGS
from quiz.engine.rating import Rating
from quiz.engine.scheduler import new_state, review
from quiz.store import Answer, ProfileNameError, Store, StoreError, clean_profile_name
from quiz.store.database import DB_NAME
from quiz.store.profiles import MAX_NAME, match_profile

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def good_answer(store: Store, profile: str, key: str = "a") -> Answer:
    before = store.state(profile, "geo", key) or new_state(NOW)
    after = review(before, Rating.GOOD, NOW, DEFAULT_SETTINGS)
    return Answer(profile, "geo", key, NOW, "x", True, 1.0, int(Rating.GOOD), None, 2.0, False, before, after)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Anna", "Anna"),
        ("  Anna  ", "Anna"),
        ("Anna \t  María\n", "Anna María"),
        ("Zoe\u0308 🙂", "Zoë 🙂"),  # decomposed accent kept as the one letter a keyboard types
        ("x" * MAX_NAME, "x" * MAX_NAME),
    ],
)
def test_a_name_is_trimmed_and_its_spaces_collapsed(typed: str, kept: str) -> None:
    assert clean_profile_name(typed) == kept


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "at least one letter"),
        ("   ", "at least one letter"),
        ("\t\n", "at least one letter"),
        ("---", "at least one letter"),
        ("An\x07na", "control characters"),
        ("Anna\x1b[31m", "control characters"),
        ("An\u200bna", "control characters"),  # an invisible space would make a look-alike of Anna
        ("x" * (MAX_NAME + 1), f"at most {MAX_NAME} characters"),
    ],
)
def test_unusable_names_are_refused_with_a_reason(typed: str, problem: str) -> None:
    with pytest.raises(ProfileNameError, match=problem):
        clean_profile_name(typed)


def test_names_differing_only_in_case_or_spacing_are_one_learner(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.create_profile("  Anna   María ") == "Anna María"
        for typed in ("anna maría", "ANNA  MARÍA", " Anna María\n"):
            assert store.resolve_profile(typed) == "Anna María"
            with pytest.raises(StoreError, match="already a profile named 'Anna María'"):
                store.create_profile(typed)
        assert store.ensure_profile("anna  maría") == "Anna María"
        store.record(good_answer(store, "anna maría"))
        assert store.profile_id("ANNA MARÍA") == store.profile_id("Anna María")
        assert store.answer_count("Anna María") == 1
        assert store.list_profiles() == ["Anna María"]
        assert store.resolve_profile("Ben ") == "Ben"  # not there yet: the cleaned name, nothing created
        assert store.list_profiles() == ["Anna María"]
        with pytest.raises(ProfileNameError):
            store.profile_id("   ")
        assert store.profile_id("   ", create=False) is None


def test_a_database_with_names_differing_in_case_keeps_working(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    long_name = "L" * 300
    with conn:
        for name in ("Anna", "anna", "ANNA ", "   ", long_name):  # made before names were checked
            conn.execute("INSERT INTO profiles (name, created_us) VALUES (?, 0)", (name,))
    conn.close()
    with Store.open(tmp_path) as store:
        assert store.resolve_profile("anna") == "anna"  # the exact name first
        assert store.resolve_profile("ANNA ") == "ANNA "
        assert store.resolve_profile("aNNa") == "Anna"  # else the oldest that differs only in case
        assert store.resolve_profile(long_name) == long_name  # old names stay reachable as they are
        assert store.resolve_profile("   ") == "   "
        ids = {store.profile_id(name) for name in ("Anna", "anna", "ANNA ", long_name)}
        assert len(ids) == 4
        store.record(good_answer(store, "anna"))
        assert (store.answer_count("Anna"), store.answer_count("anna")) == (0, 1)


def test_matching_prefers_the_exact_name_then_the_oldest() -> None:
    assert match_profile("anna", ["Anna", "anna"]) == "anna"
    assert match_profile("ANNA", ["Anna", "anna"]) == "Anna"
    assert match_profile("Ben", ["Anna"]) is None


def run_quiz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("name", ["", "   ", "a\x07b"])
def test_the_profile_option_refuses_what_the_name_prompt_refuses(tmp_path: Path, name: str) -> None:
    result = run_quiz("--data-dir", str(tmp_path), "--profile", name, "play", "tour-en")
    assert result.returncode == 1
    assert "name" in result.stderr and "Traceback" not in result.stderr
    with Store.open(tmp_path) as store:
        assert store.list_profiles() == []


def test_results_export_finds_a_learner_typed_in_other_capitals(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.create_profile("Anna")
        store.record(good_answer(store, "Anna"))
    result = run_quiz("--data-dir", str(data), "--profile", " anna ", "results", "export", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "(Anna:" in result.stdout
    blank = run_quiz("--data-dir", str(data), "--profile", "  ", "results", "export", "--out", str(tmp_path / "out"))
    assert blank.returncode == 1 and "at least one letter" in blank.stderr and "Traceback" not in blank.stderr
