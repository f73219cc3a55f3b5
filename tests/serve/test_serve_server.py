"""The server in this process with real app sessions: code pages, the session limit's page, the idle timeout."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from quiz.serve.server import IDLE_CLOSE, ClassServer, ServeOptions

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.timeout(180),
]


def run_with(options: ServeOptions, test: Callable[[TestClient, ClassServer], Awaitable[None]]) -> None:
    async def main() -> None:
        server = ClassServer(options)
        client = TestClient(TestServer(server.web_app(), host="127.0.0.1", port=0))
        await client.start_server()
        try:
            await test(client, server)
        finally:
            await server.stop()  # every session's app quits before the loop ends
            await client.close()
            gc.collect()  # the ended sessions' pipes are let go while their loop still runs

    asyncio.run(main())


def options(data_dir: Path, **kw: object) -> ServeOptions:
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    return ServeOptions(data_dir=data_dir, teacher_code="TCH-CODE", python=(sys.executable, "-m", "quiz"), **kw)  # type: ignore[arg-type]


async def first_paint(ws: aiohttp.ClientWebSocketResponse, text: bytes, timeout: float = 60) -> None:
    """Read the session's output until `text` is in it."""
    seen = b""
    async with asyncio.timeout(timeout):
        while text not in seen:
            message = await ws.receive()
            assert message.type == aiohttp.WSMsgType.BINARY, message
            seen += message.data


def test_without_the_code_a_browser_gets_only_the_page_asking_for_it(tmp_path: Path) -> None:
    async def test(client: TestClient, server: ClassServer) -> None:
        page = await client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
        assert page.status == 401
        html = await page.text()
        assert "Klassencode" in html and "textual" not in html
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:  # the app's socket refuses too
            await client.ws_connect("/ws/en")
        assert refused.value.status == 403
        wrong = await client.post("/", data={"code": "AAA-AAA"}, allow_redirects=False)
        assert wrong.status == 403 and "not right" in await wrong.text()
        hostile = await client.post("/", data={"code": "<script>alert(1)</script>"}, allow_redirects=False)
        assert "<script>" not in await hostile.text()
        right = await client.post("/", data={"code": "k7m 4px"}, allow_redirects=False)
        assert right.status == 303
        cookie = right.cookies["quiz_class"]
        assert cookie["samesite"] == "Strict" and cookie["httponly"]
        page = await client.get("/")
        assert page.status == 200 and "textual-terminal" in await page.text()
        teacher = await client.get("/teacher")
        assert teacher.status == 401  # the class code is not the teacher's

    run_with(options(tmp_path, class_code="K7M-4PX", host="0.0.0.0"), test)


def test_wrong_codes_in_a_row_make_that_address_wait(tmp_path: Path) -> None:
    async def test(client: TestClient, server: ClassServer) -> None:
        for _ in range(10):
            assert (await client.post("/", data={"code": "AAA-AAA"})).status == 403
        blocked = await client.post("/", data={"code": "K7M-4PX"})
        assert blocked.status == 429 and "Too many" in await blocked.text()

    run_with(options(tmp_path, class_code="K7M-4PX"), test)


def test_beyond_the_session_limit_a_pupil_gets_a_clear_page_not_a_hang(tmp_path: Path) -> None:
    async def test(client: TestClient, server: ClassServer) -> None:
        first = await client.ws_connect("/ws/en?width=80&height=24")
        await first_paint(first, b"Who is learning?")
        page = await client.get("/", headers={"Accept-Language": "en"})
        assert page.status == 503
        assert "The class is full" in await page.text()
        second = await client.ws_connect("/ws/en?width=80&height=24")  # opened all the same (a race, or by hand)
        closed = await asyncio.wait_for(second.receive(), 10)
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.extra == "full"
        await first.close()
        for _ in range(100):
            if not server.limits["pupil"].full:
                break
            await asyncio.sleep(0.1)
        assert (await client.get("/")).status == 200  # a place is free again
        assert server.served == 1

    run_with(options(tmp_path, sessions=1), test)


IDLE_TIMEOUT_S = 1.5
"""Short, so that the test is quick; the watch over silent sessions is started once the app has painted (starting
an app can take longer than this on a busy machine)."""


def test_a_silent_session_ends_after_the_idle_timeout_and_its_place_is_freed(tmp_path: Path) -> None:
    async def test(client: TestClient, server: ClassServer) -> None:
        opened = time.monotonic()
        ws = await client.ws_connect("/ws/en?width=80&height=24")
        await first_paint(ws, b"Who is learning?")
        watcher = asyncio.create_task(server._watch_idle())
        try:
            async with asyncio.timeout(40):
                while True:
                    message = await ws.receive()
                    if message.type != aiohttp.WSMsgType.BINARY:
                        break
            assert message.type == aiohttp.WSMsgType.CLOSE and message.data == IDLE_CLOSE and message.extra == "idle"
            assert time.monotonic() - opened >= IDLE_TIMEOUT_S  # not before the session was silent that long
            for _ in range(150):
                if server.limits["pupil"].active == 0:
                    break
                await asyncio.sleep(0.1)
            assert server.limits["pupil"].active == 0
        finally:
            watcher.cancel()

    run_with(options(tmp_path, idle_timeout=IDLE_TIMEOUT_S), test)
