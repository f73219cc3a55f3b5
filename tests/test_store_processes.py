"""Real processes against one data directory: SIGKILL at random moments, two writers at once."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from quiz.store import Store
from quiz.store.database import DB_NAME

WORKER = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from quiz.deck.model import Deck, Settings, TypedAnswer
    from quiz.engine.session import StudySession
    from quiz.store import Store

    data, profile, tag, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    deck = Deck(
        id="big",
        title="Big",
        cards=tuple(TypedAnswer(id=f"c{i}", question=f"q{i}", answer=f"a{i}") for i in range(400)),
        settings=Settings(new_per_day=10_000, reviews_per_day=10_000),
    )
    store = Store.open(data)
    n = 0
    clock = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
    while n < count:
        session = StudySession(store, profile, [deck], clock=lambda: clock, seed=n)
        if session.current is None:
            clock += dt.timedelta(days=1)
            continue
        while session.current is not None and n < count:
            given = f"{tag}-{n}"
            session.submit(given, duration=1.0)
            print(given, flush=True)  # reported only once committed
            n += 1
            clock += dt.timedelta(seconds=1)
    print("done", flush=True)
    """
)


def start(data: Path, profile: str, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(data), profile, tag, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def given_in_db(data: Path) -> list[str]:
    conn = sqlite3.connect(data / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [g for (g,) in conn.execute("SELECT given FROM answers")]
    finally:
        conn.close()


def test_sigkill_loses_no_committed_answer(tmp_path: Path) -> None:
    rng = random.Random(4)
    reported: list[str] = []
    for run in range(10):
        proc = start(tmp_path, "Ana", f"run{run}", 100_000)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # recording has started...
        time.sleep(rng.uniform(0.0, 0.5))  # ...kill it at a random moment
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err
        lines = [line for line in (first + out).splitlines() if line.startswith("run")]
        assert lines, f"run {run} committed nothing before it was killed: {err}"
        reported += lines
        stored = set(given_in_db(tmp_path))
        missing = [g for g in reported if g not in stored]
        assert not missing, f"lost {len(missing)} committed answers, e.g. {missing[:3]}"
    with Store.open(tmp_path) as store:  # and the next start carries on from there
        assert store.answer_count("Ana") == len(stored)


def test_two_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    count = 1500
    procs = [start(tmp_path, profile, profile, count) for profile in ("Ana", "Ben")]  # both create the store
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=False):
        assert proc.returncode == 0, err
        assert out.splitlines()[-1] == "done"
    stored = given_in_db(tmp_path)
    assert sorted(stored) == sorted(f"{who}-{n}" for who in ("Ana", "Ben") for n in range(count))
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert sorted(n for (n,) in conn.execute("SELECT name FROM profiles")) == ["Ana", "Ben"]
    per_profile = dict(
        conn.execute("SELECT p.name, count(*) FROM answers a JOIN profiles p ON p.id = a.profile_id GROUP BY p.name")
    )
    assert per_profile == {"Ana": count, "Ben": count}
    order = [pid for (pid,) in conn.execute("SELECT profile_id FROM answers ORDER BY id")]
    switches = sum(1 for a, b in zip(order, order[1:], strict=False) if a != b)
    assert switches > 10, "the two writers did not overlap"
    conn.close()
    assert not os.path.exists(tmp_path / f"{DB_NAME}-journal")


OPENER = "import sys; from pathlib import Path; from quiz.store import Store\n" \
    "s = Store.open(Path(sys.argv[1])); s.ensure_profile(sys.argv[2]); s.close()"


def test_many_quizzes_opening_a_new_data_dir_at_once_all_succeed(tmp_path: Path) -> None:
    """A classroom starting together: creating the tables races with reading them, and nobody is refused."""
    for trial in range(4):
        data = tmp_path / f"class{trial}"
        procs = [
            subprocess.Popen([sys.executable, "-c", OPENER, str(data), f"pupil{i}"], stderr=subprocess.PIPE, text=True)
            for i in range(6)
        ]
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, errors
        with Store.open(data) as store:
            assert sorted(store.list_profiles()) == [f"pupil{i}" for i in range(6)]
