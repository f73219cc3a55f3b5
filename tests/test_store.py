import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from quiz.deck.model import DEFAULT_SETTINGS, Deck, Flashcard, TypedAnswer
from quiz.engine.rating import Rating
from quiz.engine.scheduler import new_state, review
from quiz.store import Answer, DeckCounts, Store, StoreError, data_dir
from quiz.store.database import DB_NAME
from quiz.store.migrations import MIGRATIONS, Migration, schema_version

UTC = dt.UTC
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def answer(profile: str, deck_id: str, key: str, rating: Rating, when: dt.datetime, store: Store) -> Answer:
    before = store.state(profile, deck_id, key) or new_state(when)
    after = review(before, rating, when, DEFAULT_SETTINGS)
    return Answer(profile, deck_id, key, when, "x", rating > Rating.AGAIN, 1.0, int(rating), None, 2.0, False, before, after)


def deck(*ids: str) -> Deck:
    return Deck(id="geo", title="Geo", cards=tuple(TypedAnswer(id=i, question=i, answer=i) for i in ids))


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "env"))
    assert data_dir("/x/cli") == Path("/x/cli")
    assert data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("QUIZ_HOME")
    assert data_dir(None).name == "quiz"


def test_new_store_is_wal_at_current_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data"):
        pass
    conn = sqlite3.connect(tmp_path / "data" / DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version() == len(MIGRATIONS)


def test_several_profiles_keep_separate_progress(tmp_path: Path) -> None:
    d = deck("a", "b", "c")
    with Store.open(tmp_path) as store:
        store.create_profile("Ana")
        store.create_profile("Ben")
        with pytest.raises(StoreError, match="already"):
            store.create_profile("Ana")
        with pytest.raises(StoreError):
            store.create_profile("  ")
        store.record(answer("Ana", "geo", "a", Rating.GOOD, NOW, store))
        store.record(answer("Ana", "geo", "b", Rating.EASY, NOW, store))
        store.record(answer("Ben", "geo", "a", Rating.EASY, NOW, store))
    with Store.open(tmp_path) as store:
        assert store.list_profiles() == ["Ana", "Ben"]
        ana, ben = store.deck_counts("Ana", d, now=NOW), store.deck_counts("Ben", d, now=NOW)
        assert (ana.new, ana.learning, ana.review) == (1, 1, 1)
        assert (ben.new, ben.learning, ben.review) == (2, 0, 1)
        assert store.answer_count("Ana") == 2 and store.answer_count("Ben") == 1
        assert store.state("Ben", "geo", "b") is None


def test_answer_is_stored_with_states_before_and_after(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        first = answer("Ana", "geo", "a", Rating.GOOD, NOW, store)
        store.record(first)
        second = answer("Ana", "geo", "a", Rating.GOOD, NOW + dt.timedelta(minutes=10), store)
        answer_id = store.record(second)
        assert store.state("Ana", "geo", "a") == second.after
        rows = store.query(
            "SELECT card_key, time_us, given, correct, rating, duration, prev_state, state_before, state_after "
            "FROM answers WHERE id = ?",
            (answer_id,),
        )
    key, time_us, given, correct, rating, duration, prev, before, after = rows[0]
    assert (key, given, correct, rating, duration) == ("a", "x", 1, 3, 2.0)
    assert prev == first.after.state
    assert before == first.after.to_json() and after == second.after.to_json()


def test_undo_and_amend(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        first = answer("Ana", "geo", "a", Rating.GOOD, NOW, store)
        first_id = store.record(first)
        second = answer("Ana", "geo", "a", Rating.AGAIN, NOW + dt.timedelta(minutes=10), store)
        second_id = store.record(second)
        store.undo(second_id, second)
        assert store.state("Ana", "geo", "a") == first.after
        assert store.answer_count("Ana") == 1
        easy_after = review(first.before, Rating.EASY, NOW, DEFAULT_SETTINGS)
        amended = Answer(**{**first.__dict__, "rating": 4, "after": easy_after})
        store.amend(first_id, amended)
        assert store.state("Ana", "geo", "a") == easy_after
        assert store.query("SELECT rating FROM answers WHERE id = ?", (first_id,)) == [(4,)]
        store.undo(first_id, amended)
        assert store.state("Ana", "geo", "a") is None
        assert store.answer_count("Ana") == 0


def test_removed_cards_keep_history_but_are_not_counted(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        kept = answer("Ana", "geo", "a", Rating.EASY, NOW, store)
        store.record(kept)
        store.record(answer("Ana", "geo", "b", Rating.EASY, NOW, store))
        store.record(answer("Ana", "geo", "gone", Rating.AGAIN, NOW - dt.timedelta(days=1), store))
        smaller = deck("a", "c")
        counts = store.deck_counts("Ana", smaller, now=NOW)
        assert counts == DeckCounts(new=1, learning=0, review=1, leech=0, due_now=0, next_due=kept.after.due)
        assert store.deck_counts("Ana", deck("a", "b", "gone"), now=NOW).due_now == 1
        assert store.state("Ana", "geo", "gone") is not None
        assert store.answer_count("Ana", "geo") == 3


def test_reverse_side_has_its_own_key(tmp_path: Path) -> None:
    d = Deck(id="geo", title="Geo", cards=(Flashcard(id="f", front="F", back="B", reverse=True),))
    with Store.open(tmp_path) as store:
        store.record(answer("Ana", "geo", "f::reverse", Rating.EASY, NOW, store))
        counts = store.deck_counts("Ana", d, now=NOW)
        assert (counts.new, counts.review) == (1, 1)


def test_leech_count_and_due(tmp_path: Path) -> None:
    d = deck("a", "b")
    with Store.open(tmp_path) as store:
        store.record(answer("Ana", "geo", "a", Rating.EASY, NOW, store))
        when = NOW
        for _ in range(8):
            state = store.state("Ana", "geo", "a")
            assert state is not None
            when = state.due
            store.record(answer("Ana", "geo", "a", Rating.AGAIN, when, store))
            store.record(answer("Ana", "geo", "a", Rating.GOOD, when + dt.timedelta(minutes=10), store))
        counts = store.deck_counts("Ana", d, now=when)
        assert counts.leech == 1 and counts.due_now == 0
        state = store.state("Ana", "geo", "a")
        assert state is not None and counts.next_due == state.due
        assert store.deck_counts("Ana", d, now=state.due).due_now == 1


# -- damaged and foreign files ------------------------------------------------------


def make_store(path: Path) -> bytes:
    with Store.open(path) as store:
        store.record(answer("Ana", "geo", "a", Rating.GOOD, NOW, store))
    return (path / DB_NAME).read_bytes()


def test_garbage_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    db.write_bytes(b"this is not sqlite at all\n" * 100)
    before = db.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert str(db) in str(info.value) and "not a quiz progress database" in str(info.value)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_damaged_pages_give_store_error_and_file_untouched(tmp_path: Path) -> None:
    original = make_store(tmp_path)
    db = tmp_path / DB_NAME
    damaged = bytearray(original)
    page = 4096
    damaged[page : len(damaged)] = b"\xff" * (len(damaged) - page)  # every page after the first
    db.write_bytes(bytes(damaged))
    with pytest.raises(StoreError) as info, Store.open(tmp_path) as store:
        store.deck_counts("Ana", deck("a"), now=NOW)
        store.record(answer("Ana", "geo", "a", Rating.GOOD, NOW, store))
    assert str(db) in str(info.value)
    assert db.read_bytes() == bytes(damaged)


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    original = make_store(tmp_path)
    db = tmp_path / DB_NAME
    db.write_bytes(original[:50])
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert str(db) in str(info.value)
    assert db.read_bytes() == original[:50]


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    make_store(tmp_path)
    db = tmp_path / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    message = str(info.value)
    assert str(db) in message and "newer version" in message
    assert db.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a quiz progress database"):
        Store.open(tmp_path)
    assert db.read_bytes() == before


def test_appended_migration_is_applied_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_store(tmp_path)
    extra = Migration(
        "exam results",
        """
        CREATE TABLE exam_results (id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL, score REAL);
        CREATE TRIGGER exam_results_check BEFORE INSERT ON exam_results
        BEGIN
            SELECT RAISE(ABORT, 'score out of range') WHERE NEW.score > 1;
        END;
        """,
    )
    assert len(extra.statements()) == 2
    monkeypatch.setattr("quiz.store.migrations.MIGRATIONS", (*MIGRATIONS, extra))
    monkeypatch.setattr("quiz.store.connection.MIGRATIONS", (*MIGRATIONS, extra))
    for _ in range(2):
        with Store.open(tmp_path) as store:
            assert store.query("PRAGMA user_version") == [(len(MIGRATIONS) + 1,)]
            assert store.answer_count("Ana") == 1
            assert store.query("SELECT count(*) FROM exam_results") == [(0,)]


def test_migration_with_incomplete_statement_is_rejected() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        Migration("broken", "CREATE TABLE t (id INTEGER").statements()


def test_threads_sharing_a_store_lose_nothing(tmp_path: Path) -> None:
    import threading

    with Store.open(tmp_path) as store:
        store.profile_id("Ana")

        def work(tag: str) -> None:
            for n in range(50):
                store.record(answer("Ana", "geo", f"{tag}{n}", Rating.GOOD, NOW, store))

        threads = [threading.Thread(target=work, args=(tag,)) for tag in "abc"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert store.answer_count("Ana") == 150
        assert len(store.query("SELECT card_key FROM card_states")) == 150


def test_a_writer_holding_the_lock_too_long_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.store.connection.BUSY_TIMEOUT_S", 0.2)
    with Store.open(tmp_path) as store:
        store.profile_id("Ana")
        other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="busy"):
                store.record(answer("Ana", "geo", "a", Rating.GOOD, NOW, store))
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.record(answer("Ana", "geo", "a", Rating.GOOD, NOW, store))
        assert store.answer_count("Ana") == 1


def test_data_dir_that_is_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("notes")
    with pytest.raises(StoreError, match=str(not_a_dir)):
        Store.open(not_a_dir)
    assert not_a_dir.read_text() == "notes"
