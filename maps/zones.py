"""Air defence identification zones and disputed islands as an optional map layer, and where
each route first enters a zone.

Analysts read an incursion against the zone it entered: the layer outlines every ADIZ the
gazetteer has (``geo``'s derived data, with their sources), marks the disputed islands with
both names, and puts a small marker where a route crosses into a zone. Zones and islands are
the same for every map (built once per process); the entries depend on the events in view, so
they are computed per map, with shapely on arrays (most events are points and are skipped by a
string test, routes are bbox-filtered against the zones before any exact test).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np
import orjson
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template
from shapely.geometry import mapping, shape
from shapely.ops import polylabel

from events.schema import country_name
from geo.gazetteer import default_gazetteer, gazetteer_loaded, open_gazetteer
from maps import payload as pl
from maps.assets import sortie_js

LAYER_NAME = "Air defence zones and disputed islands"
# Map labels: the gazetteer's names are the full official titles, kept for the tooltip.
SHORT_NAMES = {"CHN": "China ECS ADIZ", "KOR": "KADIZ", "JPN": "JADIZ", "TWN": "Taiwan ADIZ"}
# Disputed features by their gazetteer name: the label with the names each side uses, and the
# group an analyst may know them by. Others show their gazetteer name.
DUAL_NAMES = {
    "Liancourt Rocks": ("Dokdo / Takeshima", ""),
    "Senkaku Islands": ("Senkaku / Diaoyu Islands", ""),
    "Iturup": ("Iturup / Etorofu", "southern Kuril Islands (Japan: Northern Territories)"),
    "Kunashir": ("Kunashir / Kunashiri", "southern Kuril Islands (Japan: Northern Territories)"),
    "Scarborough Shoal": ("Scarborough Shoal / Huangyan Dao", ""),
    "Paracel Islands": ("Paracel Islands", "Xisha (China), Hoàng Sa (Vietnam)"),
    "Spratly Islands": ("Spratly Islands", "Nansha (China), Trường Sa (Vietnam), Kalayaan (Philippines)"),
}
ISLAND_KINDS = frozenset({"island", "island group", "shoal", "reef"})
_LINE = {"weight": 1.6, "opacity": 0.9, "fillOpacity": 0.05, "dashArray": "7 4"}
# Chart-like navy on the light base, a light blue on the dark one: unlike every event colour
LOOKS = {
    "light": {"line": {**_LINE, "color": "#1f4e79", "fillColor": "#1f4e79"}, "text": "#1f4e79", "halo": "#ffffff",
              "fill": "#ffffff"},
    "dark": {"line": {**_LINE, "color": "#9cc8ee", "fillColor": "#9cc8ee"}, "text": "#cfe3f5", "halo": "#1f2933",
             "fill": "#1f2933"},
}
DENSIFY_DEG = 0.5  # zone edges are straight in lon/lat (their sources): vertices every 0.5° draw them so
ROUTE_TYPES = ("LineString", "MultiLineString")
_STEP = 1e-5  # Mercator degrees (about a metre): "just before" and "just after" a boundary crossing
_ROUTE_TEXT = re.compile(r'"type"\s*:\s*"(?:Multi)?LineString"')
_CODE = re.compile(r"\b[A-Z]{3}\b")


def _is_route_text(g: str) -> bool:
    """Whether a geometry's JSON text is a route, without parsing it (most events are points, as
    SQLite stores them: type first)."""
    return not g.startswith('{"type":"Point"') and _ROUTE_TEXT.search(g) is not None


def _gazetteer() -> Any:
    # like maps.labels: a map that geocodes nothing need not keep the whole gazetteer
    return default_gazetteer() if gazetteer_loaded() else open_gazetteer()


def _short(name: str, iso: str) -> str:
    return SHORT_NAMES.get(iso) or re.sub(r"\s*\(.*?\)", "", name).strip() or name


def _dispute_text(note: str) -> str:
    """"disputed (KOR administers; JPN claims)" -> "Disputed: South Korea administers; Japan claims"."""
    inner = note[len("disputed"):].strip().strip("()").strip()
    return "Disputed" + (": " + _CODE.sub(lambda m: country_name(m.group(0)), inner) if inner else "")


def _zones(places: list[Any], gaz: Any) -> tuple[list[dict[str, Any]], list[list[Any]]]:
    """(GeoJSON features of the zones, [short name, lat, lon] label rows), in gazetteer order."""
    feats, shapes = [], []
    for p in (q for q in places if q.kind == "adiz"):
        geom = gaz.geometry(p)
        if geom is None:
            continue
        g = shapely.segmentize(shape(geom), DENSIFY_DEG)
        partial = g.geom_type in ("LineString", "MultiLineString")
        name = _short(p.name, p.iso_a3) + (" (partial)" if partial else "")
        feats.append({"type": "Feature",
                      "properties": {"name": name, "title": p.name, "note": p.note, "partial": partial},
                      "geometry": _rounded(mapping(g))})
        shapes.append(shape(geom))
    points = _label_points(shapes)
    labels = [[f["properties"]["name"], round(lat, 3), round(lon, 3)]
              for f, (lat, lon) in zip(feats, points, strict=True)]
    return feats, labels


def _label_points(zones: list[shapely.Geometry]) -> list[tuple[float, float]]:
    """(lat, lon) for each zone's name: over open sea in the part no other zone covers.

    Not the zone's centre: that is near the owner's own territory, where the map puts the
    country-level events (a KADIZ label on Korea hid the scrambles), and overlapping zones would
    stack their names. A partial line is named at the middle of its longest segment."""
    from maps.basemap import basemap_data  # the offline map's own land, already loaded by the map

    polys = [z for z in zones if z.geom_type in ("Polygon", "MultiPolygon")]
    reach = shapely.union_all([z.envelope for z in polys]).buffer(1) if polys else None
    land = shapely.Polygon()
    if reach is not None:
        near = [g for g in (shape(f["geometry"]) for f in basemap_data()["features"]) if g.intersects(reach)]
        land = shapely.simplify(shapely.union_all(near).intersection(reach), 0.05)  # coarse is enough here
    out = []
    for z in zones:
        if z.geom_type in ("LineString", "MultiLineString"):
            segs = [(a, b) for line in getattr(z, "geoms", [z]) for a, b in pairwise(line.coords)]
            a, b = max(segs, key=lambda s: math.dist(s[0], s[1]))
            out.append(((a[1] + b[1]) / 2, (a[0] + b[0]) / 2))
            continue
        others = shapely.union_all([o for o in polys if o is not z])
        sea = z.difference(land)
        for area in (sea.difference(others), sea, z):  # the best of what is there
            parts = [q for q in getattr(area, "geoms", [area]) if q.geom_type == "Polygon" and q.area > 0.05]
            if parts:
                c = polylabel(max(parts, key=lambda q: q.area), tolerance=0.05)
                out.append((c.y, c.x))
                break
        else:
            c = z.representative_point()
            out.append((c.y, c.x))
    return out


def _rounded(g: dict[str, Any], nd: int = 4) -> dict[str, Any]:
    def walk(c: Any) -> Any:
        return round(c, nd) if isinstance(c, float) else [walk(x) for x in c]
    return {"type": g["type"], "coordinates": walk(g["coordinates"])}


@lru_cache(maxsize=1)
def zone_data() -> dict[str, Any]:
    """The layer's fixed part: {"zones": FeatureCollection, "labels": [[name, lat, lon]],
    "islands": [[label, lat, lon, tooltip]]}: the same for every map, so served once."""
    gaz = _gazetteer()
    places = gaz.places()
    feats, labels = _zones(places, gaz)
    islands = []
    for p in places:
        if p.kind in ISLAND_KINDS and p.note.lower().startswith("disputed"):
            label, group = DUAL_NAMES.get(p.name, (p.name, ""))
            own = "" if p.name.split()[0] in label else p.name  # "Liancourt Rocks" for "Dokdo / Takeshima"
            tip = " · ".join(x for x in (own, group, _dispute_text(p.note)) if x)
            islands.append([label, round(p.lat, 3), round(p.lon, 3), tip])
    return {"zones": {"type": "FeatureCollection", "features": list(feats)}, "labels": list(labels),
            "islands": islands}


# --- where routes enter zones ---------------------------------------------------------------

def _merc_y(lat: np.ndarray) -> np.ndarray:
    """Web Mercator northing in degrees: a segment straight here is straight on the map, so an
    entry point lies on the route and the boundary as drawn."""
    lat = np.clip(lat, -85.0, 85.0)
    return np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))


def _lat(y: np.ndarray) -> np.ndarray:
    return np.degrees(2 * np.arctan(np.exp(np.radians(y))) - np.pi / 2)


def _to_merc(g: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(g, lambda xy: np.column_stack([xy[:, 0], _merc_y(xy[:, 1])]))


@lru_cache(maxsize=1)
def _zone_polygons() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(zone polygons in Mercator degrees, prepared, one copy per world -360/0/+360; their
    boundaries; their zone index). Partial lines (JADIZ) cannot say what is inside, so they
    have no entries."""
    polys, index = [], []
    for k, f in enumerate(zone_data()["zones"]["features"]):
        g = shape(f["geometry"])
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        m = _to_merc(g)
        for dx in (-360.0, 0.0, 360.0):
            polys.append(shapely.transform(m, lambda xy, dx=dx: xy + [dx, 0.0]))
            index.append(k)
    arr = np.array(polys, dtype=object)
    rings = shapely.boundary(arr)
    shapely.prepare(arr)
    shapely.prepare(rings)
    return arr, rings, np.array(index, dtype=np.int64)


