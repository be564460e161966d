"""GeoJSON: a FeatureCollection whose features carry the event's fields as properties."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from events.io.base import COLUMNS, STAMPS, EventsRead, Format, Progress, parse_into, unknown_columns
from events.schema import Event, FieldError

PROPERTIES = tuple(c for c in COLUMNS if c not in ("lat", "lon", "geometry")) + STAMPS
IGNORED = ("lat", "lon")  # another tool's copy of the point; the feature's geometry is the location


def read(name: str, text: str, progress: Progress = None) -> EventsRead:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [FieldError(None, "file", f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}")]
    return read_collection(data, progress)


def read_collection(data: Any, progress: Progress = None) -> EventsRead:
    """Events of a parsed FeatureCollection; an unknown property is an error naming the feature."""
    is_collection = isinstance(data, dict) and data.get("type") == "FeatureCollection"
    if not is_collection or not isinstance(data.get("features"), list):
        return [], [FieldError(None, "file", "GeoJSON must be a FeatureCollection with a features list")]
    events: list[Event] = []
    errors: list[FieldError] = []
    for i, feat in enumerate(data["features"], start=1):
        if not isinstance(feat, dict) or not isinstance(feat.get("properties"), dict):
            errors.append(FieldError(i, "feature", "not a Feature with properties"))
            continue
        props = feat["properties"]
        bad = unknown_columns([k for k in props if k not in IGNORED], i, "properties", "property", PROPERTIES)
        if bad:
            errors.extend(bad)
            continue
        rec = {k: v for k, v in props.items() if k not in IGNORED and v not in (None, "")}
        if feat.get("geometry"):
            rec["geometry"] = feat["geometry"]
            rec.setdefault("geo_precision", "place")
        parse_into(events, errors, lambda rec=rec: rec, i)
        if progress:
            progress(1)
    return events, errors


def feature(ev: Event) -> dict[str, Any]:
    props = ev.model_dump(mode="json", exclude={"geometry"})
    return {"type": "Feature", "id": ev.id, "geometry": ev.geometry, "properties": props}


def chunks(events: Iterable[Event]) -> Iterator[str]:
    """Stream a FeatureCollection so 100,000 events never sit in memory as one string."""
    yield '{"type":"FeatureCollection","features":[\n'
    first = True
    for ev in events:
        yield ("" if first else ",\n") + json.dumps(feature(ev), ensure_ascii=False, separators=(",", ":"))
        first = False
    yield "\n]}\n"


def write(events: Iterable[Event], f: IO[str], title: str = "") -> None:
    for chunk in chunks(events):
        f.write(chunk)


FORMAT = Format("geojson", "GeoJSON", "events", (".geojson", ".json"), "application/geo+json", read, write,
                help="The events shown, for GIS tools")
