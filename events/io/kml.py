"""KML for Google Earth users: events as Placemarks, and back again so an export re-imports losslessly.

Writing uses the standard library's ElementTree, which escapes every text and attribute
(simplekml 1.3.6 left ExtendedData values unescaped, so a ``&`` in a report broke the file).
Each event's fields ride in ``ExtendedData`` (lists joined with ``;`` as in the CSV), its dates
in a ``TimeSpan`` (Google Earth's time slider) and a readable card in ``description``.
Reading goes through defusedxml: a hostile file cannot expand entities or fetch anything.
Placemarks from other tools import too: their type defaults to ``other`` and their date comes
from ``TimeSpan``/``TimeStamp``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from html import escape
from typing import IO, Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from events.event_types import REGISTRY
from events.io.base import COLUMNS, EventsRead, Format, Progress, parse_into
from events.schema import LIST_FIELDS, FieldError, country_name

KML_NS = "http://www.opengis.net/kml/2.2"
_DATA_FIELDS = [c for c in COLUMNS if c not in ("lat", "lon", "geometry")]


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    e = ET.SubElement(parent, tag, attrib)
    if text is not None:
        e.text = text
    return e


def _coords(points: Iterable[Any]) -> str:
    return " ".join(f"{p[0]!r},{p[1]!r}" for p in points)


def _geometry(parent: ET.Element, geom: dict[str, Any]) -> None:
    t, c = geom["type"], geom["coordinates"]
    if t.startswith("Multi"):
        multi = _el(parent, "MultiGeometry")
        for part in c:
            _geometry(multi, {"type": t[5:], "coordinates": part})
    elif t == "Point":
        _el(_el(parent, "Point"), "coordinates", _coords([c]))
    elif t == "LineString":
        ls = _el(parent, "LineString")
        _el(ls, "tessellate", "1")
        _el(ls, "coordinates", _coords(c))
    elif t == "Polygon":
        poly = _el(parent, "Polygon")
        _el(poly, "tessellate", "1")
        for i, ring in enumerate(c):
            b = _el(poly, "outerBoundaryIs" if i == 0 else "innerBoundaryIs")
            _el(_el(b, "LinearRing"), "coordinates", _coords(ring))


def _description(ev: Any) -> str:
    """An HTML card; every value escaped here, and the whole escaped again as XML text."""
    names = lambda cs: ", ".join(escape(country_name(c)) for c in cs) or "—"  # noqa: E731
    rows = [("When", f"{ev.date_start}" + (f" – {ev.date_end}" if ev.date_end != ev.date_start else "")),
            ("Who", names(ev.actors)), ("Towards", names(ev.observers)),
            ("Where", escape("; ".join(ev.places)) or "—")]
    if ev.assets:
        rows.append(("Assets", escape("; ".join(ev.assets))))
    if ev.closest_approach_km is not None:
        rows.append(("Closest approach", f"{ev.closest_approach_km:g} km"))
    table = "".join(f"<tr><th align='left'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    src = escape(ev.source_name or "source")
    link = f'<a href="{escape(ev.source_url, quote=True)}">{src}</a>' if ev.source_url else src
    pub = f", {ev.published}" if ev.published else ""
    return f"<table>{table}</table><p><i>{escape(ev.evidence)}</i></p><p>{link}{pub}</p>"


def _placemark(ev: Any) -> ET.Element:
    pm = ET.Element("Placemark", {"id": ev.id})
    who = "/".join(ev.actors) or "?"
    _el(pm, "name", f"{ev.type.replace('_', ' ')} · {who} · {ev.date_start}")
    _el(pm, "description", _description(ev))
    span = _el(pm, "TimeSpan")
    _el(span, "begin", ev.date_start.isoformat())
    _el(span, "end", (ev.date_end or ev.date_start).isoformat())
    _el(pm, "styleUrl", f"#{ev.type}")
    ext = _el(pm, "ExtendedData")
    d = ev.model_dump(mode="json")
    for f in _DATA_FIELDS:
        v = d.get(f)
        if f in LIST_FIELDS:
            v = ";".join(v or [])
        if v is None or v == "":
            continue
        _el(_el(ext, "Data", name=f), "value", str(v))
    if ev.geometry:
        _geometry(pm, ev.geometry)
    return pm


def _styles() -> str:
    out = []
    for t in REGISTRY:
        s = ET.Element("Style", {"id": t.name})
        _el(_el(s, "IconStyle"), "color", t.kml_color())
        ls = _el(s, "LineStyle")
        _el(ls, "color", t.kml_color())
        _el(ls, "width", "3")
        _el(_el(s, "PolyStyle"), "color", t.kml_color("4d"))
        out.append(ET.tostring(s, encoding="unicode"))
    return "".join(out)


def iter_kml(events: Iterable[Any], name: str = "Sortie events") -> Iterator[str]:
    """Stream a KML Document, one Placemark at a time (100,000 events never sit in memory)."""
    title = ET.Element("name")
    title.text = name
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="{KML_NS}"><Document>'
    yield ET.tostring(title, encoding="unicode") + _styles() + "\n"
    for ev in events:
        yield ET.tostring(_placemark(ev), encoding="unicode") + "\n"
    yield "</Document></kml>\n"


def write(events: Iterable[Any], f: IO[str], title: str = "") -> None:
    for chunk in iter_kml(events, title or "Sortie events"):
        f.write(chunk)


# ---- reading ------------------------------------------------------------------------------


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(e: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in e if _local(c.tag) == name), None)


def _first(e: ET.Element, *names: str) -> ET.Element | None:
    """First child with one of ``names`` (not ``a or b``: an Element with no children is falsy)."""
    for n in names:
        c = _child(e, n)
        if c is not None:
            return c
    return None


def _parse_coords(text: str | None) -> list[list[float]]:
    out = []
    for tup in (text or "").split():
        parts = tup.split(",")
        if len(parts) < 2:
            raise ValueError(f"bad coordinate {tup[:40]!r}")
        out.append([float(parts[0]), float(parts[1])])
    if not out:
        raise ValueError("empty coordinates")
    return out


def _read_geometry(e: ET.Element) -> dict[str, Any]:
    kind = _local(e.tag)
    coords = lambda el: _parse_coords(next((c.text for c in el.iter() if _local(c.tag) == "coordinates"), None))  # noqa: E731
    if kind == "Point":
        return {"type": "Point", "coordinates": coords(e)[0]}
    if kind in ("LineString", "LinearRing"):
        return {"type": "LineString", "coordinates": coords(e)}
    if kind == "Polygon":
        rings = []
        for b in e:
            if _local(b.tag) in ("outerBoundaryIs", "innerBoundaryIs"):
                ring = coords(b)
                rings.insert(0, ring) if _local(b.tag) == "outerBoundaryIs" else rings.append(ring)
        return {"type": "Polygon", "coordinates": rings}
    if kind == "MultiGeometry":
        parts = [_read_geometry(c) for c in e if _local(c.tag) in _GEOMS]
        kinds = {p["type"] for p in parts}
        if len(kinds) != 1:
            raise ValueError("MultiGeometry must hold one kind of geometry")
        (k,) = kinds
        return {"type": "Multi" + k, "coordinates": [p["coordinates"] for p in parts]}
    raise ValueError(f"unsupported geometry {kind}")


_GEOMS = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry")


def _record(pm: ET.Element, row: int) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    for e in pm.iter():
        tag = _local(e.tag)
        if tag == "Data" and e.get("name") in _DATA_FIELDS:
            v = _child(e, "value")
            rec[e.get("name")] = (v.text or "") if v is not None else ""
        elif tag == "SimpleData" and e.get("name") in _DATA_FIELDS:  # ogr/QGIS exports
            rec[e.get("name")] = e.text or ""
    rec = {k: v for k, v in rec.items() if v != ""}
    when = _first(pm, "TimeSpan", "TimeStamp")
    if when is not None:
        begin, end = _first(when, "begin", "when"), _child(when, "end")
        if begin is not None and begin.text:
            rec.setdefault("date_start", begin.text.strip()[:10])
        if end is not None and end.text:
            rec.setdefault("date_end", end.text.strip()[:10])
    if "type" not in rec:  # a Placemark from another tool
        rec["type"] = "other"
        name = _child(pm, "name")
        if name is not None and name.text and "notes" not in rec:
            rec["notes"] = name.text.strip()[:5000]
    geom = next((c for c in pm if _local(c.tag) in _GEOMS), None)
    if geom is not None:
        try:
            rec["geometry"] = _read_geometry(geom)
        except ValueError as exc:
            raise FieldError(row, "geometry", str(exc)) from None
        rec.setdefault("geo_precision", "place")
    return rec


def read(name: str, text: str, progress: Progress = None) -> EventsRead:
    """Events from a KML document; rows are Placemarks counted from 1, as in the GeoJSON reader."""
    try:
        root = DET.fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException as exc:
        return [], [FieldError(None, "file", f"KML refused: {type(exc).__name__} (DTDs and entities are not allowed)")]
    except ET.ParseError as exc:
        return [], [FieldError(None, "file", f"not valid XML: {exc}")]
    if _local(root.tag) != "kml":
        return [], [FieldError(None, "file", f"not a KML document (root element is <{_local(root.tag)}>)")]
    events, errors = [], []
    for i, pm in enumerate((e for e in root.iter() if _local(e.tag) == "Placemark"), start=1):
        parse_into(events, errors, lambda pm=pm, i=i: _record(pm, i), i)
        if progress:
            progress(1)
    return events, errors


FORMAT = Format("kml", "KML", "events", (".kml",), "application/vnd.google-earth.kml+xml", read, write,
                help="The events shown, for Google Earth")
