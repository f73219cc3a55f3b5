"""Results files: what a student carries to the teacher on a USB stick.

One JSON-lines file per profile. The first line is a header (format, profile,
export time, decks), then one line per exam attempt and per practised deck,
and last a checksum line: SHA-256 over the canonical serialisation of every
record before it (JSON with sorted keys, no spaces, UTF-8, records joined by
"\\n"). The lines are written in that canonical form and checked as they
stand, so any edited byte shows (only line endings may change, as copying
between systems does). It reveals edits; it is not a signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from itertools import chain, compress, repeat
from pathlib import Path
from typing import Any, cast

from quiz.deck.datarecord import datarecord
from quiz.readfile import Unreadable, read_limited
from quiz.shown import CONTROL_RE, INVISIBLE_RE, shown
from quiz.walk import search

from .records import ExamColumns, ExamItem, ExamRecord, PracticeRecord, with_columns

FORMAT = "quiz-results"
FORMAT_VERSION = 1
SUFFIX = ".quiz-results.jsonl"


class ResultsError(Exception):
    """A results file that cannot be trusted or read; the message names the file (and line)."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(shown(f"{where}: {message}"))


@datarecord
class StudentResults:
    """Everything one profile hands in."""

    profile: str
    exported_at: dt.datetime  # UTC
    exams: tuple[ExamRecord, ...] = ()
    practice: tuple[PracticeRecord, ...] = ()
    path: Path | None = None
    machine: str = ""  # the computer's name: tells apart same-named profiles (each PC's "default")
    machine_id: str = ""  # random, fixed per quiz data folder: tells apart PCs cloned with one host name


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
"""Made once: `json.dumps` with these options makes an encoder at each call (each file's checksum line)."""


def canonical(record: Mapping[str, Any]) -> str:
    return _CANONICAL.encode(record)


def checksum(records: Iterable[Mapping[str, Any]]) -> str:
    return hashlib.sha256("\n".join(canonical(r) for r in records).encode("utf-8")).hexdigest()


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def _records(results: StudentResults) -> list[dict[str, Any]]:
    decks = sorted({(e.deck_id, e.deck_version) for e in results.exams})
    out: list[dict[str, Any]] = [
        {
            "record": "header",
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "profile": results.profile,
            "machine": results.machine,
            "machine_id": results.machine_id,
            "exported_at": _time(results.exported_at),
            "decks": [{"id": d, "version": v} for d, v in decks],
        }
    ]
    for exam in results.exams:
        data = asdict(exam)
        data["items"] = [item._asdict() for item in exam.items]  # as objects: a named tuple is written as a list
        data["started_at"] = _time(exam.started_at)
        out.append({"record": "exam", **data})
    for practice in results.practice:
        data = asdict(practice)
        data["last"] = _time(practice.last)
        out.append({"record": "practice", **data})
    return out


def dumps(results: StudentResults) -> str:
    """The file's text: one canonical JSON record a line, the checksum last."""
    records = _records(results)
    lines = [canonical(r) for r in records]
    lines.append(canonical({"record": "checksum", "sha256": checksum(records)}))
    return "\n".join(lines) + "\n"


NAME_CHARS = 40  # of the profile's name in a file name; with the rest, far below any file system's limit
MACHINE_CHARS = 24


def _slug(text: str, limit: int) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:limit].strip("._")


def file_name(profile: str, machine: str = "", machine_id: str = "") -> str:
    """`profile@machine-1a2b3c4d`, safe on any file system (USB sticks are often FAT), still recognisable.

    Names are shortened and stripped of unsafe characters, so different
    profiles could look alike ("a/b" and "a@b", "Anna" and "anna" on a stick
    that ignores case); the short hash of the exact profile name and the
    machine keeps each profile's file apart, and stays the same export after
    export.
    """
    name = _slug(profile, NAME_CHARS) or "profile"
    host = _slug(machine, MACHINE_CHARS)
    tag = hashlib.sha256(f"{profile}\n{machine_id or machine}".encode()).hexdigest()[:8]
    return (f"{name}@{host}-{tag}" if host else f"{name}-{tag}") + SUFFIX


def _replaceable(path: Path, results: StudentResults) -> bool:
    """An earlier export of the same profile on the same machine, which this one includes: safe to replace."""
    try:
        old = read(path)
    except ResultsError:
        return False  # unreadable or not ours: never overwritten
    mine = {exam.exam_id for exam in results.exams}
    return (
        (old.profile, old.machine, old.machine_id) == (results.profile, results.machine, results.machine_id)
        and all(exam.exam_id in mine for exam in old.exams)
    )


