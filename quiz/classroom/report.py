"""The teacher's report over a class's results files.

A test is one question set of one deck version: attempts are grouped by deck
id, deck version, seed and questions, so different deck versions (or different
question sets) are reported side by side, never merged. Each student's first
attempt at a test counts (a retake has seen the questions before); later
sittings are listed too, flagged, so that none goes unnoticed.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, compress, repeat
from operator import lt, not_
from pathlib import Path

from quiz.deck.datarecord import datarecord
from quiz.i18n import _, ngettext

from ..shown import shown
from . import results as results_files
from .itemstats import item_statistics, wrong_answer_counts
from .records import ExamColumns, ExamRecord
from .results import ResultsError, StudentResults

LOW_FACILITY = 0.3
HIGH_FACILITY = 0.9
LOW_DISCRIMINATION = 0.1
SMALL_CLASS = 10  # fewer students than this, and a correlation with the rest of the test says little
SHARED_LEECH_MIN = 2  # a leech is "shared" when at least this many students have it
NO_ANSWER = "(no answer)"  # listed with the wrong answers: a blank is not a wrong option picked


@datarecord
class MissedQuestion:
    """A question a student did not get fully right: its number in the test, its text, the marks got (0..1)."""

    number: int
    prompt: str
    score: float


@datarecord
class StudentRow:
    profile: str
    score: float  # marks
    out_of: int
    seconds: float
    timed_out: bool
    missed: tuple[str, ...]  # card ids not fully right
    blank: int = 0  # questions left without an answer (handed in early, or the window closed)
    missed_questions: tuple[MissedQuestion, ...] = ()  # the same questions, by position and text
    sitting: int = 1  # 1: the sitting that counts; 2, 3, ...: retakes, listed but not counted

    @property
    def percent(self) -> float:
        return 100 * self.score / self.out_of if self.out_of else 0.0


@datarecord
class QuestionRow:
    card_id: str
    prompt: str
    attempts: int
    facility: float
    discrimination: float | None
    wrong_answers: tuple[tuple[str, int], ...]
    flags: tuple[str, ...]


@datarecord
class TestReport:
    """One test (deck version, seed, question set) and everybody who sat it."""

    __test__ = False  # a report, not something for pytest to collect
    deck_id: str
    deck_version: str
    deck_title: str
    seed: str
    students: tuple[StudentRow, ...]
    questions: tuple[QuestionRow, ...]
    retakes: tuple[StudentRow, ...] = ()  # later sittings: shown, flagged, not counted

    @property
    def small(self) -> bool:
        """Too few students for the discrimination index to mean much."""
        return len(self.students) < SMALL_CLASS

    def small_class_warning(self) -> str:
        """Said beside the questions of a test sat by too few students; empty otherwise."""
        if not self.small:
            return ""
        return ngettext(
            "Only {count} student: too few for discrimination to mean much (it needs about {least} or more).",
            "Only {count} students: too few for discrimination to mean much (it needs about {least} or more).",
            len(self.students),
        ).format(count=len(self.students), least=SMALL_CLASS)


@datarecord
class PracticeRow:
    profile: str
    deck: str  # the deck's title when a test in the files names it, else its id
    reviews: int
    days: int
    seconds: float
    retention: float | None
    leeches: int


@datarecord
class SharedLeech:
    deck_id: str
    card_id: str
    profiles: tuple[str, ...]


@datarecord
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


_new = object.__new__


def _missed_question(number: int, prompt: str, score: float) -> MissedQuestion:
    """`MissedQuestion(number, prompt, score)` without the frozen class's `__init__` (a class of 300 misses thousands)."""
    question = _new(MissedQuestion)
    question.__dict__.update(number=number, prompt=prompt, score=score)
    return question


class _Paper:
    """The questions of one test as its first sitting has them.

    A question missed with no marks is the same `MissedQuestion` for every student whose paper
    has the same texts, so a row takes the test's own instead of making one per miss.
    """

    __slots__ = ("prompts", "numbers", "missed")

    def __init__(self, first: ExamColumns) -> None:
        self.prompts = first.prompts
        self.numbers = range(1, len(first.card_ids) + 1)
        self.missed = list(map(_missed_question, self.numbers, self.prompts, repeat(0.0)))


def _student_row(profile: str, exam: ExamRecord, paper: _Paper, sitting: int = 1) -> StudentRow:
    """A sitting's row; its columns are read, not its questions one by one."""
    answers = exam.columns
    scores = answers.scores
    missed = list(map(lt, scores, repeat(1.0)))  # below full marks
    marks = list(compress(scores, missed))
    if not any(marks) and answers.prompts == paper.prompts:  # no partial marks, the test's own texts
        missed_questions = tuple(compress(paper.missed, missed))
    else:
        numbers = compress(paper.numbers, missed)
        missed_questions = tuple(map(_missed_question, numbers, compress(answers.prompts, missed), marks))
    return StudentRow(  # positional: every field in order, the quick way in
        profile,
        sum(scores),  # as `exam.score`
        len(scores),
        exam.seconds,
        exam.timed_out,
        tuple(compress(answers.card_ids, missed)),  # missed
        answers.answered.count(False),  # blank
        missed_questions,
        sitting,
    )


