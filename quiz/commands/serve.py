"""`quiz serve [--host H] [--port P] [--exam DECK ...]`: the app in pupils' browsers, served from one machine."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import TYPE_CHECKING

from .exam import NEGATIVE_VALUE, _positive, _time_limit

if TYPE_CHECKING:
    from quiz.serve.server import ServeOptions

LOOPBACK = "127.0.0.1"


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0 to 65535; 0 picks a free one)")
    return value


def _sessions(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("at least one session")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    parser._negative_number_matcher = NEGATIVE_VALUE  # see `exam`: `--time -5m` is a value, explained by the check
    parser.add_argument("--host", default=LOOPBACK, help="address to listen on (default 127.0.0.1: this computer only; "
                        "0.0.0.0 for the class's network, which asks for a class code)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--data-dir", dest="serve_data_dir", metavar="DIR",
                        help="where every pupil's progress and tests are stored (default: as for `quiz`)")
    parser.add_argument("--lang", dest="serve_lang", choices=("de", "en"),
                        help="every page in this language (default: each browser's language)")
    parser.add_argument("--code", metavar="CODE",
                        help="the class code to ask for (default: a new random one; always asked off this computer)")
    parser.add_argument("--sessions", type=_sessions, default=60, metavar="N",
                        help="pupils at once (default 60); more get a page saying the class is full")
    parser.add_argument("--idle-timeout", type=_time_limit, default=30 * 60.0, metavar="DURATION",
                        help="end a session after this long without a key or a click (default 30m); answers stay saved")
    parser.add_argument("--deck", metavar="DECK", help="every pupil studies this deck straight away (default: the deck list)")
    parser.add_argument("--exam", metavar="DECK", help="every pupil takes this test (a deck file or a bundled deck id)")
    parser.add_argument("--questions", "-n", type=_positive, default=20, metavar="N", help="questions of the test (default 20)")
    parser.add_argument("--time", metavar="DURATION", help="time limit of the test, e.g. 15m; untimed if left out")
    parser.add_argument("--seed", metavar="S", help="the test's seed (default: a new one, printed)")


def _exam_args(args: argparse.Namespace) -> tuple[list[str], list[str]] | None:
    """The pupils' and the teacher's commands for a class test; None after printing why the test cannot be set."""
    from quiz.classroom.exam import ExamError, draw, new_seed

    from ._decks import deck_or_report

    if args.exam is None:
        for option in ("time", "seed"):
            if getattr(args, option) is not None:
                print(f"--{option} is for a class test: give --exam DECK too", file=sys.stderr)
                return None
        if args.deck is None:
            return [], ["watch"]
        deck = deck_or_report(args.deck)  # checked here, so a broken deck is named before anyone joins
        if deck is None:
            return None
        return ["play", _spec(args.deck)], ["watch"]
    if args.deck is not None:
        print("--deck and --exam: give one of them", file=sys.stderr)
        return None
    if args.time is not None:
        try:
            _time_limit(args.time)
        except argparse.ArgumentTypeError as error:
            print(f"--time: {error}", file=sys.stderr)
            return None
    deck = deck_or_report(args.exam)
    if deck is None:
        return None
    seed = args.seed if args.seed is not None else new_seed()
    try:
        paper = draw(deck, args.questions, seed)
    except ExamError as error:
        print(f"{args.exam}: {error}", file=sys.stderr)
        return None
    if len(paper.questions) < args.questions:
        print(f"{deck.id} has {len(paper.questions)} questions for a test; all of them are asked", file=sys.stderr)
    pupil = ["exam", _spec(args.exam), "--questions", str(args.questions), "--seed", seed]
    if args.time is not None:
        pupil += ["--time", args.time]
    args.seed = seed
    return pupil, ["watch", "--deck", deck.id, "--seed", seed]


def _spec(deck: str) -> str:
    """A deck file by its whole path (sessions need not start where the server did); a bundled id as it is."""
    from pathlib import Path

    return str(Path(deck).resolve()) if Path(deck).is_file() else deck


def _addresses(host: str, port: int) -> list[str]:
    """What pupils type: this computer's addresses when listening on all of them."""
    import socket

    if host not in ("0.0.0.0", "::", ""):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if not ipaddress.ip_address(address).is_loopback and address not in found:
            found.append(address)
    return [f"http://{a}:{port}/" for a in found] or [f"http://<this computer's address>:{port}/"]


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    import asyncio

    from quiz.serve.codes import new_code, normalize
    from quiz.serve.server import ServeOptions
    from quiz.store import data_dir

    commands = _exam_args(args)
    if commands is None:
        return 1
    if args.code is not None and len(normalize(args.code)) < 4:
        print("--code: a class code needs at least 4 letters or digits", file=sys.stderr)
        return 1
    local = _loopback(args.host)
    options = ServeOptions(
        data_dir=data_dir(args.serve_data_dir or args.data_dir).resolve(),
        host=args.host,
        port=args.port,
        language=args.serve_lang or args.lang,
        class_code=None if local and args.code is None else (args.code or new_code()),
        teacher_code=new_code(8),
        sessions=args.sessions,
        idle_timeout=args.idle_timeout,
        pupil_args=commands[0],
        teacher_args=commands[1],
    )
    options.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        return asyncio.run(_serve(options, args))
    except KeyboardInterrupt:
        return 130


async def _serve(options: ServeOptions, args: argparse.Namespace) -> int:
    import asyncio
    import signal

    from quiz.serve.server import ClassServer

    server = ClassServer(options)
    try:
        host, port = await server.start()
    except OSError as error:
        print(f"cannot listen on {options.host} port {options.port}: {error.strerror or error}", file=sys.stderr)
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    where = _addresses(options.host, port)
    lines = [f"quiz serve: {', '.join(where)}" + ("  (this computer only)" if _loopback(options.host) else "")]
    if options.class_code is not None:
        lines.append(f"class code: {options.class_code}")
    if args.exam is not None:
        timed = f", {args.time}" if args.time else ", untimed"
        lines.append(f"class test: {args.exam}, {args.questions} questions{timed}, seed {args.seed}")
    lines.append(f"teacher's live view: {where[0]}teacher  teacher code: {options.teacher_code}")
    lines.append(f"progress stored in {options.data_dir}")
    lines.append("Ctrl+C ends every session (answers are saved), then: quiz report --data-dir " + str(options.data_dir))
    print("\n".join(lines), flush=True)
    await stop.wait()
    print("ending the sessions…", file=sys.stderr, flush=True)
    await server.stop()
    print(f"{server.served} sessions served. The report: quiz report --data-dir {options.data_dir}", file=sys.stderr)
    return 0
