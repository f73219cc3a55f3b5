"""The server's safeguards on their own: the class code, the session limit, the idle timeout, the browser's language."""

from __future__ import annotations

import pytest

from quiz.serve.codes import ALPHABET, Attempts, Pass, new_code, normalize, same_code
from quiz.serve.language import from_accept_language
from quiz.serve.limits import IdleWatch, SessionLimit


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_new_code_is_short_random_and_easy_to_read_aloud() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 7 and code[3] == "-"
        assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set(ALPHABET) & set("0O1IL5S8B2Z")


@pytest.mark.parametrize("typed", ["K7M-4PX", "k7m4px", " k7m 4px ", "K7M–4PX", "K 7 M - 4 P X"])
def test_the_code_is_accepted_however_it_is_typed(typed: str) -> None:
    assert same_code(typed, "K7M-4PX")


@pytest.mark.parametrize("typed", ["", "K7M-4P", "K7M-4PXX", "K7M-4PZ", "X7M-4PX", "ｋ7m4px", "K7M 4P X1"])
def test_any_other_code_is_refused(typed: str) -> None:
    assert not same_code(typed, "K7M-4PX")


def test_the_code_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert not same_code("k7m-4pz", "K7M-4PX")
    assert compared == [(b"K7M4PZ", b"K7M4PX")]


def test_normalize_keeps_ascii_letters_and_digits_only() -> None:
    assert normalize("a-b c\tD\u00e9\u0661") == "ABCD"


def test_a_pass_is_valid_only_for_its_server_and_role() -> None:
    pupil, teacher, other = Pass("pupil"), Pass("teacher"), Pass("pupil")
    assert pupil.valid(pupil.token)
    assert not pupil.valid(teacher.token)
    assert not pupil.valid(other.token)  # another server run: another secret
    assert not pupil.valid(None) and not pupil.valid("") and not pupil.valid("é" * 64)


def test_wrong_codes_from_one_address_are_slowed_down_and_forgotten_later() -> None:
    clock = Clock()
    attempts = Attempts(allowed=3, window=60, timer=clock)
    for _ in range(3):
        assert not attempts.blocked("10.0.0.7")
        attempts.failed("10.0.0.7")
    assert attempts.blocked("10.0.0.7")
    assert not attempts.blocked("10.0.0.8")  # another pupil's PC is not held up
    clock.now += 60
    assert not attempts.blocked("10.0.0.7")
    attempts.failed("10.0.0.7")
    attempts.succeeded("10.0.0.7")
    assert not attempts.blocked("10.0.0.7")


def test_the_session_limit_refuses_beyond_it_and_frees_places() -> None:
    limit = SessionLimit(2)
    assert limit.acquire() and limit.acquire()
    assert limit.full and not limit.acquire()
    limit.release()
    assert not limit.full and limit.acquire()
    for _ in range(5):
        limit.release()
    assert limit.active == 0
    with pytest.raises(ValueError):
        SessionLimit(0)


def test_idle_sessions_expire_after_the_timeout_and_a_key_keeps_one_alive() -> None:
    clock = Clock()
    watch = IdleWatch(60, timer=clock)
    watch.start("a")
    clock.now += 30
    watch.start("b")
    clock.now += 29
    assert watch.expired() == []
    watch.touch("a")
    clock.now += 31
    assert watch.expired() == ["b"]
    clock.now += 30
    assert watch.expired() == ["b", "a"]  # the longest silent first
    watch.stop("b")
    watch.touch("b")  # a late key of a session already ended does not bring it back
    assert watch.expired() == ["a"]
    with pytest.raises(ValueError):
        IdleWatch(0)


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("de-AT,de;q=0.9,en;q=0.8", "de"),
        ("en-GB,en;q=0.9,de;q=0.8", "en"),
        ("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4", "de"),
        ("fr-FR,en;q=0.3,de;q=0.7", "de"),
        ("de;q=0,en", "en"),
        ("fr, es", "en"),
        ("", "en"),
        (None, "en"),
        ("de;q=abc, en;q=0.2", "en"),
        ("DE-de", "de"),
        ("*", "en"),
        ("de;q=2", "en"),
    ],
)
def test_the_browser_language_chooses_german_or_english(header: str | None, language: str) -> None:
    assert from_accept_language(header) == language
