"""Turn whatever a user hands us (bytes, text, HTML) into clean article text, or refuse clearly.

The extractor is fed pasted text, uploaded files and feed items. Garbage in must give a
message a person can act on, never a traceback, so every refusal is an :class:`InputError`.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

MAX_CHARS = 1_000_000  # ~10x the longest news report; a 5 MB "article" is a mistake, not news
MIN_LETTERS = 20  # fewer letters than this cannot describe an event


class InputError(ValueError):
    """Input that cannot be an article; the message is meant for the user."""


_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|script|head|span|br)\b", re.I)


class _TextOnly(HTMLParser):
    """Stdlib fallback: keep text, drop script/style/noscript, break lines at blocks."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Article text of an HTML page: trafilatura when installed (drops menus too), else stdlib."""
    text = None
    try:
        import trafilatura  # optional: better boilerplate removal

        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    except Exception:  # trafilatura missing or choking on odd markup: fall back below
        text = None
    if not text:
        parser = _TextOnly()
        parser.feed(html)
        parser.close()
        text = "".join(parser.parts)
    return text


def decode(data: bytes) -> str:
    """Bytes -> str; refuse binary files (NUL bytes, undecodable or mostly control characters)."""
    if b"\x00" in data[:65536]:
        raise InputError("the file looks binary (it contains NUL bytes); give a text, HTML or JSON article")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError("the file is not UTF-8 or Windows-1252 text")


def clean_input(raw: str | bytes) -> str:
    """Validate and normalise an article; raises InputError with a user-facing reason."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_CHARS * 4:
            raise InputError(f"the input is {len(raw) / 1e6:.1f} MB; an article is at most {MAX_CHARS // 1000} kB")
        raw = decode(raw)
    if len(raw) > MAX_CHARS:
        raise InputError(f"the input has {len(raw):,} characters; an article is at most {MAX_CHARS:,}")
    if not raw.strip():
        raise InputError("the input is empty")
    sample = raw[:20000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(5, len(sample) // 100):
        raise InputError("the input looks binary (many control characters); give article text")
    if _HTML_HINT.search(sample):
        raw = html_to_text(raw)
    raw = unicodedata.normalize("NFKC", raw).replace("\r\n", "\n").replace("\r", "\n")
    raw = "".join(c for c in raw if unicodedata.category(c) != "Cc" or c in "\n\t")
    if sum(c.isalpha() for c in raw) < MIN_LETTERS:
        raise InputError("the input has almost no text; nothing to extract")
    return raw
