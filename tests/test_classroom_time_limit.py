"""Time limits as teachers write them, and clear words when one cannot be read."""

from __future__ import annotations

import pytest

from quiz.classroom.time_limit import parse_time_limit
from quiz.cli import main


@pytest.mark.parametrize(
    "text, seconds",
    [("15m", 900), ("90s", 90), ("1h", 3600), ("1h30m", 5400), ("1h30", 5400), ("1h 30m", 5400),
     ("2m30", 150), ("2m30s", 150), ("1H30M", 5400), (" 45m ", 2700)],
)
def test_simple_and_compound_time_limits(text: str, seconds: int) -> None:
    assert parse_time_limit(text) == seconds


@pytest.mark.parametrize(
    "text, says",
    [("-5m", "cannot be negative"), ("0m", "longer than 0"), ("30", "has no unit"), ("soon", "is not a time limit"),
     ("30m1h", "largest unit first"), ("1h1h", "largest unit first"), ("1h30x", "is not a time limit")],
)
def test_unreadable_time_limits_are_explained(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_time_limit(text)


@pytest.mark.parametrize("value, says", [("-5m", "a time limit cannot be negative (-5m)"), ("1h30x", "e.g. 30s, 15m")])
def test_quiz_exam_explains_a_bad_time(value: str, says: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["exam", "tour-en", "--time", value])
    err = capsys.readouterr().err
    assert says in err and "expected one argument" not in err
