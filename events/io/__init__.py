"""File formats, one module each, in one registry read by the CLI, the Ingest page and the exports.

Event files (CSV, GeoJSON, KML) hold events and can be written; article files (text, HTML,
Markdown, JSON articles, RSS/Atom feeds) hold reports for the extractor. Adding a format is a
module that defines a :class:`~events.io.base.Format` and one line in :data:`FORMATS`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from events.io import articles, csv_file, feeds, geojson, kml
from events.io.base import COLUMNS, Article, ArticlesRead, EventsRead, Format, Problem, Progress, decode, unreadable
from events.schema import Event, FieldError

FORMATS: tuple[Format, ...] = (
    csv_file.FORMAT, geojson.FORMAT, kml.FORMAT,
    articles.TEXT, articles.HTML, articles.MARKDOWN, articles.JSON, feeds.FORMAT,
)
MAX_ARTICLE_BYTES = 20_000_000  # a feed of a few hundred items; anything bigger is a mistake

__all__ = ["COLUMNS", "FORMATS", "Article", "Format", "Problem", "by_name", "collect", "detect", "read_articles",
           "read_events", "read_file", "suffixes", "to_text", "writable", "write"]


def by_name(name: str) -> Format:
    for f in FORMATS:
        if f.name == name:
            return f
    raise KeyError(f"unknown format {name!r}: use one of {', '.join(f.name for f in FORMATS)}")


def writable() -> tuple[Format, ...]:
    """The formats events can be exported to, in registry order."""
    return tuple(f for f in FORMATS if f.write is not None)


def suffixes(kind: str | None = None) -> list[str]:
    """Every suffix read (of one kind), without the dot, e.g. for an upload widget's ``type``."""
    return list(dict.fromkeys(s.lstrip(".") for f in FORMATS if kind in (None, f.kind) for s in f.suffixes))


def detect(name: str, data: bytes, kind: str | None = None) -> Format | None:
    """The format of a file by its suffix, asking the content where formats share one (.json) or
    where the suffix says nothing (a feed saved as .dat); None if no format takes it."""
    suffix = Path(name).suffix.lower()
    pool = [f for f in FORMATS if kind in (None, f.kind)]
    same = [f for f in pool if suffix in f.suffixes]
    if len(same) > 1:
        sniffed = next((f for f in same if f.sniff and f.sniff(data)), None)
        return sniffed or next((f for f in same if f.sniff is None), same[0])
    if same:
        return same[0]
    return next((f for f in pool if f.claims_content and f.sniff and f.sniff(data)), None)


def _unsupported(name: str) -> str:
    return f"unsupported file type {Path(name).suffix or '(none)'}: use {', '.join('.' + s for s in suffixes())}"


def read_events(name: str, data: bytes, progress: Progress = None) -> EventsRead:
    """An event file's events and every problem in it; undecodable input is an error, not a crash."""
    fmt = detect(name, data, "events")
    if fmt is None:
        return [], [FieldError(None, "file", _unsupported(name))]
    text = decode(name, data)
    if isinstance(text, FieldError):
        return [], [text]
    return fmt.read(name, text, progress)


def read_file(path: Path | str, progress: Progress = None) -> EventsRead:
    """An event file on disk (the sample, a benchmark's CSV)."""
    path = Path(path)
    return read_events(path.name, path.read_bytes(), progress)


def read_articles(name: str, data: bytes) -> ArticlesRead:
    """An article file's article(s): a page, a JSON article (or a list of them), a feed's items."""
    if len(data) > MAX_ARTICLE_BYTES:
        return [], [Problem(name, f"{len(data) / 1e6:.0f} MB is too big for an article or feed")]
    fmt = detect(name, data, "articles")
    if fmt is None:
        return [], [Problem(name, _unsupported(name))]
    return fmt.read(name, data)


def _read_file(path: Path, name: str) -> ArticlesRead:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:  # checked before reading anything
            return [], [Problem(name, f"{size / 1e6:.0f} MB is too big for an article or feed")]
        return read_articles(name, path.read_bytes())
    except OSError as exc:
        return [], [unreadable(name, exc)]


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(4096)
    except OSError:
        return b""


def collect(path: Path) -> tuple[list[Article], list[Problem], list[str]]:
    """Every article under a folder (searched recursively, sorted by name), or of one file.

    Returns (articles, problems, skipped): hidden files are ignored; other files that are not
    articles (images, event files) are listed as skipped so the user sees them.
    """
    if path.is_file():
        return (*_read_file(path, path.name), [])
    arts: list[Article] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    for f in sorted(path.rglob("*")):
        rel = f.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not f.is_file():
            continue
        if detect(f.name, _head(f), "articles") is None:
            skipped.append(rel.as_posix())
            continue
        a, p = _read_file(f, rel.as_posix())
        arts.extend(a)
        problems.extend(p)
    return arts, problems, skipped


def write(fmt: str, events: Iterable[Event], f: IO[str], title: str = "") -> None:
    """Stream ``events`` in an event format (csv, geojson, kml) to a text file."""
    spec = by_name(fmt)
    if spec.write is None:
        raise ValueError(f"{spec.label} files are read, not written")
    spec.write(events, f, title)


def to_text(fmt: str, events: Iterable[Event], title: str = "") -> str:
    buf = io.StringIO()
    write(fmt, events, buf, title)
    return buf.getvalue()
