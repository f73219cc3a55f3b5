"""The web server: the server's own pages, then one app process per browser tab, driven by `textual-serve`.

Pupils' tabs run the app as `quiz` runs in a terminal (or the class test, with
`--exam`); the teacher's tabs run the live view (`quiz watch`). Every session is
its own process on the server's one data directory, so each answer is committed
by that process before its next card, as in the terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import Literal

import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from quiz.deck.datarecord import datarecord
from quiz.tui.opening import SHARED_ENV

from .codes import Attempts, Pass, same_code
from .language import SUPPORTED, from_accept_language
from .limits import IdleWatch, SessionLimit
from .pages import TEXTS, render

log = logging.getLogger("quiz.serve")

Role = Literal["pupil", "teacher"]
STATIC = Path(textual_serve.__file__).parent / "static"
COOKIES: dict[Role, str] = {"pupil": "quiz_class", "teacher": "quiz_teacher"}
IDLE_CLOSE = 4000
"""The websocket close code of a session ended for silence (4000-4999 are the application's own)."""
STOP_GRACE_S = 10.0
"""How long an app process has to save and quit when its session ends, before it is killed."""
MAX_MESSAGE = 64 * 1024
"""A browser sends keys, clicks and sizes: nothing near this long."""
TEACHER_SESSIONS = 4


@datarecord(frozen=False)
class ServeOptions:
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    language: str | None = None
    """`--lang`: every page and session in this language, whatever the browser asks."""
    class_code: str | None = None
    """None: no code asked (the server is reachable from this computer only)."""
    teacher_code: str = ""
    sessions: int = 60
    idle_timeout: float = 30 * 60.0
    pupil_args: Sequence[str] = ()
    """The `quiz` command a pupil's tab runs (after the global options): nothing for the deck list, or `exam ...`."""
    teacher_args: Sequence[str] = ("watch",)
    python: Sequence[str] = field(default_factory=lambda: (sys.executable, "-m", "quiz"))


def _size(text: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(high, max(low, int(text or default)))
    except ValueError:
        return default


class ClassServer:
    """Serves the app to browsers within the limits of `ServeOptions`."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.passes: dict[Role, Pass] = {"pupil": Pass("pupil"), "teacher": Pass("teacher")}
        self.attempts = Attempts()
        self.limits: dict[Role, SessionLimit] = {
            "pupil": SessionLimit(options.sessions),
            "teacher": SessionLimit(TEACHER_SESSIONS),
        }
        self.idle = IdleWatch(options.idle_timeout)
        self.sessions: set[web.WebSocketResponse] = set()
        self.served = 0
        self.downloads = DownloadManager()
        self._runner: web.AppRunner | None = None
        self._watcher: asyncio.Task[None] | None = None

    # -- the web application --------------------------------------------------

    def web_app(self) -> web.Application:
        app = web.Application(client_max_size=4096, middlewares=[self._headers])  # type: ignore[list-item]
        app.add_routes(
            [
                web.get("/", self.pupil_page),
                web.post("/", self.pupil_code),
                web.get("/teacher", self.teacher_page),
                web.post("/teacher", self.teacher_code),
                web.get("/ws/{lang}", self.pupil_session),
                web.get("/teacher/ws/{lang}", self.teacher_session),
                web.static("/static", STATIC, show_index=False),
            ]
        )
        return app

    @web.middleware
    async def _headers(self, request: web.Request, handler: web.RequestHandler) -> web.StreamResponse:
        try:
            response = await handler(request)  # type: ignore[operator]
        except web.HTTPNotFound:
            response = self._page("message.html", request, 404, heading="404", text=self._texts(request)["not_found"])
        if not response.prepared:
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Referrer-Policy", "no-referrer")
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    def language(self, request: web.Request) -> str:
        return self.options.language or from_accept_language(request.headers.get("Accept-Language"))

    def _texts(self, request: web.Request) -> dict[str, str]:
        return TEXTS[self.language(request)]

    def _page(self, template: str, request: web.Request, status: int = 200, **values: object) -> web.Response:
        html = render(template, self.language(request), **values)
        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")

    def _code(self, role: Role) -> str | None:
        return self.options.class_code if role == "pupil" else self.options.teacher_code

    def admitted(self, request: web.Request, role: Role) -> bool:
        """Whether this browser may use `role`'s pages: no code asked, or it typed the right one before."""
        if role == "pupil" and self.options.class_code is None:
            return True
        return self.passes[role].valid(request.cookies.get(COOKIES[role]))

    def _code_page(self, request: web.Request, role: Role, *, wrong: bool = False) -> web.Response:
        t = self._texts(request)
        heading, help_text = (t["code_heading"], t["code_help"]) if role == "pupil" else (t["teacher_heading"], t["teacher_help"])
        action = "/" if role == "pupil" else "/teacher"
        return self._page("code.html", request, 403 if wrong else 401, heading=heading, help=help_text, action=action, wrong=wrong)

    def _app_page(self, request: web.Request, role: Role) -> web.Response:
        t = self._texts(request)
        if self.limits[role].full:
            limit = self.limits[role].limit
            return self._page("message.html", request, 503, heading=t["full_heading"], text=t["full_help"].format(limit=limit))
        lang = self.language(request)
        scheme = "wss" if request.secure else "ws"
        path = f"/ws/{lang}" if role == "pupil" else f"/teacher/ws/{lang}"
        size = _size(request.query.get("fontsize"), 16, 8, 48)
        return self._page("app.html", request, websocket_url=f"{scheme}://{request.host}{path}", font_size=size)

    async def _page_for(self, request: web.Request, role: Role) -> web.Response:
        if not self.admitted(request, role):
            return self._code_page(request, role)
        return self._app_page(request, role)

    async def _check_code(self, request: web.Request, role: Role) -> web.Response:
        address = request.remote or "?"
        if self.attempts.blocked(address):
            t = self._texts(request)
            return self._page("message.html", request, 429, heading=t["blocked_heading"], text=t["blocked_help"])
        form = await request.post()
        typed = form.get("code")
        code = self._code(role)
        if code is None:
            raise web.HTTPSeeOther("/")
        if not isinstance(typed, str) or not same_code(typed, code):
            self.attempts.failed(address)
            log.info("wrong %s code from %s", role, address)
            return self._code_page(request, role, wrong=True)
        self.attempts.succeeded(address)
        admitted = web.HTTPSeeOther("/" if role == "pupil" else "/teacher")
        admitted.set_cookie(COOKIES[role], self.passes[role].token, httponly=True, samesite="Strict", path="/")
        raise admitted

    async def pupil_page(self, request: web.Request) -> web.Response:
        return await self._page_for(request, "pupil")

    async def teacher_page(self, request: web.Request) -> web.Response:
        return await self._page_for(request, "teacher")

    async def pupil_code(self, request: web.Request) -> web.Response:
        return await self._check_code(request, "pupil")

    async def teacher_code(self, request: web.Request) -> web.Response:
        return await self._check_code(request, "teacher")

    async def pupil_session(self, request: web.Request) -> web.StreamResponse:
        return await self._session(request, "pupil")

    async def teacher_session(self, request: web.Request) -> web.StreamResponse:
        return await self._session(request, "teacher")

    # -- sessions -------------------------------------------------------------

    def command(self, role: Role, language: str) -> str:
        """The shell command of one session (textual-serve starts it through the shell)."""
        args = self.options.pupil_args if role == "pupil" else self.options.teacher_args
        words = [*self.options.python, "--data-dir", str(self.options.data_dir), "--lang", language, *args]
        return shlex.join(words)

    def _same_origin(self, request: web.Request) -> bool:
        """A page of another site must not drive a session with this browser's pass."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        return origin.split("://", 1)[-1] == request.host

    async def _session(self, request: web.Request, role: Role) -> web.StreamResponse:
        language = request.match_info["lang"]
        if language not in SUPPORTED or not self.admitted(request, role) or not self._same_origin(request):
            raise web.HTTPForbidden(text="forbidden")
        limit = self.limits[role]
        ws = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        await ws.prepare(request)
        if not limit.acquire():
            await ws.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"full")
            return ws
        self.served += 1
        self.sessions.add(ws)
        self.idle.start(ws)
        service = AppService(
            self.command(role, language),
            write_bytes=ws.send_bytes,
            write_str=ws.send_str,
            close=ws.close,  # type: ignore[arg-type]
            download_manager=self.downloads,
        )
        width = _size(request.query.get("width"), 80, 20, 400)
        height = _size(request.query.get("height"), 24, 5, 200)
        try:
            await service.start(width, height)
            await self._relay(ws, service)
        except (ConnectionError, OSError) as error:
            log.info("session ended: %s", error)
        finally:
            self.idle.stop(ws)
            try:
                if not ws.closed:
                    await ws.close()
                await self._stop(service)
            finally:
                self.sessions.discard(ws)  # its place is free once its app process has ended
                limit.release()
        return ws

    async def _relay(self, ws: web.WebSocketResponse, service: AppService) -> None:
        """The browser's keys, clicks and size to the app; anything else it sends is ignored."""
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                self.idle.touch(ws)
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(
                    _size(str(data.get("width")), 80, 20, 400), _size(str(data.get("height")), 24, 5, 200)
                )
            elif kind == "ping" and isinstance(data, str):
                await ws.send_json(["pong", data[:32]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def _stop(self, service: AppService) -> None:
        """Ask the app to quit (it saves as on ctrl+q); one that does not within the grace is killed."""
        process = service._process  # textual-serve keeps it private
        try:
            await asyncio.wait_for(asyncio.shield(service.stop()), STOP_GRACE_S)
        except (TimeoutError, ConnectionError, OSError):
            if process is not None and process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
        if process is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), STOP_GRACE_S)  # reaped here, not left to the collector
            transport = getattr(process, "_transport", None)  # its pipes closed now, while the loop still runs
            if transport is not None:
                transport.close()

    async def _watch_idle(self) -> None:
        period = min(30.0, self.options.idle_timeout / 4)
        while True:
            await asyncio.sleep(period)
            for ws in self.idle.expired():
                self.idle.stop(ws)
                assert isinstance(ws, web.WebSocketResponse)
                await ws.close(code=IDLE_CLOSE, message=b"idle")

    # -- running --------------------------------------------------------------

    async def start(self) -> tuple[str, int]:
        """Listen; the address and port actually bound (port 0 picks a free one)."""
        os.environ[SHARED_ENV] = "1"  # for the sessions started from here: each pupil says who is learning
        self._runner = web.AppRunner(self.web_app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.options.host, self.options.port, reuse_address=True)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or ()
        host, port = sockets[0].getsockname()[:2]  # type: ignore[misc]
        self._watcher = asyncio.create_task(self._watch_idle())
        return host, port

    async def stop(self) -> None:
        """End every session (each app saves and quits), then stop listening."""
        if self._watcher is not None:
            self._watcher.cancel()
        await asyncio.gather(*(ws.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped") for ws in list(self.sessions)))
        for _ in range(int(STOP_GRACE_S * 10)):
            if not self.sessions:
                break
            await asyncio.sleep(0.1)
        if self._runner is not None:
            await self._runner.cleanup()
