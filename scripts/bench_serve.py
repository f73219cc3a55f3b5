"""Load on `quiz serve`: a class of pupils at once, each making a profile and answering cards.

Starts `quiz serve` on 127.0.0.1 (a free port, a fresh data directory, every
pupil on one small deck of choice, true/false, typed and number cards written
for the run) and opens `--sessions` websocket sessions at once, each speaking
what textual-serve's page speaks: the page's address first, then the socket
with the terminal's size, keys as `["stdin", ...]` and the size as
`["resize", ...]`; the terminal bytes that come back are replayed into a
terminal emulator (`pyte`), so each pupil waits for what a person would see.
Each pupil types a new name, then answers `--cards` cards (waits `--think`
seconds before each answer, then for the feedback, then presses Enter).

Printed, never judged:
- answers lost: answers whose feedback a pupil saw, less the rows in the store
  for that pupil once the server has ended (the app stores an answer before
  it shows the feedback, so anything but 0 is a loss);
- from connecting to the first question painted, median and 95th percentile
  (and its two halves: to the name screen, and from the name typed);
- from an answer's last key to its feedback painted, median and 95th percentile;
- the server's memory per pupil: resident memory (RSS, and PSS, which shares
  the pages common to the processes out among them) of the server and all its
  processes while every session is open, less that of the idle server, divided
  by the sessions;
- the wall time of the whole run.

Every process started here is ended when the run ends, on Ctrl+C or an error
too (the server and its sessions are one process group: Ctrl+C to the server
first, then the group killed if anything is left), and the run gives up after
`--deadline` seconds.

    PYTHONPATH=. python scripts/bench_serve.py [--sessions 30] [--cards 20] [--think 1.0] [--deadline 900]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pyte

CHECKOUT = Path(__file__).resolve().parent.parent
COLUMNS, LINES = 100, 30

ASKING = {
    "Pick one:": "choice",
    "True or false?": "truefalse",
    "Type your answer": "answer",
    "Type a number": "number",
}
"""The instruction line of each kind of card in the bench deck."""
VERDICTS = ("✓ Right", "✗ Wrong", "✗ Partly right")
KEYS: dict[str, list[str]] = {
    "choice": ["1"],
    "truefalse": ["t"],
    "answer": ["R", "i", "g", "h", "t", "\r"],
    "number": ["4", "2", "\r"],
}
"""What a pupil presses to answer each kind (right or wrong does not matter here)."""


def write_deck(path: Path, cards: int) -> None:
    """`cards` cards, the four kinds in turn; enough new cards a day for every one of them."""
    lines = [
        "deck:",
        "  id: bench-serve",
        "  title: Class benchmark",
        "  language: en",
        "  settings:",
        f"    new_per_day: {cards}",
        "    shuffle: false",
        "cards:",
    ]
    for i in range(cards):
        kind = ("choice", "truefalse", "answer", "number")[i % 4]
        lines.append(f"  - id: card-{i:03d}")
        lines.append(f"    kind: {kind}")
        if kind == "choice":
            lines += [f"    question: Which option is number {i}?", f"    options: [Option {i}, Other {i}, Third {i}]",
                      f"    answer: Option {i}"]  # fmt: skip
        elif kind == "truefalse":
            lines += [f"    statement: Statement {i} is true.", "    answer: true"]
        elif kind == "answer":
            lines += [f"    question: Type the word Right ({i}).", "    answer: Right"]
        else:
            lines += [f"    question: What is {i} + 42 - {i}?", "    answer: 42"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- the server ----------------------------------------------------------------


class Server:
    """`quiz serve` in a process group of its own, so that it and every session it starts can be ended."""

    def __init__(self, data_dir: Path, deck: Path, sessions: int, cache: Path) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(CHECKOUT), os.environ.get("PYTHONPATH")) if p),
               "QUIZ_CACHE_DIR": str(cache)}  # fmt: skip
        command = [sys.executable, "-m", "quiz", "serve", "--port", "0", "--data-dir", str(data_dir), "--lang", "en",
                   "--deck", str(deck), "--sessions", str(max(sessions, 1))]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=CHECKOUT,
            start_new_session=True,
        )  # fmt: skip
        self.url = ""

    def wait_ready(self, timeout: float) -> str:
        """The address the server printed; raises if it ends or says nothing within `timeout`."""
        assert self.process.stdout is not None
        out, printed, deadline = self.process.stdout, b"", time.monotonic() + timeout
        while b"Ctrl+C" not in printed:
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                raise RuntimeError(f"quiz serve did not start:\n{printed.decode(errors='replace')}")
            ready, _, _ = select.select([out], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(out.fileno(), 65536)
                if not chunk:
                    raise RuntimeError(f"quiz serve ended:\n{printed.decode(errors='replace')}")
                printed += chunk
        found = re.search(r"http://[\d.]+:\d+/", printed.decode(errors="replace"))
        if found is None:
            raise RuntimeError(f"no address in:\n{printed.decode(errors='replace')}")
        self.url = found.group(0)
        return self.url

    def stop(self) -> None:
        """Ctrl+C (each session's app saves and quits), then the whole group killed if anything is left."""
        group = self.process.pid  # the group's id: the server leads its own session
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                print("quiz serve did not end within 30 s of Ctrl+C: killed", flush=True)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)  # whatever of the group is left: nothing, when all went well
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def _tree(root: int) -> list[int]:
    """`root` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rpartition(")")[2].split()[1])
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _kib(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Memory:
    processes: int
    rss_kib: int
    pss_kib: int


def memory(root: int) -> Memory:
    pids = _tree(root)
    rss = sum(_kib(f"/proc/{pid}/status", "VmRSS") for pid in pids)
    pss = sum(_kib(f"/proc/{pid}/smaps_rollup", "Pss") for pid in pids)
    return Memory(len(pids), rss, pss)


# -- the pupils ----------------------------------------------------------------


@dataclass
class Pupil:
    number: int
    name: str
    answered: int = 0
    """Answers whose feedback this pupil saw."""
    to_name_screen: float | None = None
    from_name: float | None = None
    to_question: float | None = None
    answer_s: list[float] = field(default_factory=list)
    problem: str | None = None


class Terminal:
    """The socket's terminal bytes replayed into an emulator; waits for what is on the screen."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.changed = asyncio.Event()
        self.closed = False

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)
        self.changed.set()

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def until(self, shown: Callable[[str], bool], what: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            self.changed.clear()
            text = self.text()
            if shown(text):
                return text
            left = deadline - time.monotonic()
            if self.closed or left <= 0:
                gone = "the session was closed" if self.closed else f"{timeout:g} s passed"
                raise TimeoutError(f"waiting for {what}: {gone}; the screen:\n{text}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)


def asking(text: str) -> str | None:
    """The kind of card being asked, or None while there is none (or its feedback is shown)."""
    if any(v in text for v in VERDICTS):
        return None
    return next((kind for marker, kind in ASKING.items() if marker in text), None)


async def pupil(
    http: aiohttp.ClientSession, base: str, who: Pupil, cards: int, think: float, timeout: float,
    all_done: Callable[[], None], close: asyncio.Event,
) -> None:  # fmt: skip
    """One browser tab: the page, the socket, a new name, `cards` answers; open until `close` is set."""
    terminal = Terminal()
    ws: aiohttp.ClientWebSocketResponse | None = None
    reader: asyncio.Task[None] | None = None

    async def read() -> None:
        assert ws is not None
        async for message in ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                terminal.feed(message.data)
        terminal.closed = True
        terminal.changed.set()

    async def keys(*pressed: str) -> None:
        assert ws is not None
        for i, key in enumerate(pressed):
            if i:
                await asyncio.sleep(0.02)  # typed, not pasted
            await ws.send_json(["stdin", key])

    try:
        async with http.get(base) as page:
            await page.read()
        start = time.monotonic()
        address = f"{base.replace('http', 'ws', 1)}ws/en?width={COLUMNS}&height={LINES}"
        ws = await asyncio.wait_for(http.ws_connect(address, timeout=aiohttp.ClientWSTimeout(ws_close=10)), timeout)
        await ws.send_json(["resize", {"width": COLUMNS, "height": LINES}])  # as the page does once connected
        reader = asyncio.create_task(read())
        await terminal.until(lambda t: "Who is learning?" in t, "the name screen", timeout)
        named = time.monotonic()
        who.to_name_screen = named - start
        await keys(*who.name, "\r")
        typed = time.monotonic()
        await terminal.until(lambda t: asking(t) is not None, "the first question", timeout)
        painted = time.monotonic()
        who.to_question, who.from_name = painted - start, painted - typed
        for n in range(cards):
            kind = asking(await terminal.until(lambda t: asking(t) is not None, f"question {n + 1}", timeout))
            assert kind is not None
            await asyncio.sleep(think)
            await keys(*KEYS[kind])
            sent = time.monotonic()
            await terminal.until(lambda t: any(v in t for v in VERDICTS), f"the feedback on question {n + 1}", timeout)
            who.answer_s.append(time.monotonic() - sent)
            who.answered += 1
            if n + 1 < cards:
                await keys("\r")
    except (TimeoutError, aiohttp.ClientError, OSError) as problem:
        who.problem = f"{type(problem).__name__}: {problem}"
    finally:
        all_done()
        with contextlib.suppress(asyncio.CancelledError):
            await close.wait()  # every session stays open until the memory has been read
        if ws is not None:
            await ws.close()
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader


async def run_class(url: str, server_pid: int, idle: Memory, args: argparse.Namespace) -> tuple[list[Pupil], Memory]:
    pupils = [Pupil(i, f"pupil-{i:03d}") for i in range(args.sessions)]
    close = asyncio.Event()
    done = asyncio.Event()
    left = [len(pupils)]
    peak = [idle]

    def one_done() -> None:
        left[0] -= 1
        if left[0] == 0:
            done.set()

    async def watch() -> None:
        while True:
            now = memory(server_pid)
            if now.rss_kib > peak[0].rss_kib:
                peak[0] = now
            await asyncio.sleep(1.0)

    watcher = asyncio.create_task(watch())
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tasks = [
            asyncio.create_task(pupil(http, url, who, args.cards, args.think, args.timeout, one_done, close))
            for who in pupils
        ]
        try:
            await done.wait()
            all_open = memory(server_pid)  # every pupil done, every session still open
            watcher.cancel()
            close.set()
            await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 60)
        finally:
            close.set()
            watcher.cancel()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, watcher, return_exceptions=True)
    print(f"peak while running: {peak[0].processes} processes, RSS {peak[0].rss_kib / 1024:.0f} MiB")
    return pupils, all_open