def write(results: StudentResults, directory: Path) -> Path:
    """Write the profile's file into `directory`; a file there from another profile or PC is never replaced.

    Such a file (same name on a case-blind stick, a cloned PC) keeps its name
    and this one gets a numbered name beside it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    base = file_name(results.profile, results.machine, results.machine_id).removesuffix(SUFFIX)
    number = 1
    while True:
        path = directory / (base + (f"~{number}" if number > 1 else "") + SUFFIX)
        if not path.exists() or _replaceable(path, results):
            break
        number += 1
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dumps(results), encoding="utf-8")
    tmp.replace(path)
    return path


MAX_BYTES = 16 * 1024 * 1024
"""A results file's largest size: thousands of exams. A larger one is refused before it is read."""
MAX_COUNT = 10**9  # answers, days: more than anyone gives
MAX_SECONDS = 10 * 366 * 86400.0  # a time longer than ten years was not measured by quiz
MAX_PROFILE_CHARS = 1000  # names are 40 characters now; older stores kept longer ones
MAX_TEXT = 100_000  # characters of one text (a prompt, an answer): a deck's texts are far shorter


def _edited(path: str, line: int, message: str) -> ResultsError:
    return ResultsError(path, f"is damaged or was edited: {message}", line)


class _Fields:
    """Typed access to one record, failing with the file and line."""

    def __init__(self, data: Any, path: str, line: int, what: str):
        if not isinstance(data, dict):
            raise _edited(path, line, f"{what} cannot be read")
        self.data, self.path, self.line, self.what = data, path, line, what

    def invalid(self, key: str, why: str = "") -> ResultsError:
        return _edited(self.path, self.line, f"{self.what} has no valid {key!r}{why}")

    def get(self, key: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if kind is float:
            kind = (int, float)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, float))):
            raise self.invalid(key)
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise self.invalid(key, f" (longer than {MAX_TEXT:,} characters)")
        return value

    def name(self, key: str) -> str:
        """A text that names something (a deck, a seed, a card): not empty, not only spaces."""
        value = self.get(key, str)
        if not value.strip():
            raise self.invalid(key, " (it is empty)")
        return value

    def count(self, key: str, *, at_most: int | None = None, at_most_name: str = "") -> int:
        """A whole number >= 0 (and <= another count of the record, when given)."""
        value = self.get(key, int)
        if value < 0:
            raise self.invalid(key, f" ({value} is negative)")
        if value > MAX_COUNT:
            raise self.invalid(key, f" (more than {MAX_COUNT:,})")
        if at_most is not None and value > at_most:
            raise self.invalid(key, f" ({value} is more than its {at_most_name!r}, {at_most})")
        return int(value)

    def seconds(self, key: str, *, optional: bool = False) -> float | None:
        """A time in seconds: a number from 0 to ten years."""
        value = self.get(key, float, optional=optional)
        if value is None:
            return None
        if not 0 <= value <= MAX_SECONDS:
            raise self.invalid(key, f" ({value:g} seconds is not a time quiz measures)")
        return float(value)

    def fraction(self, key: str) -> float:
        value = self.get(key, float)
        if not 0 <= value <= 1:
            raise self.invalid(key, f" ({value:g} is outside 0 to 1)")
        return float(value)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key, list)
        if not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in value):
            raise self.invalid(key)
        return tuple(value)

    def time(self, key: str, *, optional: bool = False) -> dt.datetime | None:
        text = self.get(key, str, optional=optional)
        if text is None:
            return None
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            raise self.invalid(key) from None
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


_NUMBER = (int, float)  # exactly: a bool is not a number here
_STR = frozenset((str,))
_ITEM_KEYS = tuple(sorted(ExamItem._fields))
_item_values = operator.itemgetter(*_ITEM_KEYS)
_DICT = frozenset((dict,))
_LIST = frozenset((list,))
_BOOL = frozenset((bool,))
_NUMBERS = frozenset(_NUMBER)
_FLOAT = frozenset((float,))
_ZERO = frozenset((0,))
_ONE = frozenset((1,))


