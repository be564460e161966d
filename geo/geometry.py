"""Geometry the map and the extraction need: distance to a country's border or coast,
point-in-named-sea, and sea routes between resolved places.

Why azimuthal-equidistant projections: a distance measured from the projection centre is the
true (WGS84 ellipsoid) distance, anywhere on Earth, across the antimeridian too. Degrees are
never used as distances. Country shapes are ``data/ne/countries.geojson`` (~1 km simplified),
so distances carry about 1 km of error.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .gazetteer import Gazetteer, Place, default_gazetteer

_WATER_KINDS = frozenset({"sea", "gulf", "bay", "strait", "sound", "channel", "lagoon", "fjord",
                          "ocean", "river", "reef", "inlet"})
POINT_WATER_RADIUS_KM = 60.0  # "in the Miyako Strait" for straits we only know as a point

GeomLike = BaseGeometry | dict | tuple | list | Any


def as_geometry(obj: GeomLike) -> BaseGeometry:
    """Shapely geometry (lon/lat) from a shapely geometry, GeoJSON dict, (lat, lon) tuple,
    list of (lat, lon) (a line), or anything with ``latitude``/``longitude`` (geopy Location)."""
    if isinstance(obj, BaseGeometry):
        return obj
    if isinstance(obj, dict):
        return shape(obj.get("geometry", obj) if obj.get("type") == "Feature" else obj)
    if hasattr(obj, "latitude") and hasattr(obj, "longitude"):
        return Point(obj.longitude, obj.latitude)
    if isinstance(obj, (tuple, list)) and len(obj) == 2 and all(isinstance(v, (int, float)) for v in obj):
        return Point(obj[1], obj[0])
    if isinstance(obj, (tuple, list)):
        return LineString([(lon, lat) for lat, lon in obj])
    raise TypeError(f"cannot make a geometry from {type(obj).__name__}")


@lru_cache(maxsize=64)
def _aeqd(lat: float, lon: float):  # noqa: ANN202 (pyproj Transformer)
    from pyproj import Transformer

    return Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m", always_xy=True
    )


def _project(geom: BaseGeometry, lat: float, lon: float) -> BaseGeometry:
    tr = _aeqd(round(lat, 6), round(lon, 6))
    return shapely.transform(geom, lambda xy: _stack(tr.transform(xy[:, 0], xy[:, 1])))


def _stack(xy: tuple[Any, Any]) -> Any:
    import numpy as np

    return np.column_stack(xy)


@cache
def country_shape(iso_a3: str, gazetteer: Gazetteer | None = None) -> BaseGeometry:
    """The country's (Multi)Polygon from data/ne/countries.geojson; KeyError if unknown."""
    gaz = gazetteer or default_gazetteer()
    geo = gaz.country_shapes().get(iso_a3.upper())
    if geo is None:
        raise KeyError(f"unknown country code {iso_a3!r} (ISO 3166-1 alpha-3 expected)")
    return shapely.make_valid(shape(geo))


@cache
def country_lines(iso_a3: str, part: str = "any") -> BaseGeometry:
    """The country's boundary: ``any`` (all), ``coast`` (not shared) or ``land`` (shared).

    A boundary segment is a land border when both its ends lie within 0.03° (~3 km, the
    simplification error) of a neighbouring country; the rest is coast."""
    if part not in ("any", "coast", "land"):
        raise ValueError("part must be 'any', 'coast' or 'land'")
    iso = iso_a3.upper()
    poly = country_shape(iso)
    boundary = poly.boundary
    if part == "any":
        return boundary
    isos, polys = _country_tree()
    near = [polys[i] for i in polys_tree().query(poly, predicate="dwithin", distance=0.05) if isos[i] != iso]
    if not near:
        return boundary if part == "coast" else MultiLineString([])
    others = shapely.union_all(near)
    shapely.prepare(others)
    pieces: list[list[tuple[float, float]]] = []
    lines = boundary.geoms if hasattr(boundary, "geoms") else [boundary]
    for line in lines:
        coords = np.asarray(line.coords)
        shared = shapely.dwithin(shapely.points(coords), others, 0.03)
        want = shared if part == "land" else ~shared
        seg_ok = want[:-1] & want[1:] if part == "land" else want[:-1] | want[1:]
        run: list[tuple[float, float]] = []
        for i, ok in enumerate(seg_ok):
            if ok:
                if not run:
                    run.append(tuple(coords[i]))
                run.append(tuple(coords[i + 1]))
            elif run:
                pieces.append(run)
                run = []
        if run:
            pieces.append(run)
    return MultiLineString([p for p in pieces if len(p) > 1])