def stored_answers(data_dir: Path) -> dict[str, int]:
    path = data_dir / "progress.sqlite3"
    if not path.exists():
        return {}
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT p.name, COUNT(a.id) FROM profiles p LEFT JOIN answers a ON a.profile_id = p.id GROUP BY p.name"
        )
        return {name: count for name, count in rows}


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )


@contextlib.contextmanager
def interrupted_by_term() -> Iterator[None]:
    """SIGTERM ends the run as Ctrl+C does, through the same clean-up."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30, help="pupils at once")
    parser.add_argument("--cards", type=int, default=20, help="cards each pupil answers")
    parser.add_argument("--think", type=float, default=1.0, help="seconds a pupil looks at a card before answering")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a pupil waits for any one screen")
    parser.add_argument("--deadline", type=float, default=900.0, help="seconds before the whole run gives up")
    args = parser.parse_args()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="quiz-bench-serve-") as tmp, interrupted_by_term():
        folder = Path(tmp)
        deck, data_dir = folder / "bench.yaml", folder / "data"
        write_deck(deck, args.cards)
        server = Server(data_dir, deck, args.sessions, folder / "cache")
        try:
            url = server.wait_ready(60)
            time.sleep(2.0)  # the server settled: its memory idle
            idle = memory(server.process.pid)
            print(f"quiz serve at {url}: idle {idle.processes} processes, RSS {idle.rss_kib / 1024:.0f} MiB, "
                  f"PSS {idle.pss_kib / 1024:.0f} MiB", flush=True)  # fmt: skip
            ran = time.monotonic()
            try:
                pupils, all_open = asyncio.run(
                    asyncio.wait_for(run_class(url, server.process.pid, idle, args), args.deadline)
                )
            except TimeoutError:
                print(f"gave up after the deadline of {args.deadline:g} s")
                return 1
            ran = time.monotonic() - ran
        finally:
            server.stop()
        stored = stored_answers(data_dir)
    expected = sum(p.answered for p in pupils)
    lost = sum(max(0, p.answered - stored.get(p.name, 0)) for p in pupils)
    failed = [p for p in pupils if p.problem is not None]
    n = len(pupils)
    print(f"{n} sessions, {args.cards} cards each, {args.think:g} s of thought before each answer")
    print(f"answers: {expected} seen answered by the pupils (of {n * args.cards} asked for), "
          f"{sum(stored.get(p.name, 0) for p in pupils)} in the store; lost: {lost}")  # fmt: skip
    print(f"profiles stored: {sum(1 for p in pupils if p.name in stored)} of {n}")
    if failed:
        print(f"sessions that did not finish: {len(failed)}")
        for who in failed[:3]:
            print(f"  {who.name} after {who.answered} answers: {(who.problem or '')[:1500]}")
    print(f"connect -> first question painted: {spread([p.to_question for p in pupils if p.to_question is not None])}")
    print(
        f"  connect -> name screen painted:   {spread([p.to_name_screen for p in pupils if p.to_name_screen is not None])}"
    )
    print(f"  name typed -> first question:     {spread([p.from_name for p in pupils if p.from_name is not None])}")
    print(f"answer's last key -> feedback painted: {spread([s for p in pupils for s in p.answer_s])}")
    grown_rss, grown_pss = all_open.rss_kib - idle.rss_kib, all_open.pss_kib - idle.pss_kib
    print(f"server with all {n} sessions open: {all_open.processes} processes, RSS {all_open.rss_kib / 1024:.0f} MiB, "
          f"PSS {all_open.pss_kib / 1024:.0f} MiB")  # fmt: skip
    print(f"memory per session: RSS {grown_rss / max(n, 1) / 1024:.1f} MiB, PSS {grown_pss / max(n, 1) / 1024:.1f} MiB")
    print(f"wall time: {ran:.1f} s with the sessions, {time.monotonic() - began:.1f} s in all")
    return 0 if not lost and not failed else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted; every process started here was ended")
        sys.exit(130)
