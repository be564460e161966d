"""Every export format from one events frame and filter: what the CLI and the download buttons share.

One registry, :data:`OUTPUTS`: the pictures and pages made here (PNG, SVG, PDF, standalone
HTML, GIF, MP4) and every event file format that :mod:`events.io` can write (CSV, GeoJSON,
KML ...), so a new data format there is a new export here with no change. Heavy imports
(matplotlib, folium, ffmpeg) happen inside the format that needs them, so a CSV export does
not pay for the plotting stack.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

import pandas as pd

from events import io as formats
from events.frame import decode_json, events_frame, frame_events
from events.query import EventFilter
from events.store import Store
from events.tables import JSON_COLUMNS


@dataclass(frozen=True)
class Request:
    """What to make: format, title and the image options (ignored by data formats)."""

    fmt: str
    title: str = "Reported military activity"
    width: int | None = None  # pixels; default 1600 for images, 1200 for animations
    dpi: int = 100
    bbox: str | None = None  # W,S,E,N text, validated by maps.snapshot.extent.parse_bbox


@dataclass(frozen=True)
class Output:
    name: str  # also the file suffix
    label: str
    media_type: str
    help: str
    make: Callable[[pd.DataFrame, EventFilter, Request], bytes]


def _image(df: pd.DataFrame, flt: EventFilter, req: Request) -> bytes:
    from maps.snapshot.static_image import render_image

    return render_image(df, flt, req.fmt, _image_options(req, 1600))


def _animation(df: pd.DataFrame, flt: EventFilter, req: Request) -> bytes:
    from maps.animation import render_animation

    return render_animation(df, flt, req.fmt, _image_options(req, 1200))


def _html(df: pd.DataFrame, flt: EventFilter, req: Request) -> bytes:
    from maps.standalone import standalone_html

    return standalone_html(df, title=req.title, start=flt.date_from, end=flt.date_to).encode("utf-8")


def _data(fmt: str) -> Callable[[pd.DataFrame, EventFilter, Request], bytes]:
    def make(df: pd.DataFrame, flt: EventFilter, req: Request) -> bytes:
        return formats.to_text(fmt, frame_events(df), req.title).encode("utf-8")

    return make


OUTPUTS: dict[str, Output] = {o.name: o for o in (
    Output("png", "PNG", "image/png", "Image for screens and slides", _image),
    Output("svg", "SVG", "image/svg+xml", "Vector image, editable in Inkscape or Illustrator", _image),
    Output("pdf", "PDF", "application/pdf", "Vector PDF page", _image),
    Output("html", "HTML", "text/html", "Interactive map in one file: opens offline, no server", _html),
    Output("gif", "GIF", "image/gif", "Timeline animation, one frame per day or week", _animation),
    Output("mp4", "MP4", "video/mp4", "Timeline animation as video", _animation),
    *(Output(f.name, f.label, f.media_type, f.help, _data(f.name)) for f in formats.writable()),
)}
FORMATS = tuple(OUTPUTS)
MIME = {k: o.media_type for k, o in OUTPUTS.items()}


def make(df: pd.DataFrame, flt: EventFilter, req: Request) -> bytes:
    """The file's bytes; raises ValueError with a readable message for a bad request."""
    out = OUTPUTS.get(req.fmt.lower())
    if out is None:
        raise ValueError(f"unsupported format {req.fmt!r}: use one of {', '.join(FORMATS)}")
    return out.make(df, flt, Request(out.name, req.title, req.width, req.dpi, req.bbox))


def _decode(df: pd.DataFrame, columns: tuple[str, ...] = JSON_COLUMNS) -> pd.DataFrame:
    """JSON text columns of a ``Store.scan(json_text=True)`` chunk -> lists and dicts (None stays None)."""
    for c in columns:
        if c in df:
            df[c] = decode_json(df[c])
    return df