@cache
def _country_tree() -> tuple[list[str], list[BaseGeometry]]:
    shapes = default_gazetteer().country_shapes()
    isos = sorted(shapes)
    return isos, [shapely.make_valid(shape(shapes[i])) for i in isos]


@cache
def polys_tree() -> shapely.STRtree:
    """STRtree over country polygons (same order as ``_country_tree``)."""
    return shapely.STRtree(_country_tree()[1])


def _distance_km(geom: BaseGeometry, target: BaseGeometry) -> float:
    """Geodesic-ish minimum distance (km) between two lon/lat geometries."""
    if target.is_empty:
        return float("inf")
    if geom.intersects(target):
        return 0.0
    c = geom.centroid if not isinstance(geom, Point) else geom
    if not isinstance(geom, Point):
        # Find the closest point of ``geom`` in a projection centred on it, then measure
        # exactly from that point (a second projection centred there).
        g_p, t_p = _project(geom, c.y, c.x), _project(target, c.y, c.x)
        near_p = nearest_points(g_p, t_p)[0]
        inv = _aeqd(round(c.y, 6), round(c.x, 6))
        lon, lat = inv.transform(near_p.x, near_p.y, direction="INVERSE")
        c = Point(lon, lat)
    projected = _project(target, c.y, c.x)
    return projected.distance(Point(0, 0)) / 1000.0


@lru_cache(maxsize=256)
def countries_near(lat: float, lon: float, within_km: float) -> tuple[tuple[str, float], ...]:
    """(ISO alpha-3, km) of the countries whose territory lies within ``within_km`` of a point, nearest first:
    the shores of a strait the gazetteer knows only as a point."""
    pt = Point(lon, lat)
    isos = _country_tree()[0]
    near = ((isos[i], distance_to_country_km(pt, isos[i])) for i in polys_tree().query(pt.buffer(within_km / 80.0)))
    return tuple(sorted(((c, km) for c, km in near if km <= within_km), key=lambda x: x[1]))


def distance_to_border_km(geom: GeomLike, iso_a3: str, part: str = "any") -> float:
    """Km from a point, route or area to a country's boundary ("came within 20 km of the
    Russian border"). ``part``: ``any`` boundary, ``coast`` only, or ``land`` borders only.
    Zero when the geometry touches or crosses that boundary; ``inf`` when the country has no
    such boundary (Japan has no land border)."""
    return _distance_km(as_geometry(geom), country_lines(iso_a3.upper(), part))


def distance_to_country_km(geom: GeomLike, iso_a3: str) -> float:
    """Km from a geometry to a country's territory (land as Natural Earth draws it); 0 inside."""
    g = as_geometry(geom)
    if g.intersects(country_shape(iso_a3.upper())):
        return 0.0
    return _distance_km(g, country_lines(iso_a3.upper(), "any"))


class _SeaIndex:
    """STRtree over the water-body polygons (built on first use)."""

    def __init__(self, gaz: Gazetteer) -> None:
        shapes = gaz.shapes()
        self.places: list[Place] = []
        geoms: list[BaseGeometry] = []
        for idx, g in shapes.items():
            p = gaz.place(idx)
            if p.kind in _WATER_KINDS and g["type"] in ("Polygon", "MultiPolygon"):
                self.places.append(p)
                geoms.append(shape(g))
        self.geoms = geoms
        self.tree = shapely.STRtree(geoms)


_sea_indexes: dict[int, _SeaIndex] = {}


def _sea_index(gaz: Gazetteer) -> _SeaIndex:
    if id(gaz) not in _sea_indexes:
        _sea_indexes[id(gaz)] = _SeaIndex(gaz)
    return _sea_indexes[id(gaz)]


