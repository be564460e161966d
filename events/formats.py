"""CSV and GeoJSON <-> Event conversion, with every bad row and field reported.

Readers never stop at the first problem: they return the good events and a list of
:class:`FieldError` so that a user fixes a whole file in one pass. Row numbers are as a
spreadsheet shows them (the CSV header is row 1); GeoJSON features count from 1.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from events.schema import Event, FieldError, FieldErrors, parse_event

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "actors",
    "observers",
    "places",
    "lat",
    "lon",
    "geometry",
    "geo_precision",
    "closest_approach_km",
    "assets",
    "source_url",
    "source_name",
    "published",
    "evidence",
    "status",
    "related",
    "notes",
)
REQUIRED_COLUMNS = ("type", "date_start")
MAX_FIELD = 1_000_000  # a GeoJSON polygon in a cell can be large; beyond this it is hostile
csv.field_size_limit(MAX_FIELD)

Progress = Callable[[int], None] | None


def _number(value: str, field: str, row: int) -> float | None:
    if value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        raise FieldError(row, field, f"{value[:40]!r} is not a number") from None


def _csv_record(raw: dict[str, str], row: int) -> dict[str, Any]:
    """Turn one CSV row into Event fields: blanks dropped, lat/lon or geometry to GeoJSON."""
    rec: dict[str, Any] = {k: v for k, v in raw.items() if k in CSV_COLUMNS and k not in ("lat", "lon") and v != ""}
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


def parse_into(events: list[Event], errors: list[FieldError], record: Callable[[], dict[str, Any]],
               row: int | None) -> None:
    """Validate one record: append its event, or every error it has (one bad row never stops a file)."""
    try:
        events.append(parse_event(record(), row))
    except FieldError as exc:
        errors.append(exc)
    except FieldErrors as exc:
        errors.extend(exc.errors)


def read_csv(f: IO[str], progress: Progress = None) -> tuple[list[Event], list[FieldError]]:
    events: list[Event] = []
    errors: list[FieldError] = []
    reader = csv.DictReader(f)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        return [], [FieldError(1, "header", f"unreadable CSV: {exc}")]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [FieldError(1, "header", f"missing column(s): {', '.join(missing)}")]
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
        parse_into(events, errors, lambda raw=raw, row=row: _csv_record(raw, row), row)
        if progress:
            progress(1)
    return events, errors


def read_geojson(data: Any, progress: Progress = None) -> tuple[list[Event], list[FieldError]]:
    is_collection = isinstance(data, dict) and data.get("type") == "FeatureCollection"
    if not is_collection or not isinstance(data.get("features"), list):
        return [], [FieldError(None, "file", "GeoJSON must be a FeatureCollection with a features list")]
    events: list[Event] = []
    errors: list[FieldError] = []
    for i, feat in enumerate(data["features"], start=1):
        if not isinstance(feat, dict) or not isinstance(feat.get("properties"), dict):
            errors.append(FieldError(i, "feature", "not a Feature with properties"))
            continue
        rec = {k: v for k, v in feat["properties"].items() if k in CSV_COLUMNS and k not in ("lat", "lon", "geometry")}
        rec = {k: v for k, v in rec.items() if v not in (None, "")}
        if feat.get("geometry"):
            rec["geometry"] = feat["geometry"]
            rec.setdefault("geo_precision", "place")
        parse_into(events, errors, lambda rec=rec: rec, i)
        if progress:
            progress(1)
    return events, errors


def read_bytes(name: str, content: bytes, progress: Progress = None) -> tuple[list[Event], list[FieldError]]:
    """Parse an uploaded or on-disk file by its extension; undecodable input is an error, not a crash."""
    suffix = Path(name).suffix.lower()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [FieldError(None, "file", f"{name} is not UTF-8 text (byte {exc.start}); is it a binary file?")]
    if "\x00" in text:
        return [], [FieldError(None, "file", f"{name} contains NUL bytes; is it a binary file?")]
    if suffix == ".csv":
        return read_csv(io.StringIO(text, newline=""), progress)
    if suffix == ".kml":
        from events.kml import read_kml  # late: events.kml builds on this module

        return read_kml(text.encode("utf-8"), progress)
    if suffix in (".geojson", ".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return [], [FieldError(None, "file", f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}")]
        return read_geojson(data, progress)
    return [], [FieldError(None, "file", f"unsupported file type {suffix or '(none)'}: use .csv, .geojson or .kml")]


def read_file(path: Path | str, progress: Progress = None) -> tuple[list[Event], list[FieldError]]:
    path = Path(path)
    return read_bytes(path.name, path.read_bytes(), progress)


# ---- writing ------------------------------------------------------------------------------


def csv_row(ev: Event) -> dict[str, Any]:
    d = ev.model_dump(mode="json", exclude={"created_at", "updated_at"})
    for f in ("actors", "observers", "places", "assets", "related"):
        d[f] = ";".join(d[f])
    pt = ev.point
    d["lat"], d["lon"] = (round(pt[0], 6), round(pt[1], 6)) if pt else ("", "")
    # A point is fully described by lat/lon; other shapes need the GeoJSON text.
    is_point = ev.geometry and ev.geometry["type"] == "Point"
    d["geometry"] = "" if not ev.geometry or is_point else json.dumps(ev.geometry, separators=(",", ":"))
    return {k: ("" if d.get(k) is None else d[k]) for k in CSV_COLUMNS}


def write_csv(events: Iterable[Event], f: IO[str]) -> int:
    w = csv.DictWriter(f, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(csv_row(ev))
        n += 1
    return n


def geojson_feature(ev: Event) -> dict[str, Any]:
    props = ev.model_dump(mode="json", exclude={"geometry"})
    return {"type": "Feature", "id": ev.id, "geometry": ev.geometry, "properties": props}


def iter_geojson(events: Iterable[Event]) -> Iterator[str]:
    """Stream a FeatureCollection so 100,000 events never sit in memory as one string."""
    yield '{"type":"FeatureCollection","features":[\n'
    first = True
    for ev in events:
        yield ("" if first else ",\n") + json.dumps(geojson_feature(ev), ensure_ascii=False, separators=(",", ":"))
        first = False
    yield "\n]}\n"


def write_geojson(events: Iterable[Event], f: IO[str]) -> None:
    for chunk in iter_geojson(events):
        f.write(chunk)
