import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.engine.numbers import Span, format_number, format_span, parse_number, parse_span, unreadable, within


@pytest.mark.parametrize(
    "text",
    [
        "2000–2015",
        "2000-2015",
        "2000 - 2015",
        "2000—2015",
        "2000 to 2015",
        "from 2000 to 2015",
        "2000 bis 2015",
        "von 2000 bis 2015",
        "zwischen 2000 und 2015",
        "de 2000 a 2015",
        "entre 2000 y 2015",
        "desde 2000 hasta 2015",
        "2000...2015",
        "2000/2015",
        "2000 / 2015",
        "2000-15",
        "2015-2000",
    ],
)
def test_ranges_as_learners_write_them(text: str) -> None:
    assert parse_span(text) == Span(2000, 2015)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("65", 65),
        ("2,5", 2.5),
        ("2.5", 2.5),
        ("0,500", 0.5),
        ("1.000", 1000),
        ("1,000", 1000),
        ("12.500", 12500),
        ("1.000.000", 1_000_000),
        ("1,000,000", 1_000_000),
        ("1 000 000", 1_000_000),
        ("1'000", 1000),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1234,567", 1234.567),
        (",5", 0.5),
        ("-5", -5),
        ("−5", -5),
        ("65 Jahre", 65),
        ("65 years old", 65),
        ("ca. 65", 65),
        ("about 65.", 65),
    ],
)
def test_numbers_with_decimal_comma_and_thousands(text: str, value: float) -> None:
    assert parse_number(text) == value
    assert parse_span(text) == Span(value, value)


@pytest.mark.parametrize("text", ["", "abc", "65 or 66", "2000 2015", "1.2.3", "1,23,4", "1.000,5,5", "--"])
def test_not_numbers(text: str) -> None:
    assert parse_span(text) is None


def test_unreadable_says_what_to_type() -> None:
    assert unreadable("Bogota") == "That is not a number; type e.g. 1990 or 2,5."
    assert unreadable("Bogota", ranged=True) == "That is not a number or a range; type e.g. 1990-1995."
    for text in ("2000", "2000/2015", "about 65 years", "", "   "):
        assert unreadable(text, ranged=True) is None, text


def test_a_range_is_not_a_single_number() -> None:
    assert parse_number("2000-2015") is None
    assert parse_span("2000-2015").is_range
    assert not parse_span("2000").is_range


def test_negative_ranges() -> None:
    assert parse_span("-5 to -3") == Span(-5, -3)
    assert parse_span("-5--3") == Span(-5, -3)


def test_abbreviated_second_year_only_when_it_makes_a_later_year() -> None:
    assert parse_span("2012-15") == Span(2012, 2015)
    assert parse_span("1999-05") == Span(5, 1999)


def test_within_tolerance() -> None:
    assert within(64, 65, 1)
    assert not within(63, 65, 1)
    assert within(0.1 + 0.2, 0.3)
    assert not within(2016, 2015)


def test_formatting() -> None:
    assert format_number(2015) == "2015"
    assert format_number(2015.0) == "2015"
    assert format_number(2.5) == "2.5"
    assert format_span(2000, 2015) == "2000–2015"
    assert format_span(65, 65) == "65"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_integers_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(format_number(n)) == n


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 3)))
def test_decimal_comma_and_point_agree(x: float) -> None:
    text = format_number(x)
    if "." in text and len(text.split(".")[1]) != 3:  # "1.500" would read as thousands
        assert parse_number(text) == x
        assert parse_number(text.replace(".", ",")) == x


@given(st.integers(0, 3000), st.integers(0, 3000))
def test_ranges_round_trip(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    for text in (format_span(low, high), f"{low} bis {high}", f"from {low} to {high}"):
        assert parse_span(text) == Span(low, high)
