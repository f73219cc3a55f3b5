"""Results files: what is exported reads back the same, and any edited byte is caught."""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
import tempfile
from pathlib import Path

import pytest
from classroom_factory import PICKS_EXAMPLE, exam, practice, student
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.classroom import results


def sample() -> results.StudentResults:
    return student(
        "Zoë O'Brien/7b",
        (exam(PICKS_EXAMPLE), exam(PICKS_EXAMPLE, version="2", started=exam(PICKS_EXAMPLE).started_at + dt.timedelta(days=1))),
        (practice(40, 12, 9, leeches=("q2",)),),
    )


def test_a_written_file_reads_back_the_same(tmp_path: Path) -> None:
    original = sample()
    path = results.write(original, tmp_path)
    assert re.fullmatch(r"Zo_O_Brien_7b-[0-9a-f]{8}\.quiz-results\.jsonl", path.name)  # safe on any USB stick
    assert path.name == results.file_name(original.profile)  # the same name export after export
    back = results.read(path)
    assert back == type(original)(**{**original.__dict__, "path": path})


def test_line_endings_changed_by_copying_are_not_edits(tmp_path: Path) -> None:
    path = results.write(sample(), tmp_path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert results.read(path).profile == "Zoë O'Brien/7b"


@functools.cache
def exported_once() -> tuple[str, bytes]:
    """A results file as export writes it (written once: writing syncs to disk, which is slow)."""
    with tempfile.TemporaryDirectory() as folder:
        path = results.write(sample(), Path(folder))
        return path.name, path.read_bytes()


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.floats(0, 1, exclude_max=True), byte=st.integers(0, 255))
def test_any_edited_byte_is_named_in_an_error(tmp_path: Path, position: float, byte: int) -> None:
    name, written = exported_once()
    path = tmp_path / name
    data = bytearray(written)
    at = int(position * len(data))
    if data[at] == byte or {data[at], byte} == {ord("\n"), ord("\r")} and at == len(data) - 1:
        return  # not an edit (or only the file's final line ending)
    data[at] = byte
    path.write_bytes(bytes(data))
    with pytest.raises(results.ResultsError) as raised:
        results.read(path)
    assert str(path) in str(raised.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(results.ResultsError, match="cannot be read"):
        results.read(tmp_path / "nobody.quiz-results.jsonl")


def test_find_takes_files_as_given_and_searches_folders(tmp_path: Path) -> None:
    a = results.write(student("a"), tmp_path / "usb" / "7b")
    b = results.write(student("b"), tmp_path / "usb")
    (tmp_path / "usb" / "notes.txt").write_text("not results")
    other = tmp_path / "other.jsonl"
    assert results.find([tmp_path / "usb", other]) == [a, b, other]  # sorted by path; other files ignored
    assert results.find([a, tmp_path / "usb"]) == [a, b]  # named twice, read once


def test_control_characters_are_refused_even_with_a_recomputed_checksum(tmp_path: Path) -> None:
    """The checksum is no signature: a forged file must still not reach the terminal with escape codes."""
    import hashlib
    import json

    path = results.write(sample(), tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["profile"] = "mal\u001b[5mlory\u001b]0;PWNED\u0007"
    lines[0] = results.canonical(header)
    body = "\n".join(lines[:-1])
    trailer = json.loads(lines[-1])
    trailer["sha256"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    path.write_text(body + "\n" + results.canonical(trailer) + "\n", encoding="utf-8")
    with pytest.raises(results.ResultsError, match="control characters") as raised:
        results.read(path)
    assert str(path) in str(raised.value)
    assert "\u001b" not in str(raised.value)


def forged(path: Path, edit: object) -> None:
    """Rewrite the exam record through `edit(record)` and recompute the checksum, as anyone could."""
    import hashlib
    import json

    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    assert record["record"] == "exam"
    edit(record)  # type: ignore[operator]
    lines[1] = results.canonical(record)
    body = "\n".join(lines[:-1])
    trailer = {"record": "checksum", "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()}
    path.write_text(body + "\n" + results.canonical(trailer) + "\n", encoding="utf-8")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=12), where=st.sampled_from(["prompt", "given", "option", "key"]))
def test_a_control_character_anywhere_is_refused_and_anything_else_reads(tmp_path: Path, text: str, where: str) -> None:
    name, written = exported_once()
    path = tmp_path / name
    path.write_bytes(written)

    def edit(record: dict[str, object]) -> None:
        item = record["items"][0]  # type: ignore[index]
        if where == "option":
            item["options"][1] = text
        elif where == "key":
            item["extra " + text] = 1  # an unknown field is ignored, but its name is text too
        else:
            item[where] = text

    forged(path, edit)
    if re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]", text):
        with pytest.raises(results.ResultsError, match="control characters"):
            results.read(path)
    else:
        item = results.read(path).exams[0].items[0]
        shown = {"prompt": item.prompt, "given": item.given, "option": item.options[1]}
        assert where == "key" or shown[where] == text


@pytest.mark.parametrize("escape", [r"\u001B", r"\u001b", r"\u009B", r"\u007f", r"\b", r"\f", r"\r", r"\u0000"])
def test_control_characters_written_as_any_json_escape_are_refused(tmp_path: Path, escape: str) -> None:
    import hashlib

    path = results.write(sample(), tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"prompt":"', '"prompt":"' + escape, 1)
    body = "\n".join(lines[:-1])
    trailer = {"record": "checksum", "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()}
    path.write_text(body + "\n" + results.canonical(trailer) + "\n", encoding="utf-8")
    with pytest.raises(results.ResultsError, match="control characters"):
        results.read(path)


@pytest.mark.parametrize(
    ("field", "value"),
    [("score", True), ("score", "1"), ("answered", 1), ("options", ["a", 2]), ("wrong", "a"), ("prompt", None)],
)
def test_a_question_field_of_the_wrong_type_is_named(tmp_path: Path, field: str, value: object) -> None:
    path = results.write(sample(), tmp_path)
    forged(path, lambda record: record["items"][1].__setitem__(field, value))
    with pytest.raises(results.ResultsError, match=f":2: .*question 2 of the exam has no valid '{field}'"):
        results.read(path)


@pytest.mark.parametrize(
    ("field", "value"),
    [("score", True), ("answered", 1), ("options", ["a", 2]), ("distractors", [None]), ("wrong", "a"), ("kind", " ")],
)
def test_questions_read_before_share_their_texts_and_an_edited_copy_is_still_named(
    tmp_path: Path, field: str, value: object
) -> None:
    handed_in = sample()
    first, again, edited = (results.write(handed_in, tmp_path / folder) for folder in ("first", "again", "edited"))
    forged(edited, lambda record: record["items"][1].__setitem__(field, value))
    sets = results.QuestionSets()
    one, two = results.read(first, sets).exams[0], results.read(again, sets).exams[0]
    assert one == two
    assert all(map(operator.is_, one.items[0], two.items[0][:4]))  # card id, kind, prompt, options: the first file's
    with pytest.raises(results.ResultsError, match=f":2: .*question 2 of the exam has no valid '{field}'"):
        results.read(edited, sets)
