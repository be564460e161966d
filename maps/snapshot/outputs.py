"""Every export format from one events frame and filter: what the CLI and the download buttons share.

Heavy imports (matplotlib, folium, ffmpeg) happen inside the format that needs them, so a
CSV export does not pay for the plotting stack.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from events.query import EventFilter
from events.schema import Event

FORMATS = ("png", "svg", "pdf", "html", "gif", "mp4", "csv", "geojson", "kml")
MIME = {
    "png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html",
    "gif": "image/gif", "mp4": "video/mp4", "csv": "text/csv", "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
}
_EVENT_FIELDS = set(Event.model_fields)


@dataclass(frozen=True)
class Request:
    """What to make: format, title and the image options (ignored by data formats)."""

    fmt: str
    title: str = "Reported military activity"
    width: int | None = None  # pixels; default 1600 for images, 1200 for animations
    dpi: int = 100
    bbox: str | None = None  # W,S,E,N text, validated by maps.snapshot.extent.parse_bbox


def frame_events(df: pd.DataFrame) -> Iterator[Event]:
    """Rows of a store frame back to Events (the data writers take Events), NaN read as absent."""
    for rec in df.to_dict("records"):
        d: dict[str, Any] = {}
        for k, v in rec.items():
            if k not in _EVENT_FIELDS or v is None or (isinstance(v, float) and math.isnan(v)):
                continue
            d[k] = v
        if isinstance(d.get("geometry"), str):
            d["geometry"] = json.loads(d["geometry"])
        for k in ("created_at", "updated_at"):
            if k in d and hasattr(d[k], "to_pydatetime"):
                d[k] = d[k].to_pydatetime()
        yield Event.model_validate(d)


def make(df: pd.DataFrame, flt: EventFilter, req: Request) -> bytes:
    """The file's bytes; raises ValueError with a readable message for a bad request."""
    fmt = req.fmt.lower()
    if fmt in ("csv", "geojson"):
        from events.formats import write_csv, write_geojson

        buf = io.StringIO()
        (write_csv if fmt == "csv" else write_geojson)(frame_events(df), buf)
        return buf.getvalue().encode("utf-8")
    if fmt == "kml":
        from events.kml import kml_text

        return kml_text(frame_events(df), name=req.title).encode("utf-8")
    if fmt == "html":
        from maps.standalone import standalone_html

        return standalone_html(df, title=req.title, start=flt.date_from, end=flt.date_to).encode("utf-8")
    opts = _image_options(req, default_width=1200 if fmt in ("gif", "mp4") else 1600)
    if fmt in ("png", "svg", "pdf"):
        from maps.snapshot.static_image import render_image

        return render_image(df, flt, fmt, opts)
    if fmt in ("gif", "mp4"):
        from maps.animation import render_animation

        return render_animation(df, flt, fmt, opts)
    raise ValueError(f"unsupported format {req.fmt!r}: use one of {', '.join(FORMATS)}")


def _image_options(req: Request, default_width: int) -> Any:
    from maps.snapshot.extent import parse_bbox
    from maps.snapshot.static_image import Options

    width = req.width or default_width
    if not 100 <= width <= 10_000:
        raise ValueError(f"width must be 100..10000 pixels, got {width}")
    if not 30 <= req.dpi <= 1_200:
        raise ValueError(f"dpi must be 30..1200, got {req.dpi}")
    return Options(width=width, dpi=req.dpi, bbox=parse_bbox(req.bbox) if req.bbox else None, title=req.title)