class _QuestionSet:
    """The texts of one question set, checked: what every sitting of it has in common, as its questions hold them."""

    __slots__ = ("card_ids", "kinds", "prompts", "expected", "options", "distractors", "option_lists", "distractor_lists")

    def __init__(self, card_ids: tuple[str, ...], kinds: tuple[str, ...], prompts: tuple[str, ...],
                 expected: tuple[str, ...], option_lists: tuple[list[str], ...], distractor_lists: tuple[list[str], ...]):  # fmt: skip
        self.card_ids, self.kinds, self.prompts, self.expected = card_ids, kinds, prompts, expected
        self.option_lists, self.distractor_lists = option_lists, distractor_lists  # as decoded: compared with the next
        self.options, self.distractors = tuple(map(tuple, option_lists)), tuple(map(tuple, distractor_lists))


class QuestionSets:
    """The question sets of the exams read so far, by their card ids, each one's texts checked once.

    A class's files repeat the same questions. A sitting whose texts (card ids, kinds, prompts, answers, options
    on offer) are a set's already read takes that set's, checked before: its own copies, decoded from its file,
    are let go with the file's lines, and a class is kept in a fraction of the memory (fewer pages for the
    system to hand over, fewer objects to free).
    """

    def __init__(self) -> None:
        self._sets: dict[tuple[str, ...], _QuestionSet] = {}

    def known(self, card_ids: tuple[str, ...], kinds: tuple[Any, ...], prompts: tuple[Any, ...],
              expected: tuple[Any, ...], options: tuple[Any, ...], distractors: tuple[Any, ...]) -> _QuestionSet | None:  # fmt: skip
        """The set read before with exactly these texts (values equal to checked strings and lists of them are
        such strings and lists), or None."""
        known = self._sets.get(card_ids)
        if known is not None and (
            known.prompts == prompts and known.expected == expected and known.kinds == kinds
            and known.option_lists == options and known.distractor_lists == distractors
        ):  # fmt: skip
            return known
        return None

    def add(self, question_set: _QuestionSet) -> _QuestionSet:
        """The set to share from now on: the first read with these card ids."""
        return self._sets.setdefault(question_set.card_ids, question_set)


def _written_items(raw_items: list[Any], sets: QuestionSets) -> tuple[tuple[ExamItem, ...], ExamColumns] | None:
    """An exam's questions as quiz writes them, and their columns, checked field by field across all of them
    at once; None when any is not (a field missing or added, a type not exactly its JSON type, or what
    `_implausible` refuses): each is then read alone, which names what is wrong.

    A class of 300 has 60,000 questions. Here each test is one pass over a field of every question, and
    each question is made in one step from its checked values (lists made tuples); the texts of a question set
    read before (`sets`) are not checked again.
    """
    if not _DICT.issuperset(map(type, raw_items)) or set(map(len, raw_items)) != {len(_ITEM_KEYS)}:
        return None
    keys = tuple(raw_items[0])
    # The decoder makes one key object per name and line: looked up by those, a field is found by identity.
    values = operator.itemgetter(*keys) if keys == _ITEM_KEYS else _item_values
    try:  # every one of the fields, and no more (their count is the same)
        answered, card_id, correct, distractors, expected, given, kind, options, prompt, score, seconds, wrong = zip(
            *map(values, raw_items), strict=True
        )
    except KeyError:
        return None
    if not _texts(card_id):  # (before they are hashed)
        return None
    texts = sets.known(card_id, kind, prompt, expected, options, distractors)
    floats = _FLOAT.issuperset(map(type, chain(score, seconds)))
    unanswered = list(map(operator.not_, answered)) if False in answered else []
    if not (
        (texts is not None or _new_texts(card_id, kind, prompt, expected, options, distractors))
        and _texts(given)
        and _BOOL.issuperset(map(type, chain(answered, correct)))
        and (floats or _NUMBERS.issuperset(map(type, chain(score, seconds))))
        and _LIST.issuperset(map(type, wrong)) and _texts(chain.from_iterable(wrong))
        and min(score) >= 0 and max(score) <= 1 and min(seconds) >= 0 and max(seconds) <= MAX_SECONDS
        and _ONE.issuperset(compress(score, correct))  # a right answer has all the marks
        and _ZERO.issuperset(compress(score, unanswered)) and not any(compress(correct, unanswered))  # a blank none
    ):  # fmt: skip
        return None
    if texts is None:
        texts = sets.add(_QuestionSet(card_id, kind, prompt, expected, options, distractors))
    # Each step a pass over all of them without a Python loop.
    wrong = tuple(map(tuple, wrong))
    if not floats:
        score, seconds = tuple(map(float, score)), tuple(map(float, seconds))
    rows = zip(texts.card_ids, texts.kinds, texts.prompts, texts.options, texts.expected, given, answered, correct,
               score, seconds, wrong, texts.distractors, strict=True)  # fmt: skip
    items = tuple(map(_new_item, repeat(ExamItem, len(raw_items)), rows))
    return items, ExamColumns(texts.card_ids, texts.prompts, score, answered, correct, wrong)