def _test_report(
    key: TestKey, attempts: Sequence[tuple[str, ExamRecord]], retakes: Sequence[tuple[str, int, ExamRecord]]
) -> TestReport:
    attempts = sorted(attempts, key=lambda pa: pa[0].casefold())
    first = attempts[0][1]
    paper = _Paper(first.columns)
    sheets = [exam.columns for _, exam in attempts]
    stats = item_statistics([sheet.scores for sheet in sheets])
    questions = []
    # Question by question (the same questions in every sitting: the key says so)
    answered = zip(*(sheet.answered for sheet in sheets), strict=True)
    correct = zip(*(sheet.correct for sheet in sheets), strict=True)
    wrong = zip(*(sheet.wrong for sheet in sheets), strict=True)
    for j, (item, were_answered, were_correct, wrong_given) in enumerate(
        zip(first.items, answered, correct, wrong, strict=True)
    ):
        given = chain.from_iterable(compress(wrong_given, map(not_, were_correct)))
        counts = wrong_answer_counts(given, item.distractors)
        blank = were_answered.count(False)
        if blank:
            counts.append((NO_ANSWER, blank))
        facility, discrimination = stats[j].facility, stats[j].discrimination
        questions.append(  # positional: every field in order, the quick way in
            QuestionRow(item.card_id, item.prompt, len(were_answered), facility, discrimination, tuple(counts),
                        flags(facility, discrimination))  # fmt: skip
        )
    students = tuple(_student_row(profile, exam, paper) for profile, exam in attempts)
    later = tuple(
        _student_row(profile, exam, paper, sitting)
        for profile, sitting, exam in sorted(retakes, key=lambda r: (r[0].casefold(), r[0], r[1]))
    )
    return TestReport(key[0], key[1], first.deck_title, key[2], students, tuple(questions), later)


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
                ngettext("version {version} ({count} student)", "version {version} ({count} students)", n).format(
                    version=v, count=n
                )
                for v, n in sorted(versions.items())
            )
            notes.append(
                _("deck {deck!r} was taken in {taken}: each version is reported separately, not merged").format(
                    deck=deck_id, taken=taken
                )
            )
    for (deck_id, version), count in sorted(sets.items()):
        if count > 1:
            notes.append(
                _(
                    "deck {deck!r} version {version} was taken as {count} different question sets"
                    " (different seeds or question counts): each is reported separately"
                ).format(deck=deck_id, version=version, count=count)
            )
    for test in tests:
        where = _("{deck} version {version}, seed {seed}").format(
            deck=test.deck_id, version=test.deck_version, seed=test.seed
        )
        for row in test.retakes:
            notes.append(
                _("{student} sat {test} again (sitting {sitting}): listed, flagged as a retake; the first sitting counts")
                .format(student=row.profile, test=where, sitting=row.sitting)
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
        notes.append(
            _("profile {profile!r} is in two files; using the later export {kept}, not {dropped}").format(
                profile=student.profile, kept=keep.path, dropped=drop.path
            )
        )
        latest[key] = keep
    machines = Counter(profile for profile, _, _ in latest)
    hosts = Counter((profile, machine) for profile, machine, _ in latest)

    def name(s: StudentResults) -> str:
        if machines[s.profile] == 1:
            return s.profile
        where = s.machine or "unknown machine"
        return f"{s.profile} ({where} #{s.machine_id[:4]})" if hosts[(s.profile, s.machine)] > 1 else f"{s.profile} ({where})"

    return [(name(s), s) for s in latest.values()]


def _odd_papers(named: Sequence[tuple[str, StudentResults]]) -> dict[int, str]:
    """Students (by id) whose paper cannot be the test the others sat, with the reason.

    The same deck version and seed give everyone the same questions; a lone paper with
    another question count beside one that at least two others agree on (11 questions
    where the class had 8) was set apart or edited and re-signed. Its file is named,
    not silently reported.
    """
    counts: dict[tuple[str, str, str], dict[int, list[tuple[str, StudentResults]]]] = defaultdict(lambda: defaultdict(list))
    for name, student in named:
        for exam in student.exams:
            counts[(exam.deck_id, exam.deck_version, exam.seed)][len(exam.items)].append((name, student))
    odd: dict[int, str] = {}
    for (deck_id, version, seed), by_count in counts.items():
        ranked = sorted(by_count.items(), key=lambda kv: -len(kv[1]))
        usual, agree = ranked[0][0], len(ranked[0][1])
        if len(ranked) < 2 or agree < 2 or len(ranked[1][1]) == agree:
            continue
        for count, sitters in ranked[1:]:
            if len(sitters) == 1:
                _, student = sitters[0]
                odd[id(student)] = (
                    f"has a test ({deck_id} version {version}, seed {seed}) of {count} questions where {agree} others' "
                    f"has {usual}: the same deck version and seed give everyone the same questions "
                    "(if it was set that way, report this file on its own)"
                )
    return odd


def build(students: Iterable[StudentResults], errors: Iterable[ResultsError] = ()) -> ClassReport:
    """The report over the students' verified results."""
    notes: list[str] = []
    errors = list(errors)
    named = _named(students, notes)
    odd = _odd_papers(named)
    errors.extend(ResultsError(str(s.path or s.profile), odd[id(s)]) for _, s in named if id(s) in odd)
    named = [(name, s) for name, s in named if id(s) not in odd]
    groups: dict[TestKey, dict[str, ExamRecord]] = defaultdict(dict)
    retakes: dict[TestKey, list[tuple[str, int, ExamRecord]]] = defaultdict(list)
    sittings: Counter[tuple[TestKey, str]] = Counter()
    counted: dict[str, tuple[str, StudentResults, ExamRecord]] = {}  # exam id -> who it was counted for
    conflicting: set[str] = set()
    for name, student in sorted(named, key=lambda ns: (ns[0].casefold(), ns[0])):  # whatever order the files came in
        for exam in sorted(student.exams, key=lambda e: e.started_at):
            if exam.exam_id in counted:  # one sitting in two files (a copy under another name)
                first, where, copy = counted[exam.exam_id]
                if copy != exam:  # neither copy is preferred: which one is genuine is for the teacher to find out
                    conflicting.add(exam.exam_id)
                    notes.append(
                        _(
                            "the same test sitting ({deck}, seed {seed}) is in the files of {first} ({first_file}) "
                            "and {second} ({second_file}) with different answers or times: "
                            "counted for neither; check which file is genuine"
                        ).format(
                            deck=exam.deck_id, seed=exam.seed, first=first, first_file=where.path, second=name,
                            second_file=student.path,
                        )
                    )
                else:
                    notes.append(
                        _(
                            "the same test ({deck}, seed {seed}) is in the files of {first} ({first_file}) "
                            "and {second} ({second_file}): counted once, for {first}"
                        ).format(
                            deck=exam.deck_id, seed=exam.seed, first=first, first_file=where.path, second=name,
                            second_file=student.path,
                        )
                    )
                continue
            counted[exam.exam_id] = (name, student, exam)
    for name, student in sorted(named, key=lambda ns: (ns[0].casefold(), ns[0])):
        for exam in sorted(student.exams, key=lambda e: e.started_at):
            if exam.exam_id in conflicting or counted[exam.exam_id][1] is not student:
                continue
            key = _key(exam)
            sittings[(key, name)] += 1
            if name in groups[key]:
                retakes[key].append((name, sittings[(key, name)], exam))
            else:
                groups[key][name] = exam
    tests = [_test_report(key, list(by_name.items()), retakes[key]) for key, by_name in groups.items()]
    tests.sort(key=lambda t: (t.deck_id, t.deck_version, t.seed))
    notes.extend(_version_notes(tests))
    titles = {exam.deck_id: exam.deck_title for _, student in named for exam in student.exams}
    practice, shared = _practice(named, titles)
    return ClassReport(tuple(tests), tuple(practice), tuple(shared), tuple(shown(n) for n in notes), tuple(errors), len(named))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a class's files are read and reported.

    A class of 300 has 60,000 answered questions, all kept until the report is
    built; the collector would rescan them again and again (a third of the
    time). What is read is trees of records, not cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_from_paths(paths: Iterable[Path]) -> ClassReport:
    """Read every results file under `paths`; a bad file is named in `errors`, the rest still reported."""
    with _collector_paused():
        return _build_from_paths(paths)


def _build_from_paths(paths: Iterable[Path]) -> ClassReport:
    good: list[StudentResults] = []
    skipped: list[tuple[Path, str]] = []
    files = results_files.find(paths, skipped)
    errors = [ResultsError(str(folder), reason) for folder, reason in skipped]
    sets = results_files.QuestionSets()  # a class's files share their questions' texts
    for path in files:
        try:
            good.append(results_files.read(path, sets))
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
    with _collector_paused():
        return _build_from_sources(paths)


def _build_from_sources(paths: Iterable[Path]) -> ClassReport:
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
    sets = results_files.QuestionSets()
    for file in results_files.find(files):
        try:
            students.append(results_files.read(file, sets))
        except ResultsError as e:
            errors.append(e)
    return build(students, errors)