def _route_parts(geometries: list[Any]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """The routes' lines as one (n, 2) lon/lat array, each line's vertex count, and each line's
    row. Longitudes are made continuous along a line (a route across the antimeridian goes on
    east, as the canvas draws it). One pass of plain Python picks the routes; the rest is numpy."""
    lines, rows = [], []
    for r, g in enumerate(geometries):
        kind = g.get("type") if type(g) is dict else None
        if kind is None:
            if not (isinstance(g, str) and _is_route_text(g)):
                continue
            g = orjson.loads(g)
            kind = g.get("type")
        if kind == "LineString":
            ls = (g["coordinates"],)
        elif kind == "MultiLineString":
            ls = g["coordinates"]
        else:
            continue
        for line in ls:
            if len(line) >= 2:
                lines.append(line)
                rows.append(r)
    if not lines:
        return np.empty((0, 2)), np.empty(0, np.int64), []
    flat = [c for line in lines for c in line]
    try:
        xy = np.asarray(flat, dtype=float)[:, :2]
    except ValueError:  # mixed 2D and 3D positions
        xy = np.asarray([c[:2] for c in flat], dtype=float)
    sizes = np.fromiter((len(line) for line in lines), np.int64, len(lines))
    starts = np.cumsum(sizes) - sizes
    step = np.diff(xy[:, 0], prepend=xy[0, 0])
    step[starts] = 0.0
    shift = np.cumsum(-360.0 * np.round(step / 360.0))
    xy[:, 0] += shift - np.repeat(shift[starts], sizes)
    return xy, sizes, rows


def _first_entries(geoms: list[Any]) -> list[tuple[int, float, float, int]]:
    """(position in ``geoms``, lat, lon, zone index) of each route's first entry into each zone."""
    coords, sizes, rows = _route_parts(geoms)
    zones, rings, zone_index = _zone_polygons()
    if not rows or not len(zones):
        return []
    coords[:, 1] = _merc_y(coords[:, 1])
    lines = shapely.linestrings(coords, indices=np.repeat(np.arange(len(sizes)), sizes))
    # candidate (line, zone) pairs by bounding box, then the exact test on those only
    lb, zb = shapely.bounds(lines), shapely.bounds(zones)
    hit = ((lb[:, None, 0] <= zb[None, :, 2]) & (lb[:, None, 2] >= zb[None, :, 0])
           & (lb[:, None, 1] <= zb[None, :, 3]) & (lb[:, None, 3] >= zb[None, :, 1]))
    li, zi = np.nonzero(hit)
    keep = shapely.intersects(rings[zi], lines[li])
    li, zi = li[keep], zi[keep]
    # where each line meets its zone's boundary (a stretch along it: both its ends), and whether
    # the line is outside just before and inside just after: an entry. Testing the sides, not
    # the pieces of line inside, keeps a route that crosses itself from "entering" at the crossing.
    parts, pair = shapely.get_parts(shapely.intersection(lines[li], rings[zi]), return_index=True)
    kind = shapely.get_type_id(parts)
    pt, ln = kind == 0, kind == 1
    meet = np.concatenate([parts[pt], shapely.get_point(parts[ln], 0), shapely.get_point(parts[ln], -1)])
    pair = np.concatenate([pair[pt], pair[ln], pair[ln]])
    owner, zone_geom = lines[li[pair]], zones[zi[pair]]
    at = shapely.line_locate_point(owner, meet)
    after = shapely.contains(zone_geom, shapely.line_interpolate_point(owner, at + _STEP))
    before = ~shapely.contains(zone_geom, shapely.line_interpolate_point(owner, np.maximum(at - _STEP, 0.0)))
    entering = after & (before | (at <= _STEP))
    pair, at = pair[entering], at[entering]
    # the first entry of each (event, zone): lines in route order, then along the line
    line_no = li[pair]
    ev, zone = np.asarray(rows, dtype=np.int64)[line_no], zone_index[zi[pair]]
    order = np.lexsort((at, line_no, zone, ev))
    ev, zone, at, line_no = ev[order], zone[order], at[order], line_no[order]
    first = np.ones(len(ev), dtype=bool)
    first[1:] = (ev[1:] != ev[:-1]) | (zone[1:] != zone[:-1])
    pts = shapely.line_interpolate_point(lines[line_no[first]], at[first])
    lon, lat = (shapely.get_x(pts) + 180.0) % 360.0 - 180.0, _lat(shapely.get_y(pts))
    return [(int(e), round(float(b), 4), round(float(a), 4), int(z))
            for e, a, b, z in zip(ev[first], lon, lat, zone[first], strict=True)
            if math.isfinite(a) and math.isfinite(b)]


# Entries by event id, with the geometry object they were computed from: the app keeps one
# frame per store revision and filters select rows of it, so a filter change finds the same
# objects and only routes it has not seen cost shapely work. An edited event has a new object.
_MEMO: dict[Any, tuple[Any, list[list[Any]]]] = {}
_MEMO_MAX = 500_000


def zone_entries(df: pd.DataFrame) -> list[list[Any]]:
    """[lat, lon, zone index, event id] where each route of ``df`` first enters each zone,
    sorted by event id then zone.

    ``df``: events with ``id`` and ``geometry`` (GeoJSON dicts or their JSON text). A route that
    starts inside a zone has an entry only if it leaves and comes back. Zone indices refer to
    :func:`zone_data`'s features. Points and areas have none."""
    if df.empty or "geometry" not in df or "id" not in df:
        return []
    out: list[list[Any]] = []
    todo_ids, todo_geoms = [], []
    memo = _MEMO
    for i, g in zip(df["id"].tolist(), df["geometry"].tolist(), strict=True):
        kind = type(g)
        if kind is dict:
            if g.get("type") not in ROUTE_TYPES:
                continue
        elif kind is not str or not _is_route_text(g):
            continue
        hit = memo.get(i)
        if hit is not None and hit[0] is g:
            out.extend(hit[1])
        else:
            todo_ids.append(i)
            todo_geoms.append(g)
    if todo_ids:
        found: dict[int, list[list[Any]]] = {}
        for pos, lat, lon, zone in _first_entries(todo_geoms):
            found.setdefault(pos, []).append([lat, lon, zone, todo_ids[pos]])
        if len(memo) + len(todo_ids) > _MEMO_MAX:
            memo.clear()
        for pos, (i, g) in enumerate(zip(todo_ids, todo_geoms, strict=True)):
            rows = found.get(pos, [])
            memo[i] = (g, rows)
            out.extend(rows)
    out.sort(key=lambda r: (str(r[3]), r[2]))
    return out


class ZonesLayer(JSCSSMixin, MacroElement):
    """Zones, disputed islands and zone entries as one layer-control overlay, off by default.
    Names are set with textContent in static/sortie/zones.js."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Sortie.addZones({{ this._parent.get_name() }}, {{ this.source|tojson }}, {{ this.entries|tojson }},
                        {{ this.looks|tojson }}, {{ this.control.get_name() }}, {{ this.label|tojson }});
        {% endmacro %}
        """
    )
    default_js = sortie_js("basemap", "zones")

    def __init__(self, source: dict[str, Any] | str, entries: list[list[Any]] | str, control: Any):
        """``source``: :func:`zone_data` or its URL; ``entries``: :func:`zone_entries` or its URL."""
        super().__init__()
        self._name = "ZonesLayer"
        self.source, self.entries = source, entries
        self.control = control
        self.looks = LOOKS
        self.label = LAYER_NAME


def add_zones(m: Any, df: pd.DataFrame, control: Any, inline: bool, private: bool = False,
              entries: list[list[Any]] | None = None) -> ZonesLayer:
    """Add the layer to map ``m`` (maps.build.events_map). The zones are public and served as a
    cached file unless ``inline``; the entries are event data, inline when ``private``, and
    published as kind "events-zones" otherwise (which maps.payload.unpublish's "events" removes).
    ``entries``: :func:`zone_entries` of the events, when the caller read them chunk by chunk."""
    found: list[list[Any]] | str = zone_entries(df) if entries is None else entries
    if not (inline or private):
        found = pl.publish(found, "events-zones")
    layer = ZonesLayer(zone_data() if inline else pl.publish(zone_data(), "zones"), found, control)
    layer.add_to(m)
    return layer
