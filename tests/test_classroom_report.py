"""The teacher's report on a small class, every number worked out by hand."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from classroom_factory import QUESTIONS, exam, practice, student
from hypothesis import given
from hypothesis import strategies as st

from quiz.classroom import results
from quiz.classroom.report import build, build_from_paths, flags
from quiz.classroom.report_tables import Column, Table, format_table, format_text, write_csv

# Four students, four choice questions (q1..q4), one wrong answer each where shown.
#          q1        q2      q3      q4    total
#   ann    Paris 1   Y 1     A 1     yes 1   4
#   ben    Paris 1   Y 1     B 0     yes 1   3
#   cat    Paris 1   X 0     B 0     yes 1   2
#   dan    Lyon  0   X 0     A 1     yes 1   2
PICKS = {
    "ann": {"q1": "Paris", "q2": "Y", "q3": "A", "q4": "yes"},
    "ben": {"q1": "Paris", "q2": "Y", "q3": "B", "q4": "yes"},
    "cat": {"q1": "Paris", "q2": "X", "q3": "B", "q4": "yes"},
    "dan": {"q1": "Lyon", "q2": "X", "q3": "A", "q4": "yes"},
}
SECONDS = {"ann": 240.0, "ben": 300.0, "cat": 420.0, "dan": 185.0}


def write_class(directory: Path) -> list[Path]:
    leeches = {"ann": ("q3",), "ben": ("q3", "q2"), "cat": (), "dan": ("q2",)}
    recall = {"ann": (50, 20, 18), "ben": (30, 10, 5), "cat": (0, 0, 0), "dan": (12, 4, 4)}
    paths = []
    for name, picks in PICKS.items():
        prac = (practice(*recall[name], leeches=leeches[name]),) if recall[name][0] else ()
        paths.append(results.write(student(name, (exam(picks, seconds=SECONDS[name]),), prac), directory))
    return paths


def test_report_on_a_small_class_matches_the_hand_worked_numbers(tmp_path: Path) -> None:
    write_class(tmp_path)
    report = build_from_paths([tmp_path])
    assert report.errors == () and report.notes == ()
    assert report.students == 4
    (test,) = report.tests
    assert (test.deck_id, test.deck_version, test.seed) == ("capitals", "1", "class-7b")

    # Per student: marks out of 4, the questions not right.
    by_name = {s.profile: s for s in test.students}
    assert [s.profile for s in test.students] == ["ann", "ben", "cat", "dan"]
    assert (by_name["ann"].score, by_name["ann"].missed) == (4, ())
    assert (by_name["ben"].score, by_name["ben"].missed) == (3, ("q3",))
    assert (by_name["cat"].score, by_name["cat"].missed) == (2, ("q2", "q3"))
    assert (by_name["dan"].score, by_name["dan"].missed, by_name["dan"].seconds) == (2, ("q1", "q2"), 185.0)
    assert by_name["ben"].percent == 75.0

    q1, q2, q3, q4 = test.questions
    # q1: scores 1,1,1,0 -> facility 3/4 = 0.75.
    #     rest of the test = totals 4,3,2,2 minus q1 1,1,1,0 = 3,2,1,2; mean item 0.75, mean rest 2.
    #     deviations item  .25, .25, .25, -.75;  rest 1, 0, -1, 0
    #     sxy = .25 + 0 - .25 + 0 = 0  -> discrimination 0 -> "low discrimination"
    assert q1.facility == 0.75
    assert q1.discrimination == 0.0
    assert q1.flags == ("low discrimination",)
    assert q1.wrong_answers == (("Lyon", 1), ("Nice", 0))
    # q2: scores 1,1,0,0 -> facility 0.5. rest = 4-1, 3-1, 2-0, 2-0 = 3,2,2,2; means .5 and 2.25
    #     item dev .5,.5,-.5,-.5; rest dev .75,-.25,-.25,-.25
    #     sxy = .375 - .125 + .125 + .125 = .5; sxx = 4 * .25 = 1; syy = .5625 + 3 * .0625 = .75
    #     r = .5 / sqrt(1 * .75) = 0.57735
    assert q2.facility == 0.5
    assert math.isclose(q2.discrimination, 0.5 / math.sqrt(0.75))
    assert q2.flags == ()
    assert q2.wrong_answers == (("X", 2), ("Z", 0))
    # q3: scores 1,0,0,1 -> facility 0.5. rest = 3,3,2,1; mean 2.25
    #     item dev .5,-.5,-.5,.5; rest dev .75,.75,-.25,-1.25
    #     sxy = .375 - .375 + .125 - .625 = -.5; sxx = 1; syy = .5625 + .5625 + .0625 + 1.5625 = 2.75
    #     r = -.5 / sqrt(2.75) = -0.30151 -> negative: the weaker students got it right more often
    assert q3.facility == 0.5
    assert math.isclose(q3.discrimination, -0.5 / math.sqrt(2.75))
    assert q3.flags == ("negative discrimination",)
    assert q3.wrong_answers == (("B", 2), ("C", 0))
    # q4: everybody right -> facility 1 ("easy"); the item does not vary, so no discrimination.
    assert (q4.facility, q4.discrimination, q4.flags) == (1.0, None, ("easy",))

    # Practice: retention = recalled / recall reviews: ann 18/20 = 0.9, ben 5/10 = 0.5, dan 4/4 = 1; cat did not practise.
    practice_rows = {p.profile: p for p in report.practice}
    assert set(practice_rows) == {"ann", "ben", "dan"}
    assert practice_rows["ann"].retention == 0.9
    assert practice_rows["ben"].retention == 0.5
    assert (practice_rows["dan"].reviews, practice_rows["dan"].seconds) == (12, 72.0)  # 12 answers x 6 s
    # Leeches: q3 is a leech for ann and ben, q2 for ben and dan -> both shared by 2 students.
    assert [(s.card_id, s.profiles) for s in report.shared_leeches] == [("q2", ("ben", "dan")), ("q3", ("ann", "ben"))]


def test_terminal_text_and_csv_show_the_same_numbers(tmp_path: Path) -> None:
    write_class(tmp_path / "in")
    report = build_from_paths([tmp_path / "in"])
    text = format_text(report)
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("#  Card"))
    q3_line = next(line for line in lines if line.lstrip().startswith("3  q3"))
    # aligned: the facility column starts at the same place in the header and the row
    assert q3_line[header.index("Facility") : header.index("Facility") + 8].strip() == "0.50"
    assert "-0.30" in q3_line and "negative discrimination" in q3_line and "B x2, C x0" in q3_line
    dan = next(line for line in lines if line.startswith("dan "))
    assert dan.split() == ["dan", "1", "2", "4", "50%", "3m", "05s", "-", "-", "1", "Question", "q1?;", "2", "Question", "q2?"]
    assert "Only 4 students: too few for discrimination to mean much" in text  # beside the questions
    footer = text[text.index("What the words mean:"):]
    assert "Facility:" in footer and "Discrimination:" in footer and "negative discrimination" in footer.casefold()

    out = tmp_path / "report.csv"
    write_csv(report, out)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    q_header = rows.index(["#", "Card", "Question", "Facility", "Discrimination", "Flags", "Wrong answers"])
    # the CSV keeps numbers as numbers: -0.5 / sqrt(2.75) = -0.30151 rounded to 4 places
    assert rows[q_header + 3] == ["3", "q3", "Question q3?", "0.5", "-0.3015", "negative discrimination", "B x2, C x0"]
    assert rows[q_header + 4][3:5] == ["1.0", ""]  # q4: no discrimination is an empty cell
    assert ["Student", "Sitting", "Score", "Out of", "%", "Time (s)", "Time up", "Blank", "Missed"] in rows
    assert ["dan", "1", "2.0", "4", "50.0", "185.0", "no", "0", "1 Question q1?; 2 Question q2?"] in rows
    assert ["ann", "Capitals", "50", "3", "300.0", "0.9", "1"] in rows


def test_a_tampered_file_is_named_and_the_rest_of_the_class_is_still_reported(tmp_path: Path) -> None:
    paths = write_class(tmp_path)
    cat = next(p for p in paths if p.name.startswith("cat"))
    data = bytearray(cat.read_bytes())
    at = data.index(b'"given":"X"')  # cat's wrong answer to q2 ...
    data[at + len('"given":"')] = ord("Y")  # ... quietly turned into the right one: a single byte
    cat.write_bytes(bytes(data))

    report = build_from_paths([tmp_path])
    (error,) = report.errors
    assert error.path == str(cat)
    assert "edited" in str(error) and str(cat) in str(error)
    assert [s.profile for s in report.tests[0].students] == ["ann", "ben", "dan"]
    assert str(cat) in format_text(report)


@pytest.mark.parametrize(
    "damage, reason",
    [
        (lambda b: b.replace(b'"record":"exam"', b'"record":"exam', 1), "is damaged or was edited: this line cannot be read"),
        (lambda b: b[: b.rindex(b'{"record":"checksum"')], "checksum line is missing"),
        (lambda b: b"\xff\xfe" + b, "is damaged, or is not a results file (it is not text)"),
        (lambda b: b"", "is empty"),
        (lambda b: b.replace(b'"format":"quiz-results"', b'"format":"other"'), "not a quiz results file"),
    ],
)
def test_damaged_files_get_a_clear_error(tmp_path: Path, damage, reason: str) -> None:
    path = results.write(student("ann", (exam(PICKS["ann"]),)), tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(results.ResultsError) as raised:
        results.read(path)
    assert reason in str(raised.value) and str(path) in str(raised.value)


def test_mixed_deck_versions_are_reported_separately(tmp_path: Path) -> None:
    for name in ("ann", "ben"):
        results.write(student(name, (exam(PICKS[name], version="1"),)), tmp_path)
    results.write(student("cat", (exam(PICKS["cat"], version="2"),)), tmp_path)
    report = build_from_paths([tmp_path])
    assert [(t.deck_version, [s.profile for s in t.students]) for t in report.tests] == [
        ("1", ["ann", "ben"]),
        ("2", ["cat"]),
    ]
    (note,) = report.notes
    assert "version 1 (2 students)" in note and "version 2 (1 student)" in note and "not merged" in note
    assert note in format_text(report)


def test_first_attempt_counts_and_later_exports_replace_earlier_ones() -> None:
    import datetime as dt

    first = exam(PICKS["cat"])
    retake = exam(PICKS["ann"], started=first.started_at + dt.timedelta(hours=1))
    old = student("cat", (first,))
    new = student("cat", (first, retake))
    new = type(new)(new.profile, new.exported_at + dt.timedelta(hours=2), new.exams, new.practice)
    report = build([old, new])
    (test,) = report.tests
    assert test.students[0].score == 2 and [(r.profile, r.sitting, r.score) for r in test.retakes] == [("cat", 2, 4)]
    assert any("two files" in n for n in report.notes)


def test_flag_thresholds() -> None:
    assert flags(0.29, 0.5) == ("hard",)
    assert flags(0.3, 0.1) == ()
    assert flags(0.9, 0.5) == ()
    assert flags(0.91, 0.09) == ("easy", "low discrimination")
    assert flags(0.5, -0.01) == ("negative discrimination",)


def test_same_profile_name_on_different_machines_are_different_students(tmp_path: Path) -> None:
    import dataclasses

    for machine, name in (("pc-01", "ann"), ("pc-02", "cat")):
        # nobody chose a profile name on these PCs: both are "default"
        one = dataclasses.replace(student("default", (exam(PICKS[name]),)), machine=machine)
        results.write(one, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        results.file_name("default", "pc-01"),
        results.file_name("default", "pc-02"),
    ]
    assert [p.name[:14] for p in sorted(tmp_path.iterdir())] == ["default@pc-01-", "default@pc-02-"]
    report = build_from_paths([tmp_path])
    assert report.notes == () and report.students == 2
    assert [(s.profile, s.score) for s in report.tests[0].students] == [("default (pc-01)", 4), ("default (pc-02)", 2)]


@given(
    st.lists(
        st.fixed_dictionaries({q: st.sampled_from(options + (None,)) for q, (options, _) in QUESTIONS.items()}),
        min_size=2,
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_the_order_of_the_files_changes_nothing_in_the_report(picks: list[dict[str, str | None]], rng) -> None:
    in_order = [{q: p[q] for q in QUESTIONS} for p in picks]  # every student sees the questions in one order
    students = [student(f"s{i:02d}", (exam(p),)) for i, p in enumerate(in_order)]
    shuffled = list(students)
    rng.shuffle(shuffled)
    first, second = build(students), build(shuffled)
    assert first == second
    for q in first.tests[0].questions:
        assert 0 <= q.facility <= 1
        assert sum(count for _, count in q.wrong_answers) <= len(picks)


def test_blank_answers_are_counted_apart_from_wrong_options_and_shown_per_student() -> None:
    quit_early = {"q1": "Paris", "q2": "X", "q3": None, "q4": None}  # ben quit after two questions
    report = build([
        student("ann", (exam({"q1": "Lyon", "q2": "Y", "q3": "A", "q4": None}),)),
        student("ben", (exam(quit_early),)),
    ])
    test = report.tests[0]
    q3, q4 = test.questions[2], test.questions[3]
    assert dict(q3.wrong_answers) == {"B": 0, "C": 0, "(no answer)": 1}
    assert dict(q4.wrong_answers) == {"no": 0, "(no answer)": 2}
    assert [(s.profile, s.blank) for s in test.students] == [("ann", 1), ("ben", 2)]
    text = format_text(report)
    assert "(no answer) x2" in text
    ben = next(line for line in text.splitlines() if line.startswith("ben "))
    assert ben.split()[7:9] == ["-", "2"]  # time not up, two blank


def test_one_sitting_in_two_files_counts_once_with_a_note(tmp_path: Path) -> None:
    import dataclasses

    anna = student("anna", (exam(PICKS["ann"]),))
    results.write(dataclasses.replace(anna, machine="pc-07"), tmp_path / "a")
    results.write(dataclasses.replace(anna, machine="vm"), tmp_path / "b")  # the same file, exported as from another PC
    results.write(student("ben", (exam(PICKS["ben"]),)), tmp_path / "b")
    report = build_from_paths([tmp_path])
    assert [s.profile for s in report.tests[0].students] == ["anna (pc-07)", "ben"]
    assert report.tests[0].questions[0].attempts == 2
    [note] = [n for n in report.notes if "same test" in n]
    assert "anna (pc-07)" in note and "anna (vm)" in note and "counted once" in note


def test_practice_is_listed_by_student_then_deck_title() -> None:
    import dataclasses

    geo = dataclasses.replace(practice(10, 2, 1), deck_id="geo")
    report = build([
        student("Carla", prac=(practice(5, 1, 1), geo)),
        student("ben", (exam(PICKS["ben"]),), (practice(4, 0, 0),)),
        student("Anna", prac=(geo,)),
    ])
    assert [(p.profile, p.deck) for p in report.practice] == [
        ("Anna", "geo"), ("ben", "Capitals"), ("Carla", "Capitals"), ("Carla", "geo"),
    ]


def test_cloned_pcs_sharing_a_computer_name_are_different_students(tmp_path: Path) -> None:
    import dataclasses

    for machine_id, name in (("aaaa1111", "ann"), ("bbbb2222", "cat")):
        one = dataclasses.replace(student("default", (exam(PICKS[name]),)), machine="pc", machine_id=machine_id)
        results.write(one, tmp_path)
    report = build_from_paths([tmp_path])
    assert report.students == 2 and report.notes == ()
    assert [s.profile for s in report.tests[0].students] == ["default (pc #aaaa)", "default (pc #bbbb)"]


@given(st.lists(st.text(st.sampled_from("ab \t\n\x1b\u202e;é"), max_size=300), min_size=1, max_size=6))
def test_a_long_cell_made_from_its_start_reads_as_the_whole_text_clipped(texts: list[str]) -> None:
    whole = Column("Missed")
    from_start = Column("Missed", start=lambda text, chars: text[:chars])
    for width in (8, 48):
        expected = format_table(Table("t", (whole,), tuple((t,) for t in texts)), max_width=width)
        assert format_table(Table("t", (from_start,), tuple((t,) for t in texts)), max_width=width) == expected