def _new_texts(card_id: tuple[Any, ...], kind: tuple[Any, ...], prompt: tuple[Any, ...], expected: tuple[Any, ...],
               options: tuple[Any, ...], distractors: tuple[Any, ...]) -> bool:  # fmt: skip
    """Whether the texts of a question set not read before are as quiz writes them (the card ids are strings)."""
    return (
        _texts(chain(kind, prompt, expected))
        and _LIST.issuperset(map(type, chain(options, distractors)))
        and _texts(chain.from_iterable(chain(options, distractors)))
        and all(map(str.strip, card_id)) and all(map(str.strip, kind))
    )  # fmt: skip


def _texts(values: Iterable[Any]) -> bool:
    """Whether every value is a string: `str.join` tests each one's type, without a call per value."""
    try:
        "".join(values)
    except TypeError:
        return False
    return True


def _plain_item(raw: Any) -> ExamItem | None:
    """The question as `_exam` reads it when it has exactly the fields written, each of its exact JSON type.

    None sends it to the field by field reading, which names what is wrong.
    """
    if type(raw) is not dict or len(raw) != _ITEM_FIELD_COUNT:
        return None
    get = raw.get
    card_id, kind, prompt, expected, given = get("card_id"), get("kind"), get("prompt"), get("expected"), get("given")
    answered, correct, score, seconds = get("answered"), get("correct"), get("score"), get("seconds")
    options, wrong, distractors = get("options"), get("wrong"), get("distractors")
    if not (
        type(card_id) is str and type(kind) is str and type(prompt) is str and type(expected) is str
        and type(given) is str and type(answered) is bool and type(correct) is bool
        and type(score) in _NUMBER and type(seconds) in _NUMBER
        and type(options) is list and type(wrong) is list and type(distractors) is list
        and _STR.issuperset(map(type, options)) and _STR.issuperset(map(type, wrong))
        and _STR.issuperset(map(type, distractors))
    ):  # fmt: skip
        return None
    score, seconds = float(cast(float, score)), float(cast(float, seconds))  # numbers, as tested above
    return ExamItem(card_id, kind, prompt, tuple(options), expected, given, answered, correct, score, seconds, tuple(wrong), tuple(distractors))


_ITEM_FIELD_COUNT = len(ExamItem._fields)
_new_item = tuple.__new__


def _item(g: _Fields) -> ExamItem:
    """One question of an exam read field by field, naming the first one that is wrong."""
    return ExamItem(
        card_id=g.name("card_id"),
        kind=g.name("kind"),
        prompt=g.get("prompt", str),
        options=g.strings("options"),
        expected=g.get("expected", str),
        given=g.get("given", str),
        answered=g.get("answered", bool),
        correct=g.get("correct", bool),
        score=g.fraction("score"),
        seconds=g.seconds("seconds"),  # type: ignore[arg-type]
        wrong=g.strings("wrong"),
        distractors=g.strings("distractors"),
    )


def _implausible(item: ExamItem) -> tuple[str, str] | None:
    """(field, why) when a question holds what grading never gives; None when it could be real."""
    if not item.card_id.strip():
        return "card_id", " (it is empty)"
    if not item.kind.strip():
        return "kind", " (it is empty)"
    if not 0 <= item.score <= 1:
        return "score", f" ({item.score:g} is outside 0 to 1)"
    if not 0 <= item.seconds <= MAX_SECONDS:
        return "seconds", f" ({item.seconds:g} seconds is not a time quiz measures)"
    if item.correct and item.score != 1:
        return "score", f" ({item.score:g} for an answer marked right)"
    if not item.answered and (item.score != 0 or item.correct):
        return "score", " (marks for a question left blank)"
    return None


