"""CSV: one event per row, lists joined with ``;``, a point as lat/lon, other shapes as GeoJSON text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from events.io.base import COLUMNS, EventsRead, Format, Progress, parse_into, unknown_columns
from events.schema import LIST_FIELDS, Event, FieldError

REQUIRED_COLUMNS = ("type", "date_start")
MAX_FIELD = 1_000_000  # a GeoJSON polygon in a cell can be large; beyond this it is hostile
csv.field_size_limit(MAX_FIELD)


def _number(value: str, field: str, row: int) -> float | None:
    if value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        raise FieldError(row, field, f"{value[:40]!r} is not a number") from None


def _record(raw: dict[str, str], row: int) -> dict[str, Any]:
    """Turn one CSV row into Event fields: blanks dropped, lat/lon or geometry to GeoJSON."""
    if any(v.strip() for k, v in raw.items() if not k.strip()):
        raise FieldError(row, "row", "a value in a column with no name in the header")
    rec: dict[str, Any] = {k: v for k, v in raw.items()
                           if k.strip() and k not in ("lat", "lon", "geometry") and v != ""}
    lat = _number(raw.get("lat") or "", "lat", row)
    lon = _number(raw.get("lon") or "", "lon", row)
    geom_text = (raw.get("geometry") or "").strip()
    if geom_text:
        try:
            rec["geometry"] = json.loads(geom_text)
        except json.JSONDecodeError as exc:
            raise FieldError(row, "geometry", f"not valid GeoJSON text ({exc.msg})") from None
    elif lat is not None or lon is not None:
        if lat is None or lon is None:
            raise FieldError(row, "lat" if lat is None else "lon", "lat and lon must be given together")
        rec["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
    if "geometry" in rec and "geo_precision" not in rec:
        rec["geo_precision"] = "place"
    return rec


def read(name: str, text: str, progress: Progress = None) -> EventsRead:
    """Every row validated; an unknown or missing column is an error before any row is read."""
    f = io.StringIO(text, newline="")
    events: list[Event] = []
    errors: list[FieldError] = []
    reader = csv.DictReader(f)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        return [], [FieldError(1, "header", f"unreadable CSV: {exc}")]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    problems = unknown_columns([c for c in header if c.strip()], 1, "header")  # a trailing comma is no column
    if missing:
        problems.append(FieldError(1, "header", f"missing column(s): {', '.join(missing)}"))
    if problems:
        return [], problems
    row = 1
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(FieldError(row + 1, "row", f"unreadable CSV: {exc}"))
            break
        row += 1
        if None in raw:  # more cells than header columns
            errors.append(FieldError(row, "row", f"{len(header) + len(raw[None])} cells for {len(header)} columns"))
            continue
        parse_into(events, errors, lambda raw=raw, row=row: _record(raw, row), row)
        if progress:
            progress(1)
    return events, errors


def row(ev: Event) -> dict[str, Any]:
    """One event as CSV cells."""
    d = ev.model_dump(mode="json", exclude={"created_at", "updated_at"})
    for f in LIST_FIELDS:
        d[f] = ";".join(d[f])
    pt = ev.point
    d["lat"], d["lon"] = (round(pt[0], 6), round(pt[1], 6)) if pt else ("", "")
    # A point is fully described by lat/lon; other shapes need the GeoJSON text.
    is_point = ev.geometry and ev.geometry["type"] == "Point"
    d["geometry"] = "" if not ev.geometry or is_point else json.dumps(ev.geometry, separators=(",", ":"))
    return {k: ("" if d.get(k) is None else d[k]) for k in COLUMNS}


def write(events: Iterable[Event], f: IO[str], title: str = "") -> None:
    """Row by row: 100,000 events never sit in memory as one table."""
    w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for ev in events:
        w.writerow(row(ev))


FORMAT = Format("csv", "CSV", "events", (".csv",), "text/csv", read, write,
                help="The events shown, with sources and evidence")