def seas_at(lat: float, lon: float, *, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Named water bodies whose polygon contains the point, smallest first (strait before sea)."""
    gaz = gazetteer or default_gazetteer()
    idx = _sea_index(gaz)
    lon = ((lon + 180) % 360) - 180
    pt = Point(lon, lat)
    hits = [i for i in idx.tree.query(pt, predicate="intersects")]
    hits.sort(key=lambda i: idx.geoms[i].area)
    return [idx.places[i] for i in hits]


def in_sea(lat: float, lon: float, name: str, *, gazetteer: Gazetteer | None = None) -> bool:
    """Whether the point lies in the named water body ("East Sea", "Sea of Okhotsk", ...).

    Water bodies known only as a point (curated straits) count within
    ``POINT_WATER_RADIUS_KM``. Raises ValueError if the name is not a water body."""
    from .resolve import Resolver

    gaz = gazetteer or default_gazetteer()
    matches = [m for m in Resolver(gaz).resolve(name, limit=5) if m.place.kind in _WATER_KINDS]
    if not matches:
        raise ValueError(f"{name!r} is not a known sea, gulf or strait")
    best = matches[0].place
    lon = ((lon + 180) % 360) - 180
    geo = gaz.geometry(best)
    if geo is not None:
        return shape(geo).intersects(Point(lon, lat))
    return _distance_km(Point(lon, lat), Point(best.lon, best.lat)) <= POINT_WATER_RADIUS_KM


def part_point(geometry: GeomLike, ref_lat: float, ref_lon: float, bearing_deg: float) -> tuple[float, float] | None:
    """(lat, lon) inside the part of an area that lies towards ``bearing_deg`` (±45°) from a
    reference point: "Taiwan's southwest ADIZ" is the zone south-west of Taiwan. A lon/lat wedge
    (east-west scaled by the latitude) places a marker in the right part of a zone; it is not
    a measurement. None when no part of the area lies that way."""
    import math

    from shapely.geometry import Polygon

    g = shapely.make_valid(as_geometry(geometry))
    scale = max(math.cos(math.radians(ref_lat)), 0.05)
    reach = 60.0  # degrees: past the far side of any zone

    def toward(b: float) -> tuple[float, float]:
        r = math.radians(b)
        return ref_lon + reach * math.sin(r) / scale, ref_lat + reach * math.cos(r)

    wedge = Polygon([(ref_lon, ref_lat), toward(bearing_deg - 45), toward(bearing_deg), toward(bearing_deg + 45)])
    piece = g.intersection(wedge)
    if piece.is_empty:
        return None
    pt = piece.centroid
    if piece.area == 0 or not piece.contains(pt):
        pt = piece.representative_point()
    return pt.y, pt.x


def sea_route(origin: GeomLike, destination: GeomLike) -> dict[str, Any]:
    """A GeoJSON LineString Feature from origin to destination that follows shipping lanes.

    Uses ``searoute`` (PyPI, bundled marine network, works offline) when installed; otherwise a
    great-circle line that does not avoid land (``properties.method`` says which)."""
    a, b = as_geometry(origin), as_geometry(destination)
    a, b = a.centroid, b.centroid
    try:
        import searoute
    except ImportError:
        searoute = None
    if searoute is not None:
        feat = searoute.searoute([a.x, a.y], [b.x, b.y], units="km")
        coords = [[round(x, 4), round(y, 4)] for x, y in feat["geometry"]["coordinates"]]
        return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
                "properties": {"length_km": round(float(feat["properties"]["length"]), 1), "method": "searoute"}}
    coords = great_circle(a.y, a.x, b.y, b.x)
    length = sum(_distance_km(Point(coords[i]), Point(coords[i + 1])) for i in range(len(coords) - 1))
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
            "properties": {"length_km": round(length, 1), "method": "great-circle"}}


def great_circle(lat1: float, lon1: float, lat2: float, lon2: float, n: int = 64) -> list[list[float]]:
    """``n+1`` [lon, lat] points along the WGS84 geodesic (lon may pass ±180 continuously)."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    mid = geod.npts(lon1, lat1, lon2, lat2, n - 1)
    pts = [(lon1, lat1), *mid, (lon2, lat2)]
    out: list[list[float]] = []
    for lon, lat in pts:
        if out and abs(lon - out[-1][0]) > 180:  # unwrap so Leaflet draws across the antimeridian
            lon += 360 if lon < out[-1][0] else -360
        out.append([round(lon, 4), round(lat, 4)])
    return out


def places_geometry(places: Iterable[Place], gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """GeoJSON Features (shape or point) for places, for maps."""
    gaz = gazetteer or default_gazetteer()
    out = []
    for p in places:
        geo = gaz.geometry(p) or {"type": "Point", "coordinates": [p.lon, p.lat]}
        out.append({"type": "Feature", "geometry": geo,
                    "properties": {"name": p.name, "kind": p.kind, "source": p.source}})
    return out