def _exam(f: _Fields, sets: QuestionSets) -> ExamRecord:
    raw_items = f.get("items", list)
    if not raw_items:
        raise f.invalid("items", " (an exam without questions)")
    written = _written_items(raw_items, sets)
    items: Sequence[ExamItem]
    if written is None:
        items = []
        for i, raw in enumerate(raw_items, 1):
            item = _plain_item(raw) or _item(_Fields(raw, f.path, f.line, f"question {i} of the exam"))
            wrong = _implausible(item)
            if wrong is not None:
                raise _edited(f.path, f.line, f"question {i} of the exam has no valid {wrong[0]!r}{wrong[1]}")
            items.append(item)
        ids: Sequence[str] = [item.card_id for item in items]
    else:
        items, columns = written
        ids = columns.card_ids
    if len(set(ids)) != len(ids):
        raise f.invalid("items", " (a question is asked twice)")
    limit = f.seconds("time_limit", optional=True)
    if limit is not None and limit <= 0:
        raise f.invalid("time_limit", " (it is not a time)")
    exam = ExamRecord(
        exam_id=f.name("exam_id"),
        deck_id=f.name("deck_id"),
        deck_version=f.name("deck_version"),
        deck_title=f.get("deck_title", str),
        seed=f.name("seed"),
        started_at=f.time("started_at"),  # type: ignore[arg-type]
        seconds=f.seconds("seconds"),  # type: ignore[arg-type]
        time_limit=limit,
        timed_out=f.get("timed_out", bool),
        items=tuple(items),
    )
    return exam if written is None else with_columns(exam, written[1])


def _practice(f: _Fields) -> PracticeRecord:
    reviews = f.count("reviews")
    recall_reviews = f.count("recall_reviews", at_most=reviews, at_most_name="reviews")
    return PracticeRecord(
        deck_id=f.name("deck_id"),
        reviews=reviews,
        right=f.count("right", at_most=reviews, at_most_name="reviews"),
        recall_reviews=recall_reviews,
        recalled=f.count("recalled", at_most=recall_reviews, at_most_name="recall_reviews"),
        days=f.count("days", at_most=reviews, at_most_name="reviews"),
        seconds=f.seconds("seconds"),  # type: ignore[arg-type]
        last=f.time("last", optional=True),
        leeches=f.strings("leeches"),
    )


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number quiz writes")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)


