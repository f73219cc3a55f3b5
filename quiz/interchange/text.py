"""Text from other programs made plain: bytes decoded with a clear refusal, HTML flattened, controls removed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quiz.deck.errors import DeckError, Problem
from quiz.shown import CONTROL_RE

BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr", "pre", "blockquote", "dd", "dt"}
)
SKIPPED_TAGS = frozenset({"script", "style", "head", "title"})
BOUNDARY = "\x00"
BOUNDARIES_RE = re.compile(r"(?:[ \t]*\x00[ \t]*)+")
SOUND_RE = re.compile(r"\[sound:([^\]]*)\]")


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The file's text: UTF-8 (a byte-order mark is allowed) unless `encoding` says otherwise.

    Other encodings are refused with the place of the first byte that is not
    UTF-8: guessing Latin-1 would silently turn a UTF-8 file with one bad byte
    into mojibake on every accented letter.
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DeckError([Problem(name, 0, 0, f"unknown encoding {encoding!r}")]) from None
        except UnicodeDecodeError as exc:
            raise DeckError([_bad_byte(data, exc, name, f"the file is not {encoding} text")]) from None
        return text.lstrip("\ufeff")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:200]):
        raise DeckError(
            [Problem(name, 1, 1, "the file is UTF-16 text (as Excel's \"Unicode Text\" saves it); "
                     "save it as UTF-8, or add --encoding utf-16")]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = (
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); it may be Latin-1 or Windows-1252: "
            "save it as UTF-8, or add --encoding cp1252"
        )
        raise DeckError([_bad_byte(data, exc, name, message)]) from None


def _bad_byte(data: bytes, exc: UnicodeDecodeError, name: str, message: str) -> Problem:
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return Problem(name, line, column, message)


class _Flattener(HTMLParser):
    """HTML -> lines of text: blocks and <br> break lines, list items get a dash, scripts are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self._skipping = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        elif tag == "pre":
            self._pre += 1
        if tag == "br":
            self.parts.append("\n")
        elif tag in BLOCK_TAGS:
            self.parts.append(BOUNDARY)
        if tag == "li":
            self.parts.append("- ")
        if tag in ("img", "audio", "video", "source", "embed", "object"):
            source = dict(attrs).get("src") or dict(attrs).get("data")
            if source:
                self.media.append(source)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED_TAGS:
            self._skipping -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in BLOCK_TAGS and tag != "br":
            self.parts.append(BOUNDARY)
        elif tag in ("td", "th"):
            self.parts.append("  ")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment, and the media files it refers to (images, sounds)."""
    media = SOUND_RE.findall(html)
    flattener = _Flattener()
    flattener.feed(SOUND_RE.sub("", html))
    flattener.close()
    text = BOUNDARIES_RE.sub("\n", "".join(flattener.parts))  # </div><div> is one line break, not two
    return tidy(text), media + flattener.media


def tidy(text: str) -> str:
    """Trimmed lines, at most one blank line in a row, no control characters, no non-breaking spaces at the ends."""
    text = CONTROL_RE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " "))
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def one_line(text: str) -> str:
    """Text for a place that holds one line (an option, a term): line breaks become spaces."""
    return " ".join(text.split())
