"""The teacher's report over a class's results files.

A test is one question set of one deck version: attempts are grouped by deck
id, deck version, seed and questions, so different deck versions (or different
question sets) are reported side by side, never merged. Each student's first
attempt at a test counts (a retake has seen the questions before).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import results as results_files
from .itemstats import item_statistics, wrong_answer_counts
from .records import ExamRecord
from .results import ResultsError, StudentResults

LOW_FACILITY = 0.3
HIGH_FACILITY = 0.9
LOW_DISCRIMINATION = 0.1
SHARED_LEECH_MIN = 2  # a leech is "shared" when at least this many students have it
NO_ANSWER = "(no answer)"  # listed with the wrong answers: a blank is not a wrong option picked


@dataclass(frozen=True)
class StudentRow:
    profile: str
    score: float  # marks
    out_of: int
    seconds: float
    timed_out: bool
    missed: tuple[str, ...]  # card ids not fully right
    blank: int = 0  # questions left without an answer (handed in early, or the window closed)

    @property
    def percent(self) -> float:
        return 100 * self.score / self.out_of if self.out_of else 0.0


@dataclass(frozen=True)
class QuestionRow:
    card_id: str
    prompt: str
    attempts: int
    facility: float
    discrimination: float | None
    wrong_answers: tuple[tuple[str, int], ...]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class TestReport:
    """One test (deck version, seed, question set) and everybody who sat it."""

    __test__ = False  # a report, not something for pytest to collect
    deck_id: str
    deck_version: str
    deck_title: str
    seed: str
    students: tuple[StudentRow, ...]
    questions: tuple[QuestionRow, ...]
    retakes: int  # later attempts that were not counted


@dataclass(frozen=True)
class PracticeRow:
    profile: str
    deck: str  # the deck's title when a test in the files names it, else its id
    reviews: int
    days: int
    seconds: float
    retention: float | None
    leeches: int


@dataclass(frozen=True)
class SharedLeech:
    deck_id: str
    card_id: str
    profiles: tuple[str, ...]


@dataclass(frozen=True)
class ClassReport:
    tests: tuple[TestReport, ...]
    practice: tuple[PracticeRow, ...]
    shared_leeches: tuple[SharedLeech, ...]
    notes: tuple[str, ...]  # mixed deck versions, duplicate profiles, ...
    errors: tuple[ResultsError, ...]  # files that could not be used, each named
    students: int  # profiles reported


def flags(facility: float, discrimination: float | None) -> tuple[str, ...]:
    """Why a question looks broken: too hard, too easy, or not telling good students from weak ones."""
    out = []
    if facility < LOW_FACILITY:
        out.append("hard")
    if facility > HIGH_FACILITY:
        out.append("easy")
    if discrimination is not None:
        if discrimination < 0:
            out.append("negative discrimination")
        elif discrimination < LOW_DISCRIMINATION:
            out.append("low discrimination")
    return tuple(out)


TestKey = tuple[str, str, str, tuple[str, ...]]


def _key(exam: ExamRecord) -> TestKey:
    return (exam.deck_id, exam.deck_version, exam.seed, exam.question_ids)


def _test_report(key: TestKey, attempts: Sequence[tuple[str, ExamRecord]], retakes: int) -> TestReport:
    attempts = sorted(attempts, key=lambda pa: pa[0].casefold())
    first = attempts[0][1]
    matrix = [[item.score for item in exam.items] for _, exam in attempts]
    stats = item_statistics(matrix)
    questions = []
    for j, item in enumerate(first.items):
        column = [exam.items[j] for _, exam in attempts]
        wrong = (text for answered in column if not answered.correct for text in answered.wrong)
        counts = wrong_answer_counts(wrong, item.distractors)
        blank = sum(not answered.answered for answered in column)
        if blank:
            counts.append((NO_ANSWER, blank))
        questions.append(
            QuestionRow(
                card_id=item.card_id,
                prompt=item.prompt,
                attempts=len(column),
                facility=stats[j].facility,
                discrimination=stats[j].discrimination,
                wrong_answers=tuple(counts),
                flags=flags(stats[j].facility, stats[j].discrimination),
            )
        )
    students = tuple(
        StudentRow(
            profile=profile,
            score=exam.score,
            out_of=len(exam.items),
            seconds=exam.seconds,
            timed_out=exam.timed_out,
            missed=tuple(item.card_id for item in exam.items if item.score < 1),
            blank=sum(not item.answered for item in exam.items),
        )
        for profile, exam in attempts
    )
    return TestReport(key[0], key[1], first.deck_title, key[2], students, tuple(questions), retakes)


def _version_notes(tests: Sequence[TestReport]) -> list[str]:
    by_deck: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sets: dict[tuple[str, str], int] = defaultdict(int)
    for test in tests:
        by_deck[test.deck_id][test.deck_version] += len(test.students)
        sets[(test.deck_id, test.deck_version)] += 1
    notes = []
    for deck_id, versions in sorted(by_deck.items()):
        if len(versions) > 1:
            taken = ", ".join(
                f"version {v} ({n} student{'s' if n != 1 else ''})" for v, n in sorted(versions.items())
            )
            notes.append(f"deck {deck_id!r} was taken in {taken}: each version is reported separately, not merged")
    for (deck_id, version), count in sorted(sets.items()):
        if count > 1:
            notes.append(
                f"deck {deck_id!r} version {version} was taken as {count} different question sets"
                " (different seeds or question counts): each is reported separately"
            )
    return notes


def _practice(
    students: Sequence[tuple[str, StudentResults]], titles: dict[str, str]
) -> tuple[list[PracticeRow], list[SharedLeech]]:
    """Practice per student (by name) and deck (by title where a test named it, else by id)."""
    rows = []
    leeches: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, student in students:
        for p in student.practice:
            deck = titles.get(p.deck_id, p.deck_id)
            rows.append(PracticeRow(name, deck, p.reviews, p.days, p.seconds, p.retention, len(p.leeches)))
            for card_id in p.leeches:
                leeches[(p.deck_id, card_id)].add(name)
    shared = [
        SharedLeech(deck_id, card_id, tuple(sorted(names, key=str.casefold)))
        for (deck_id, card_id), names in leeches.items()
        if len(names) >= SHARED_LEECH_MIN
    ]
    shared.sort(key=lambda s: (-len(s.profiles), s.deck_id, s.card_id))
    rows.sort(key=lambda r: (r.profile.casefold(), r.profile, r.deck.casefold()))
    return rows, shared


def _named(students: Iterable[StudentResults], notes: list[str]) -> list[tuple[str, StudentResults]]:
    """One entry per student, named for the report.

    A student is a profile on a machine: exported twice, the later export
    counts. A profile name found on several machines (every PC's "default")
    is told apart by the machine's name, and by its id where PCs cloned from
    one image share a name.
    """
    latest: dict[tuple[str, str, str], StudentResults] = {}
    for student in students:
        key = (student.profile, student.machine, student.machine_id)
        seen = latest.get(key)
        if seen is None:
            latest[key] = student
            continue
        keep, drop = (student, seen) if student.exported_at > seen.exported_at else (seen, student)
        notes.append(f"profile {student.profile!r} is in two files; using the later export {keep.path}, not {drop.path}")
        latest[key] = keep
    machines = Counter(profile for profile, _, _ in latest)
    hosts = Counter((profile, machine) for profile, machine, _ in latest)

    def name(s: StudentResults) -> str:
        if machines[s.profile] == 1:
            return s.profile
        where = s.machine or "unknown machine"
        return f"{s.profile} ({where} #{s.machine_id[:4]})" if hosts[(s.profile, s.machine)] > 1 else f"{s.profile} ({where})"

    return [(name(s), s) for s in latest.values()]


def build(students: Iterable[StudentResults], errors: Iterable[ResultsError] = ()) -> ClassReport:
    """The report over the students' verified results."""
    notes: list[str] = []
    named = _named(students, notes)
    groups: dict[TestKey, dict[str, ExamRecord]] = defaultdict(dict)
    retakes: dict[TestKey, int] = defaultdict(int)
    counted: dict[str, tuple[str, StudentResults]] = {}  # exam id -> who it was counted for
    for name, student in sorted(named, key=lambda ns: (ns[0].casefold(), ns[0])):  # whatever order the files came in
        for exam in sorted(student.exams, key=lambda e: e.started_at):
            if exam.exam_id in counted:  # one sitting in two files (a copy under another name): counted once
                first, where = counted[exam.exam_id]
                notes.append(
                    f"the same test ({exam.deck_id}, seed {exam.seed}) is in the files of {first} ({where.path}) "
                    f"and {name} ({student.path}): counted once, for {first}"
                )
                continue
            counted[exam.exam_id] = (name, student)
            key = _key(exam)
            if name in groups[key]:
                retakes[key] += 1
            else:
                groups[key][name] = exam
    tests = [_test_report(key, list(by_name.items()), retakes[key]) for key, by_name in groups.items()]
    tests.sort(key=lambda t: (t.deck_id, t.deck_version, t.seed))
    notes.extend(_version_notes(tests))
    titles = {exam.deck_id: exam.deck_title for _, student in named for exam in student.exams}
    practice, shared = _practice(named, titles)
    return ClassReport(tuple(tests), tuple(practice), tuple(shared), tuple(notes), tuple(errors), len(named))


def build_from_paths(paths: Iterable[Path]) -> ClassReport:
    """Read every results file under `paths`; a bad file is named in `errors`, the rest still reported."""
    good: list[StudentResults] = []
    errors: list[ResultsError] = []
    files = results_files.find(paths)
    for path in files:
        try:
            good.append(results_files.read(path))
        except ResultsError as e:
            errors.append(e)
    return build(good, errors)



def progress_folder(path: Path) -> bool:
    """A quiz data directory (a whole class's progress when served from one machine), not a folder of files."""
    from quiz.store.database import DB_NAME

    return path.is_dir() and (path / DB_NAME).is_file()


def build_from_sources(paths: Iterable[Path]) -> ClassReport:
    """The report over results files and folders, and over data directories read directly (every profile in them).

    A data directory that cannot be opened is named in `errors`, like a bad file.
    """
    from quiz.store import Store, StoreError

    from .storage import student_results  # a sitting whose process is gone is handed in as it stood

    students: list[StudentResults] = []
    errors: list[ResultsError] = []
    files: list[Path] = []
    for path in paths:
        if not progress_folder(path):
            files.append(path)
            continue
        try:
            with Store.open(path) as store:
                students.extend(student_results(store, profile) for profile in store.list_profiles())
        except (StoreError, OSError) as error:
            errors.append(ResultsError(str(path), f"cannot read the progress here: {error}"))
    for file in results_files.find(files):
        try:
            students.append(results_files.read(file))
        except ResultsError as e:
            errors.append(e)
    return build(students, errors)
