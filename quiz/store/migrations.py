"""The progress database schema, as an ordered list of migrations.

The schema version is SQLite's `PRAGMA user_version`: the number of
migrations applied. `Store.open` applies the missing ones, in order, in one
`BEGIN IMMEDIATE` transaction, so two processes opening an old file at once
do not both migrate it.

To change the schema, append a `Migration` to `MIGRATIONS`, e.g.::

    Migration(
        "exam results",
        '''
        CREATE TABLE exam_results (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            ...
        );
        CREATE INDEX exam_results_profile ON exam_results (profile_id, time_us);
        ''',
    ),

Never edit or reorder a migration that has been released: a learner's file
already went through it. A database whose version is higher than
`len(MIGRATIONS)` was written by a newer quiz and is refused.

Conventions: instants are integer microseconds since the Unix epoch, UTC
(`*_us` columns, see `quiz.engine.clock.to_micros`); card state is keyed by
(profile, deck id, card key), where the key is the card id, or
`<id>::reverse` for the back->front side of a flashcard.
"""

from __future__ import annotations

import sqlite3

from quiz.deck.datarecord import datarecord


@datarecord
class Migration:
    """One schema step: SQL statements separated by semicolons (triggers are fine)."""

    description: str
    sql: str

    def statements(self) -> list[str]:
        """The script split into complete statements (executescript would commit mid-transaction)."""
        out: list[str] = []
        pending = ""
        for line in self.sql.splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                out.append(pending.strip())
                pending = ""
        if pending.strip():
            raise ValueError(f"migration {self.description!r}: incomplete statement {pending.strip()!r}")
        return out


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "profiles, card state and answers",
        """
        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_us INTEGER NOT NULL
        );
        -- Where each card stands for each learner; state 1 learning, 2 review, 3 relearning.
        CREATE TABLE card_states (
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            deck_id TEXT NOT NULL,
            card_key TEXT NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due_us INTEGER NOT NULL,
            last_review_us INTEGER,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (profile_id, deck_id, card_key)
        ) WITHOUT ROWID;
        CREATE INDEX card_states_due ON card_states (profile_id, deck_id, due_us);
        -- Every answer. prev_state is the card's state before it (0 = new): daily limits count on it.
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            deck_id TEXT NOT NULL,
            card_key TEXT NOT NULL,
            time_us INTEGER NOT NULL,
            given TEXT,
            correct INTEGER NOT NULL,
            score REAL NOT NULL,
            rating INTEGER NOT NULL,
            auto_rating INTEGER,
            duration REAL NOT NULL,
            hint_used INTEGER NOT NULL DEFAULT 0,
            prev_state INTEGER NOT NULL,
            state_before TEXT,
            state_after TEXT NOT NULL
        );
        CREATE INDEX answers_deck_time ON answers (profile_id, deck_id, time_us);
        CREATE INDEX answers_time ON answers (profile_id, time_us);
        """,
    ),
    Migration(
        "exam results",
        """
        -- One sitting of a test; kept apart from practice, it never changes card_states.
        CREATE TABLE exams (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            deck_id TEXT NOT NULL,
            deck_version TEXT NOT NULL,
            deck_title TEXT NOT NULL,
            seed TEXT NOT NULL,
            started_us INTEGER NOT NULL,
            seconds REAL NOT NULL,
            time_limit REAL,
            timed_out INTEGER NOT NULL
        );
        CREATE INDEX exams_profile ON exams (profile_id, started_us);
        -- Each question as shown and answered; options, wrong and distractors are JSON arrays of text.
        CREATE TABLE exam_answers (
            exam_id INTEGER NOT NULL REFERENCES exams(id),
            position INTEGER NOT NULL,
            card_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            prompt TEXT NOT NULL,
            options TEXT NOT NULL,
            expected TEXT NOT NULL,
            given TEXT NOT NULL,
            answered INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            score REAL NOT NULL,
            seconds REAL NOT NULL,
            wrong TEXT NOT NULL,
            distractors TEXT NOT NULL,
            PRIMARY KEY (exam_id, position)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        "study queue: due cards by state, and where each deck's new cards start",
        """
        DROP INDEX card_states_due;
        CREATE INDEX card_states_queue ON card_states (profile_id, deck_id, state, due_us, lapses);
        -- All cards of the deck before `position` have progress, as long as the deck's keys hash to `deck_hash`;
        -- the queue looks for new cards from there instead of reading every card's key.
        CREATE TABLE new_cursors (
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            deck_id TEXT NOT NULL,
            deck_hash TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (profile_id, deck_id)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        "tests stored answer by answer while they are taken",
        """
        -- 0 while the test is taken: each answer is stored as it is given, so a closed window loses nothing.
        ALTER TABLE exams ADD COLUMN handed_in INTEGER NOT NULL DEFAULT 1;
        -- Who is taking it (computer name, process id) and when it last changed: a sitting whose
        -- process is gone is handed in as it stood.
        ALTER TABLE exams ADD COLUMN host TEXT;
        ALTER TABLE exams ADD COLUMN pid INTEGER;
        ALTER TABLE exams ADD COLUMN updated_us INTEGER;
        """,
    ),
    Migration(
        "deck files played by path",
        """
        -- Where a learner's decks that are not bundled were read from (an absolute path),
        -- so the deck list shows them again after `quiz play my-deck.yaml`.
        CREATE TABLE deck_files (
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            deck_id TEXT NOT NULL,
            path TEXT NOT NULL,
            used_us INTEGER NOT NULL,
            PRIMARY KEY (profile_id, deck_id)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        "re-drill answers kept apart from reviews",
        """
        -- 1 for an answer given while re-drilling a session's misses, just after seeing their answers:
        -- practice, kept and timed, that left the card's schedule as it was and is not a review
        -- (not counted in retention nor in the daily limits). Older answers were all reviews.
        ALTER TABLE answers ADD COLUMN drill INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    Migration(
        "each learner's scheduling options and fitted FSRS parameters",
        """
        -- NULL in a column: the default (the deck's retention, a day starting at 4 am, 36,500 days at most,
        -- FSRS-6's default parameters). `parameters` is a JSON array of weights fitted to this learner's reviews;
        -- the fit columns say when it was last tried (also when the defaults were kept), on how many reviews,
        -- up to which answer id, and the log loss and RMSE of the fitted and of the default parameters.
        CREATE TABLE learner_options (
            profile_id INTEGER PRIMARY KEY REFERENCES profiles(id),
            retention REAL,
            rollover INTEGER,
            maximum_interval INTEGER,
            parameters TEXT,
            fitted_us INTEGER,
            fitted_reviews INTEGER,
            fitted_through INTEGER,
            log_loss REAL,
            rmse REAL,
            default_log_loss REAL,
            default_rmse REAL
        );
        """,
    ),
    Migration(
        "an optional PIN per profile",
        """
        -- The profile's PIN as a slow salted hash (see `pins`), NULL when the profile has none.
        ALTER TABLE profiles ADD COLUMN pin TEXT;
        """,
    ),
)


def schema_version() -> int:
    """The version this code writes: one per migration."""
    return len(MIGRATIONS)