def export(store: Store, flt: EventFilter, req: Request, f: IO[bytes]) -> int:
    """Write ``req``'s output of the store's events matching ``flt`` to ``f``; returns how many.

    Reads the way each output needs instead of one frame of every event: event files row by row
    (memory holds one chunk), the standalone page chunk by chunk into its compact columns, with
    the list columns left as JSON text, pictures and animations from the few columns they draw.
    ``make`` stays the path for a frame already in memory (the app's download buttons).
    """
    out = OUTPUTS.get(req.fmt.lower())
    if out is None:
        raise ValueError(f"unsupported format {req.fmt!r}: use one of {', '.join(FORMATS)}")
    req = Request(out.name, req.title, req.width, req.dpi, req.bbox)
    if out.make is _html:
        return _export_page(store, flt, req, f)
    if out.make in (_image, _animation):
        return _export_picture(store, flt, req, f, out)
    return _export_events(store, flt, req, f)


def _export_events(store: Store, flt: EventFilter, req: Request, f: IO[bytes]) -> int:
    """An event file, written as the rows arrive."""
    n = 0

    def events() -> Iterator[Any]:
        nonlocal n
        for chunk in store.scan(flt):
            n += len(chunk)
            yield from frame_events(chunk)

    text = io.TextIOWrapper(f, encoding="utf-8", newline="")
    formats.write(req.fmt, events(), text, req.title)
    text.flush()
    text.detach()
    return n


def _export_page(store: Store, flt: EventFilter, req: Request, f: IO[bytes]) -> int:
    """The standalone page: each chunk prepared and its cards gzip'd as it arrives."""
    from maps.labels import marine_labels
    from maps.pack import CardWriter
    from maps.payload import FIELDS, prepare
    from maps.standalone import standalone_html
    from maps.zones import zone_entries

    marine_labels()  # first: the gazetteer they come from is let go before the events arrive
    light, preps, cards, entries = [], [], CardWriter(), []
    lo, hi = flt.date_from, flt.date_to
    for chunk in store.scan(flt, FIELDS, json_text=True, chunk=10_000):
        prep = prepare(chunk)
        entries.extend(zone_entries(chunk))  # where routes enter an ADIZ: the light frame has no shapes
        cards.add(prep.pop("card").tolist())
        preps.append(prep)
        # what the page's options and extent read besides the prepared columns (the timeline's
        # ends are kept as two dates, not a date per event)
        lo = min(lo or date.max, min(chunk["date_start"])) if flt.date_from is None else lo
        hi = max(hi or date.min, max(chunk["date_end"])) if flt.date_to is None else hi
        light.append(_decode(chunk[["type", "lat", "lon", "actors", "observers", "date_start", "date_end"]],
                             ("actors", "observers")))  # the dates: when approached borders light up
        del chunk
    df = pd.concat(light, ignore_index=True) if light else events_frame([])
    prep = pd.concat(preps, ignore_index=True) if preps else prepare(df).drop(columns="card")
    del light, preps
    html = standalone_html(df, title=req.title, start=lo, end=hi, prepared=prep, cards=cards.close(),
                           zone_entries=entries)
    f.write(html.encode("utf-8"))
    return len(df)


def _export_picture(store: Store, flt: EventFilter, req: Request, f: IO[bytes], out: Output) -> int:
    """A picture or an animation: first the few columns a dense one reads; only a view small
    enough for a symbol per event is read again with the columns of its shapes and labels."""
    from maps.snapshot.static_image import COLUMNS, DENSE_COLUMNS, DENSE_JSON, is_dense

    frames = list(store.scan(flt, DENSE_COLUMNS, json_text=True))
    df = pd.concat(frames, ignore_index=True) if frames else events_frame([])
    del frames
    if is_dense(df):
        df = _decode(df, DENSE_JSON)
    else:
        frames = [_decode(c) for c in store.scan(flt, COLUMNS, json_text=True)]
        df = pd.concat(frames, ignore_index=True) if frames else events_frame([])
    f.write(out.make(df, flt, req))
    return len(df)


def _image_options(req: Request, default_width: int) -> Any:
    from maps.snapshot.extent import parse_bbox
    from maps.snapshot.static_image import Options

    width = req.width or default_width
    if not 100 <= width <= 10_000:
        raise ValueError(f"width must be 100..10000 pixels, got {width}")
    if not 30 <= req.dpi <= 1_200:
        raise ValueError(f"dpi must be 30..1200, got {req.dpi}")
    return Options(width=width, dpi=req.dpi, bbox=parse_bbox(req.bbox) if req.bbox else None, title=req.title)
