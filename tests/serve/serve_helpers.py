"""`quiz serve` run for real: a server process on 127.0.0.1 and a free port, and what it printed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
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


@dataclass
class Served:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    printed: str
    class_code: str | None
    teacher_code: str


@contextmanager
def served(data_dir: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`quiz serve --port 0` with `options`, until the block ends; then Ctrl+C, and it must end by itself."""
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
    lines: list[str] = []
    try:
        assert process.stdout is not None
        while not any(line.startswith("Ctrl+C") for line in lines):
            line = process.stdout.readline()
            if not line:
                raise AssertionError(f"quiz serve stopped: {process.communicate(timeout=10)}")
            lines.append(line)
        printed = "".join(lines)
        url = re.search(r"http://[\d.]+:\d+/", printed)
        teacher = re.search(r"teacher code: (\S+)", printed)
        code = re.search(r"^class code: (\S+)$", printed, re.M)
        assert url and teacher, printed
        yield Served(url.group(0), data_dir, process, printed, code.group(1) if code else None, teacher.group(1))
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise AssertionError("quiz serve did not end within 30 s of Ctrl+C") from None
