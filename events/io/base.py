"""What every file format shares: its registry entry, record validation and column checks.

Readers never stop at the first problem: they return the good events and a list of
:class:`~events.schema.FieldError` so that a user fixes a whole file in one pass. Row numbers
are as a spreadsheet shows them (a CSV header is row 1); features and placemarks count from 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import IO, Any, Literal

from rapidfuzz import process

from events.schema import Event, FieldError, FieldErrors, parse_event

Progress = Callable[[int], None] | None

# The columns of the CSV format, in its order; GeoJSON properties and KML data carry the same.
COLUMNS: tuple[str, ...] = (
    "id", "type", "date_start", "date_end", "date_precision", "actors", "observers", "places", "lat", "lon",
    "geometry", "geo_precision", "closest_approach_km", "assets", "source_url", "source_name", "published",
    "evidence", "status", "related", "notes", "confidence", "modality", "created_by", "updated_by",
)
STAMPS = ("created_at", "updated_at", "version")  # written by our GeoJSON export, accepted back on import
# Names other tools and people use for our columns: suggested, never guessed silently.
SYNONYMS = {
    "latitude": "lat", "lng": "lon", "long": "lon", "longitude": "lon", "country": "actors",
    "countries": "actors", "actor": "actors", "observer": "observers", "date": "date_start",
    "start": "date_start", "end": "date_end", "start_date": "date_start", "end_date": "date_end",
    "event_type": "type", "kind": "type", "place": "places", "location": "places", "url": "source_url",
    "link": "source_url", "source": "source_name", "outlet": "source_name", "asset": "assets",
    "aircraft": "assets", "sentence": "evidence", "text": "evidence", "note": "notes",
}


@dataclass
class Article:
    """One report to extract events from, with what its file says of its origin."""

    name: str  # for messages: "reports/a.txt" or "feed.xml item 3 ('Bombers near ...')"
    text: str | bytes
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    is_html: bool = False  # feed/JSON bodies: reduce to text even without <p>/<div> tags


@dataclass
class Problem:
    """An article or file that could not be read; ``where`` names it for the user."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def unreadable(name: str, exc: OSError) -> Problem:
    """A file the system would not let us read, named with the reason."""
    return Problem(name, f"cannot read: {exc.strerror or exc}")


EventsRead = tuple[list[Event], list[FieldError]]
ArticlesRead = tuple[list[Article], list[Problem]]


@dataclass(frozen=True)
class Format:
    """One file format: how to recognise it, read it and (for event files) write it.

    Event formats read UTF-8 text into events; article formats read bytes into articles for the
    extractor. ``sniff`` tells formats that share a suffix apart (a JSON article from GeoJSON),
    or recognises a file by content when no format claims its suffix (a feed saved as "wire" or ".dat").
    """

    name: str  # what --format and the export panel call it
    label: str
    kind: Literal["events", "articles"]
    suffixes: tuple[str, ...]
    media_type: str
    read: Callable[..., Any]  # events: (name, text, progress) -> EventsRead; articles: (name, data) -> ArticlesRead
    write: Callable[[Iterable[Event], IO[str], str], None] | None = None  # (events, file, title)
    sniff: Callable[[bytes], bool] | None = None
    claims_content: bool = False  # sniff also claims files whose suffix no format has (feeds)
    help: str = ""


def parse_into(events: list[Event], errors: list[FieldError], record: Callable[[], dict[str, Any]],
               row: int | None) -> None:
    """Validate one record: append its event, or every error it has (one bad row never stops a file)."""
    try:
        events.append(parse_event(record(), row))
    except FieldError as exc:
        errors.append(exc)
    except FieldErrors as exc:
        errors.extend(exc.errors)


def suggestion(name: str, known: Iterable[str] = COLUMNS) -> str | None:
    """The known column a misnamed one most likely means: 'latitude' -> 'lat', 'actor' -> 'actors'."""
    key = name.strip().casefold().replace(" ", "_").replace("-", "_")
    known = tuple(known)
    if key in SYNONYMS and SYNONYMS[key] in known:
        return SYNONYMS[key]
    best = process.extractOne(key, known, score_cutoff=75)
    return best[0] if best else None


def unknown_columns(names: Iterable[str], row: int | None, where: str, what: str = "column",
                    known: Iterable[str] = COLUMNS) -> list[FieldError]:
    """One error per unknown name, with the nearest known one: a misnamed column must not vanish."""
    known = tuple(known)
    out = []
    for name in names:
        if name in known:
            continue
        hint = suggestion(name, known)
        tail = f" (did you mean {hint!r}?)" if hint else f" (known: {', '.join(known)})"
        out.append(FieldError(row, where, f"unknown {what} {name!r}{tail}"))
    return out


def decode(name: str, content: bytes) -> str | FieldError:
    """UTF-8 text of an event file, or the error that says why it is not one."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return FieldError(None, "file", f"{name} is not UTF-8 text (byte {exc.start}); is it a binary file?")
    if "\x00" in text:
        return FieldError(None, "file", f"{name} contains NUL bytes; is it a binary file?")
    return text
