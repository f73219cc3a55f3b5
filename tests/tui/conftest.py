"""Every app test runs in UTC, so day boundaries (and snapshots) do not depend on the machine; snapshots wait for a steady screen."""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from waiting import steady


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """As pytest-textual-snapshot's, but the screen is compared once it has stopped changing.

    A scroll or a mount asked for "after the next refresh" can land a frame after the
    keys were applied; on a busy machine that frame comes late, and the snapshot
    would catch the screen halfway.
    """

    def compare(app: App[Any], press: Iterable[str] = (), terminal_size: tuple[int, int] = (80, 24),
                run_before: Callable[[Pilot], Awaitable[None] | None] | None = None) -> bool:
        async def then_steady(pilot: Pilot) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await steady(pilot)

        return snap_compare(app, press=press, terminal_size=terminal_size, run_before=then_steady)

    return compare


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot checks for an idle app in 2 ms steps instead of 20 ms (two checks follow every key).

    The check is the same: the process used next to no CPU during a step. What a test
    waits for beyond that (keys still queued, answers being written) it waits for by
    name, with a deadline (`settle`, `wait_for`).
    """
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 0.002)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 0.002 / 20)


@pytest.fixture(autouse=True, scope="session")
def css_parsed_once() -> Iterator[None]:
    """Every app of a test parses the same CSS again; here each text is parsed once per process.

    The parsing and the rules are Textual's own, keyed as Textual keys them within one app,
    plus the theme's variables (which Textual substitutes while parsing).
    """
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    parsed: dict[tuple[object, ...], Any] = {}

    def once(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False, tie_breaker: int = 0,
             scope: str = "") -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
        if key not in parsed:
            parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    Stylesheet._parse_rules = once  # type: ignore[method-assign]
    yield
    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]
