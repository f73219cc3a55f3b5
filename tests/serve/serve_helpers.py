"""`quiz serve` run for real: a server process on 127.0.0.1 and a free port, and what it printed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def until(condition: Callable[[], T | None], what: str, timeout: float = 60.0, every: float = 0.1) -> T:
    """Poll `condition` until it gives something true; fail naming `what` instead of hanging."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(every)


@dataclass(frozen=True)
class Started:
    """What `quiz serve` printed on starting."""

    printed: str
    url: str
    class_code: str | None
    teacher_code: str


class Served:
    """A `quiz serve` process started. What it printed on starting is read in the background, so that a test can
    get its browser ready meanwhile, and waited for when first asked."""

    def __init__(self, data_dir: Path, process: subprocess.Popen[str]) -> None:
        self.data_dir = data_dir
        self.process = process
        self._started: Future[Started] = Future()
        threading.Thread(target=self._read, name="quiz-serve-start", daemon=True).start()

    def _read(self) -> None:
        try:
            self._started.set_result(self._start())
        except BaseException as error:  # raised to whoever waits for the server
            self._started.set_exception(error)

    def _start(self) -> Started:
        lines: list[str] = []
        assert self.process.stdout is not None
        while not any(line.startswith("Ctrl+C") for line in lines):
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"quiz serve stopped: {self.process.communicate(timeout=10)}")
            lines.append(line)
        printed = "".join(lines)
        url = re.search(r"http://[\d.]+:\d+/", printed)
        teacher = re.search(r"teacher code: (\S+)", printed)
        code = re.search(r"^class code: (\S+)$", printed, re.M)
        assert url and teacher, printed
        return Started(printed, url.group(0), code.group(1) if code else None, teacher.group(1))

    def started(self) -> Started:
        """Waits until the server listens."""
        return self._started.result(timeout=60)

    @property
    def printed(self) -> str:
        return self.started().printed

    @property
    def url(self) -> str:
        return self.started().url

    @property
    def class_code(self) -> str | None:
        return self.started().class_code

    @property
    def teacher_code(self) -> str:
        return self.started().teacher_code


@contextmanager
def served(data_dir: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`quiz serve --port 0` with `options`, until the block ends; then Ctrl+C, and it must end by itself.

    The block starts as soon as the process does; it waits for the server where it first needs it.
    """
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz", "serve", "--port", "0", "--data-dir", str(data_dir), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=environment,
        cwd=ROOT,
    )
    server = Served(data_dir, process)
    try:
        yield server
        server.started()  # it started as it should, also when the block did not need it
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise AssertionError("quiz serve did not end within 30 s of Ctrl+C") from None