def parse_line(line: str) -> Any:
    """One JSON record; ValueError for NaN, Infinity, 4301 digits and deep nesting.

    `1e999` becomes infinity here and is refused where a number is read: every
    number has a range (`_Fields`), which infinity and NaN are never in.
    """
    try:
        return _DECODER.decode(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _lines(path: Path) -> Iterator[tuple[int, str, Any]]:
    """(line number, text, record) of each non-empty line, checked one by one as they are read."""
    name = str(path)
    try:
        data = read_limited(path, MAX_BYTES)
    except Unreadable as e:
        raise ResultsError(name, "cannot be read (no such file)" if e.missing else f"cannot be read: {e.reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ResultsError(name, "is damaged, or is not a results file (it is not text)") from None
    if "\r" in text:  # read as text files are: "\r\n" and a lone "\r" end lines as "\n" does
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_c1 = b"\x7f" in data or (b"\xc2" in data and _RAW_C1.search(data) is not None)
    for number, line in enumerate(_split_lines(text), 1):
        if not line:
            continue
        try:
            record = parse_line(line)
        except ValueError:
            raise ResultsError(name, "is damaged or was edited: this line cannot be read", number) from None
        # A control character in a decoded string is in the line as itself (json.loads refuses raw C0 characters
        # inside strings, so only DEL and C1 ones) or as an escape; only a line showing one is walked.
        suspect = (
            (raw_c1 and _C1.search(line) is not None)
            or ("\\" in line and _ESCAPE.search(line) is not None)
            or (not line.isascii() and INVISIBLE_RE.search(line) is not None)  # bidi and zero-width, written as themselves
        )
        if suspect and _has_control(record):
            # The checksum can be recomputed by anyone; escape sequences must never reach the teacher's terminal.
            raise ResultsError(name, "was edited: it holds control characters, which quiz never writes", number)
        yield number, line, record


def _split_lines(text: str) -> Iterator[str]:
    """`text.split("\\n")`, each end found by a byte search (`str.find`) rather than a loop over every character:
    a file is a few long lines."""
    start = 0
    while (end := text.find("\n", start)) != -1:
        yield text[start:end]
        start = end + 1
    yield text[start:]


_C1 = re.compile("[\x7f-\x9f]")
_RAW_C1 = re.compile(b"\xc2[\x80-\x9f]")
"""U+0080-U+009F in UTF-8, looked for only in a file that has their lead byte (a byte search)."""
_ESCAPE = re.compile(
    r"\\(?:[bfr]|u00(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|u(?:061[cC]|200[bBeEfF]|202[a-eA-E]|206[0-9]|[fF][eE][fF][fF]))"
)
"""JSON escapes of control characters (`\\u0009` and `\\u000a`, tab and newline, too; an escaped backslash
before `b`, `f` or `r` too: such lines are walked, which finds nothing)."""


def _has_control(value: Any) -> bool:
    """Any string (key or value) in the decoded JSON with a terminal control character."""
    if isinstance(value, str):  # the invisible characters are never ASCII: most texts skip that scan
        return CONTROL_RE.search(value) is not None or (not value.isascii() and INVISIBLE_RE.search(value) is not None)
    if isinstance(value, dict):
        return any(_has_control(k) or _has_control(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_control(v) for v in value)
    return False


def _header(name: str, number: int, header: Any) -> _Fields:
    h = _Fields(header, name, number, "the header")
    if header.get("record") != "header" or header.get("format") != FORMAT:
        raise ResultsError(name, "is not a quiz results file (no header line)", number)
    if header.get("version") != FORMAT_VERSION:
        raise ResultsError(
            name, f"has results format version {header.get('version')!r}; this quiz reads version {FORMAT_VERSION}"
        )
    profile = h.get("profile", str)
    if not any(ch.isalnum() for ch in profile) or len(profile) > MAX_PROFILE_CHARS:
        raise ResultsError(name, "was edited: its profile name is empty, blank or too long, which quiz never writes", number)
    return h


def read(path: Path, sets: QuestionSets | None = None) -> StudentResults:
    """Read and verify one results file; raises ResultsError naming the file.

    Each line is checked as it is read: a file that is not ours fails at its first line. Files read with the
    same `sets` share the texts of the question sets they have in common.
    """
    name = str(path)
    if sets is None:
        sets = QuestionSets()
    lines: list[tuple[int, str, Any]] = []
    h: _Fields | None = None
    trailer: tuple[int, str, Any] | None = None
    for number, text, record in _lines(path):
        if h is None:
            h = _header(name, number, record)
            lines.append((number, text, record))
            continue
        if trailer is not None:
            raise ResultsError(name, "was edited: there are lines after its checksum line", number)
        kind = _Fields(record, name, number, "the record").data.get("record")
        if kind == "checksum":
            trailer = (number, text, record)
        elif kind in ("exam", "practice"):
            lines.append((number, text, record))
        else:
            raise ResultsError(name, f"has a record of unknown type {shown(str(kind))[:40]!r}", number)
    if h is None:
        raise ResultsError(name, "is empty")
    if trailer is None:
        raise ResultsError(name, "is incomplete: the checksum line is missing (was it cut short or edited?)")
    _, trailer_text, trailer_data = trailer
    signed = "\n".join(text for _, text, _ in lines).encode("utf-8")
    if trailer_data.get("sha256") != hashlib.sha256(signed).hexdigest() or trailer_text != canonical(trailer_data):
        raise ResultsError(name, "was edited after export: its checksum does not match its contents")
    exams: list[ExamRecord] = []
    practice: list[PracticeRecord] = []
    for number, _, data in lines[1:]:
        if data["record"] == "exam":
            exams.append(_exam(_Fields(data, name, number, "the exam record"), sets))
        else:
            practice.append(_practice(_Fields(data, name, number, "the practice record")))
    return StudentResults(
        profile=h.get("profile", str),
        machine=h.get("machine", str, optional=True) or "",
        machine_id=h.get("machine_id", str, optional=True) or "",
        exported_at=h.time("exported_at"),  # type: ignore[arg-type]
        exams=tuple(exams),
        practice=tuple(practice),
        path=path,
    )


def find(paths: Iterable[Path], skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Results files named on the command line: files as given, directories searched for `*.quiz-results.jsonl`.

    Folders that could not be searched (unreadable, a link loop) are added to `skipped` with the reason.
    """
    out: dict[Path, Path] = {}  # by resolved path: a file named twice (alone and in its folder) is read once
    folders: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            found, missed = search(path, lambda name: name.endswith(SUFFIX))
            if skipped is not None:
                skipped.extend(missed)
        else:
            found = [path]
        for p in found:
            out.setdefault(_resolved(p, folders), p)
    return list(out.values())


def _resolved(path: Path, folders: dict[Path, Path]) -> Path:
    """`path.resolve()`, with the folders resolved before (in `folders`): a file that is not a link is an entry
    of its resolved folder, and a class's folder, resolved once, holds hundreds."""
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        link = True  # missing or out of reach: resolved as it is given
    if link:
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name
