"""`quiz results export` onto a stick: one file per profile and PC, none overwriting another's."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from classroom_factory import PICKS_EXAMPLE, exam

from quiz.classroom import results, storage
from quiz.cli import main
from quiz.store import Store

NAMES = ["a/b", "a@b", "Anna", "anna", "ANNA", "x" * 300, "Zoë 🙂"]


def sit(data: Path, names: list[str], seed: str = "s") -> None:
    """A test for each profile; the profiles are written as an older quiz let them be named."""
    with Store.open(data) as store:
        for name in names:
            store.query("INSERT OR IGNORE INTO profiles (name, created_us) VALUES (?, 0)", (name,))
            storage.save_exam(store, name, exam(PICKS_EXAMPLE, seed=f"{seed}-{name}"))


def export(data: Path, out: Path) -> int:
    return main(["--data-dir", str(data), "results", "export", "--out", str(out)])


def on_stick(out: Path) -> dict[str, results.StudentResults]:
    return {r.profile: r for r in map(results.read, results.find([out]))}


def test_look_alike_names_get_files_of_their_own_even_on_a_case_blind_stick(tmp_path: Path) -> None:
    sit(tmp_path / "pc", NAMES)
    assert export(tmp_path / "pc", tmp_path / "stick") == 0
    files = sorted((tmp_path / "stick").iterdir())
    assert len(files) == len(NAMES) == len({f.name.casefold() for f in files})  # FAT ignores case
    assert all(len(f.name) < 120 for f in files)
    got = on_stick(tmp_path / "stick")
    assert sorted(got) == sorted(NAMES)
    assert all(got[name].exams[0].seed == f"s-{name}" for name in NAMES)


def test_a_second_export_replaces_the_profile_own_file_under_the_same_name(tmp_path: Path) -> None:
    sit(tmp_path / "pc", ["anna"])
    assert export(tmp_path / "pc", tmp_path / "stick") == 0
    first = sorted((tmp_path / "stick").iterdir())
    sit(tmp_path / "pc", ["anna"], seed="again")
    assert export(tmp_path / "pc", tmp_path / "stick") == 0
    assert sorted((tmp_path / "stick").iterdir()) == first
    assert len(on_stick(tmp_path / "stick")["anna"].exams) == 2


def test_cloned_pcs_with_one_host_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    sit(tmp_path / "pc1", ["default"], seed="one")
    sit(tmp_path / "pc2", ["default"], seed="two")
    for pc in ("pc1", "pc2"):
        assert export(tmp_path / pc, tmp_path / "stick") == 0  # same socket.gethostname() for both
    found = [results.read(p) for p in results.find([tmp_path / "stick"])]
    assert sorted(r.exams[0].seed for r in found) == ["one-default", "two-default"]
    assert {r.machine for r in found} == {socket.gethostname()} and len({r.machine_id for r in found}) == 2


def test_a_file_that_is_not_this_profile_is_never_replaced(tmp_path: Path) -> None:
    sit(tmp_path / "pc", ["anna"])
    with Store.open(tmp_path / "pc") as store:
        mine = storage.student_results(store, "anna")
    stick = tmp_path / "stick"
    stick.mkdir()
    taken = stick / results.file_name("anna", mine.machine, mine.machine_id)
    taken.write_text("a teacher's notes\n", encoding="utf-8")
    assert export(tmp_path / "pc", stick) == 0
    assert taken.read_text(encoding="utf-8") == "a teacher's notes\n"
    [path] = [p for p in stick.iterdir() if p != taken]
    assert results.read(path).profile == "anna"


def test_one_failure_does_not_stop_the_export_and_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sit(tmp_path / "pc", ["ann", "ben", "cat"])
    write = results.write

    def failing(student: results.StudentResults, directory: Path) -> Path:
        if student.profile == "ben":
            raise OSError(28, "No space left on device")
        return write(student, directory)

    monkeypatch.setattr(results, "write", failing)
    assert export(tmp_path / "pc", tmp_path / "stick") == 1
    err = capsys.readouterr().err
    assert "cannot write the results of 'ben': No space left on device" in err
    assert "NOT exported (1 of 3): 'ben'" in err
    assert sorted(on_stick(tmp_path / "stick")) == ["ann", "cat"]
