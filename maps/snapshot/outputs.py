"""Every export format from one events frame and filter: what the CLI and the download buttons share.

One registry, :data:`OUTPUTS`: the pictures and pages made here (PNG, SVG, PDF, standalone
HTML, GIF, MP4) and every event file format that :mod:`events.io` can write (CSV, GeoJSON,
KML ...), so a new data format there is a new export here with no change. Heavy imports
(matplotlib, folium, ffmpeg) happen inside the format that needs them, so a CSV export does
not pay for the plotting stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from events import io as formats
from events.frame import frame_events
from events.query import EventFilter


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


def _image_options(req: Request, default_width: int) -> Any:
    from maps.snapshot.extent import parse_bbox
    from maps.snapshot.static_image import Options

    width = req.width or default_width
    if not 100 <= width <= 10_000:
        raise ValueError(f"width must be 100..10000 pixels, got {width}")
    if not 30 <= req.dpi <= 1_200:
        raise ValueError(f"dpi must be 30..1200, got {req.dpi}")
    return Options(width=width, dpi=req.dpi, bbox=parse_bbox(req.bbox) if req.bbox else None, title=req.title)
