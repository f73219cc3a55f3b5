"""The corpus of hostile results files: tampered, re-signed with impossible values, hostile names.

`python tests/results_corpus.py` writes the files kept in `tests/broken_results/`
(each line of `reasons.txt` is `FILE<TAB>what the report must say about it`).
Files that cannot be kept in a repository (a pipe, a 17 MB file, a name with an
escape sequence) are made by `make_unkeepable` where a test needs them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from classroom_factory import exam, practice, student  # noqa: I001 - tests/ is on the path

from quiz.classroom import results

CORPUS = Path(__file__).with_name("broken_results")
EIGHT = {"q1": "Paris", "q2": "Y", "q3": "A", "q4": "yes"}  # the class's test: every good file has it
GOOD = {"ann": EIGHT, "ben": {**EIGHT, "q3": "B"}, "cat": {**EIGHT, "q2": "X"}}


def good_files(folder: Path) -> list[Path]:
    """The three pupils whose files the report must use."""
    return [results.write(student(name, (exam(picks),), (practice(10, 4, 3),)), folder) for name, picks in GOOD.items()]


def _records(name: str = "mallory") -> list[dict[str, Any]]:
    text = results.dumps(student(name, (exam(EIGHT),), (practice(10, 4, 3),)))
    return [json.loads(line) for line in text.splitlines()[:-1]]


def signed(lines: list[str]) -> str:
    """Lines as they stand, with a checksum line over them: what anyone can recompute."""
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return "\n".join([*lines, results.canonical({"record": "checksum", "sha256": digest})]) + "\n"


def resigned(edit: Callable[[list[dict[str, Any]]], None], *, allow_nan: bool = False, raw: tuple[str, str] = ("", "")) -> str:
    """The records edited, written as quiz writes them (or with NaN and Infinity), `raw` text swapped in, re-signed."""
    records = _records()
    edit(records)
    lines = [json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=allow_nan) for r in records]
    return signed([line.replace(*raw) if raw[0] else line for line in lines])


def _item(records: list[dict[str, Any]], **changes: Any) -> None:
    records[1]["items"][0].update(changes)


def _practice(records: list[dict[str, Any]], **changes: Any) -> None:
    records[2].update(changes)


def _eleven(records: list[dict[str, Any]]) -> None:
    first = records[1]["items"][0]
    records[1]["items"] += [{**first, "card_id": f"extra-{i}"} for i in range(7)]


KEPT: dict[str, tuple[str | bytes, str]] = {
    "nested-brackets.quiz-results.jsonl": ("[" * 1000 + "\n", "this line cannot be read"),
    "score-infinity.quiz-results.jsonl": (resigned(lambda r: _item(r, score=float("inf")), allow_nan=True), "this line cannot be read"),
    "score-nan.quiz-results.jsonl": (resigned(lambda r: _item(r, score=float("nan")), allow_nan=True), "this line cannot be read"),
    "score-1e308.quiz-results.jsonl": (resigned(lambda r: _item(r, score=1e308)), "has no valid 'score' (1e+308 is outside 0 to 1)"),
    "score-7.quiz-results.jsonl": (resigned(lambda r: _item(r, score=7.0)), "has no valid 'score' (7 is outside 0 to 1)"),
    "score-for-a-blank.quiz-results.jsonl": (
        resigned(lambda r: _item(r, answered=False, correct=False, score=1.0)), "marks for a question left blank"
    ),
    "right-with-no-marks.quiz-results.jsonl": (
        resigned(lambda r: _item(r, correct=True, score=0.0)), "(0 for an answer marked right)"
    ),
    "negative-time.quiz-results.jsonl": (
        resigned(lambda r: _item(r, seconds=-5.0)), "has no valid 'seconds' (-5 seconds is not a time quiz measures)"
    ),
    "negative-exam-time.quiz-results.jsonl": (
        resigned(lambda r: r[1].update(seconds=-300.0)), "(-300 seconds is not a time quiz measures)"
    ),
    "time-of-a-century.quiz-results.jsonl": (resigned(lambda r: r[1].update(seconds=3.2e9)), "is not a time quiz measures"),
    "empty-name.quiz-results.jsonl": (resigned(lambda r: r[0].update(profile="")), "profile name is empty, blank or too long"),
    "all-space-name.quiz-results.jsonl": (
        resigned(lambda r: r[0].update(profile="   ")), "profile name is empty, blank or too long"
    ),
    "escape-in-name.quiz-results.jsonl": (
        resigned(lambda r: r[0].update(profile="x\x1b]0;PWNED\x07")), "holds control characters"
    ),
    "bidi-in-name.quiz-results.jsonl": (resigned(lambda r: r[0].update(profile="ann\u202eeve")), "holds control characters"),
    "eleven-questions.quiz-results.jsonl": (resigned(_eleven), "of 11 questions where 3 others' has 4"),
    "question-twice.quiz-results.jsonl": (
        resigned(lambda r: r[1]["items"].append(dict(r[1]["items"][0]))), "(a question is asked twice)"
    ),
    "no-questions.quiz-results.jsonl": (resigned(lambda r: r[1].update(items=[])), "(an exam without questions)"),
    "empty-deck-id.quiz-results.jsonl": (resigned(lambda r: r[1].update(deck_id=" ")), "has no valid 'deck_id' (it is empty)"),
    "recalled-more-than-asked.quiz-results.jsonl": (
        resigned(lambda r: _practice(r, recalled=9)), "has no valid 'recalled' (9 is more than its 'recall_reviews', 4)"
    ),
    "negative-reviews.quiz-results.jsonl": (resigned(lambda r: _practice(r, reviews=-1)), "(-1 is negative)"),
    "4301-digits.quiz-results.jsonl": (
        resigned(lambda r: _practice(r, days="DIGITS"), raw=('"DIGITS"', "9" * 4301)), "this line cannot be read"
    ),
    "unknown-record.quiz-results.jsonl": (resigned(lambda r: r.append({"record": "grade", "value": 1})), "unknown type 'grade'"),
    "tampered-name.quiz-results.jsonl": (
        results.dumps(student("mallory", (exam(EIGHT),))).replace("mallory", "ann", 1), "checksum does not match"
    ),
    "cut-short.quiz-results.jsonl": ("\n".join(results.dumps(student("mallory", (exam(EIGHT),))).splitlines()[:-1]) + "\n", "checksum line is missing"),
    "after-checksum.quiz-results.jsonl": (results.dumps(student("mallory", (exam(EIGHT),))) + '{"record":"exam"}\n', "lines after its checksum"),
    "empty-lines.quiz-results.jsonl": ("{}\n" * 1000, "is not a quiz results file (no header line)"),
    "empty.quiz-results.jsonl": ("", "is empty"),
    "not-text.quiz-results.jsonl": (b"\xff\xfe\x00\x01" * 10, "it is not text"),
    "newer-format.quiz-results.jsonl": (
        signed([results.canonical({**_records()[0], "version": 2})]), "has results format version 2"
    ),
}


def write_kept(folder: Path = CORPUS) -> None:
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.quiz-results.jsonl"):
        old.unlink()
    for name, (content, _) in KEPT.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    (folder / "reasons.txt").write_text("".join(f"{name}\t{reason}\n" for name, (_, reason) in KEPT.items()), encoding="utf-8")


def kept_reasons() -> dict[str, str]:
    lines = (CORPUS / "reasons.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines)


def make_unkeepable(folder: Path) -> dict[str, str]:
    """Files a repository cannot hold, made in `folder`: file name -> what the report must say."""
    made: dict[str, str] = {}
    huge = folder / "huge.quiz-results.jsonl"
    with huge.open("wb") as file:
        file.truncate(results.MAX_BYTES + 1)
    made[huge.name] = "the file is too large (16 MB; at most 16 MB)"
    hostile = folder / "x_\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x07.quiz-results.jsonl"
    hostile.write_text("[" * 1000, encoding="utf-8")
    made[hostile.name] = "this line cannot be read"
    if hasattr(os, "mkfifo"):
        fifo = folder / "pipe.quiz-results.jsonl"
        os.mkfifo(fifo)
        made[fifo.name] = "is a pipe (FIFO), not a file that can be read"
    return made


if __name__ == "__main__":
    write_kept()
