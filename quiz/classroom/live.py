"""A class test as it is being taken, read from the shared progress database while pupils answer.

Every pupil's answer is committed as it is given (see `storage.Sitting`), so
the teacher's view only reads: who has a sitting of the test, how far each one
is, and how each question is going so far.
"""

from __future__ import annotations

from quiz.deck.datarecord import datarecord
from quiz.store import Store


@datarecord
class TestId:
    """Which test: the deck and the seed the class was given."""

    deck_id: str
    seed: str


@datarecord
class PupilProgress:
    """One pupil's sitting so far."""

    profile: str
    answered: int
    questions: int
    score: float
    seconds: float
    handed_in: bool


@datarecord
class QuestionProgress:
    """One question across the class so far: how many answered it, and their marks."""

    position: int
    prompt: str
    answered: int
    right: int
    score: float

    @property
    def facility(self) -> float | None:
        """The share of the marks got by those who answered it; None before anyone did."""
        return self.score / self.answered if self.answered else None


@datarecord
class LiveTest:
    test: TestId
    title: str
    pupils: tuple[PupilProgress, ...]
    questions: tuple[QuestionProgress, ...]

    @property
    def handed_in(self) -> int:
        return sum(p.handed_in for p in self.pupils)


def latest_test(store: Store) -> TestId | None:
    """The test most recently started on this data directory (the class's, when a server set it)."""
    rows = store.query("SELECT deck_id, seed FROM exams ORDER BY started_us DESC, id DESC LIMIT 1")
    return TestId(rows[0][0], rows[0][1]) if rows else None


def live_test(store: Store, test: TestId) -> LiveTest:
    """Where the class stands on `test`: the latest sitting of each pupil, and every question's running marks."""
    sittings = store.query(
        "SELECT e.id, p.name, e.deck_title, e.seconds, e.handed_in, "
        "(SELECT count(*) FROM exam_answers a WHERE a.exam_id = e.id), "
        "(SELECT count(*) FROM exam_answers a WHERE a.exam_id = e.id AND a.answered), "
        "(SELECT coalesce(sum(a.score), 0) FROM exam_answers a WHERE a.exam_id = e.id AND a.answered) "
        "FROM exams e JOIN profiles p ON p.id = e.profile_id WHERE e.deck_id = ? AND e.seed = ? "
        "ORDER BY e.started_us, e.id",
        (test.deck_id, test.seed),
    )
    latest: dict[str, tuple[int, PupilProgress]] = {}
    title = test.deck_id
    for row_id, name, deck_title, seconds, handed_in, asked, answered, score in sittings:
        title = deck_title or title
        latest[name] = (row_id, PupilProgress(name, answered, asked, float(score), float(seconds), bool(handed_in)))
    rows = [row_id for row_id, _ in latest.values()]
    questions: list[QuestionProgress] = []
    if rows:
        marks = ",".join("?" * len(rows))
        for position, prompt, answered, right, score in store.query(
            "SELECT position, min(prompt), sum(answered), sum(answered AND correct), "
            f"coalesce(sum(CASE WHEN answered THEN score END), 0) FROM exam_answers WHERE exam_id IN ({marks}) "
            "GROUP BY position ORDER BY position",
            rows,
        ):
            questions.append(QuestionProgress(position + 1, prompt, answered or 0, right or 0, float(score)))
    pupils = sorted((p for _, p in latest.values()), key=lambda p: (p.profile.casefold(), p.profile))
    return LiveTest(test, title, tuple(pupils), tuple(questions))
