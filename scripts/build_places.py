"""Derive the basemap's place names (countries and cities) from Natural Earth.

Output: ``data/ne/places.json``, a compact table the browser places greedily (maps/names.py,
static/sortie/names.js): rows ``[name, lat, lon, min zoom, max zoom, kind]`` in placement
priority order, best first, so a name only shows where no earlier name already sits.

- Countries (kind 0) from 1:50m admin-0 countries: ``NAME`` at ``MIN_LABEL``..``MAX_LABEL``
  (Natural Earth's own label zooms), ranked by ``MIN_LABEL``, ``LABELRANK`` then area, so
  larger countries win at low zooms. Among names of one min zoom, capitals come before
  countries: a capital is pinned to its dot, a country's name can move within the country
  (names.js tries above and below its point), so Tokyo and Japan both fit. Natural Earth
  v4.0.0 has no ``LABEL_X``/``LABEL_Y``, so the label point is the pole of inaccessibility of
  the country's largest part, found in Web Mercator (the map's projection), where a label
  looks centred.
- Cities (kind 1 capitals, kind 2 others) from 1:50m populated places: ``name`` from
  ``min_zoom``, ranked by ``min_zoom``, capital first, ``scalerank`` then ``pop_max``.

Run: ``python scripts/build_places.py`` (needs ../shared/data).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from ne_data import DATA, load_features
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import polylabel

ATTRIBUTION = ("Made with Natural Earth (public domain), 1:50m admin-0 countries and "
               "populated places v4.0.0")
OUT = DATA / "ne" / "places.json"
COLUMNS = ["name", "lat", "lon", "minzoom", "maxzoom", "kind"]
COUNTRY, CAPITAL, CITY = 0, 1, 2
ORDER = {CAPITAL: 0, COUNTRY: 1, CITY: 2}  # placement order within one min zoom
NO_MAX = 99  # cities stay named however far one zooms in
MAX_LAT = 85.0


def _mercator(xy: np.ndarray) -> np.ndarray:
    """Lon/lat rows to Mercator with y in degree units (shapely.transform passes an (n, 2) array)."""
    lat = np.radians(np.clip(xy[:, 1], -MAX_LAT, MAX_LAT))
    return np.column_stack([xy[:, 0], np.degrees(np.log(np.tan(np.pi / 4 + lat / 2)))])


def _unmercator(x: float, y: float) -> tuple[float, float]:
    return x, math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def _ground_area(poly: Polygon) -> float:
    """Area in squared degrees scaled by cos(latitude): which part of a country is its main one
    (Mercator would make Svalbard rival mainland Norway)."""
    return poly.area * math.cos(math.radians(poly.centroid.y))


def label_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lon) where a country's name reads as centred on the map: inside its largest part,
    as far from that part's coast as possible on the Mercator map."""
    geom = shape(geometry)
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    main = max(parts, key=_ground_area)
    flat = shapely.transform(main, _mercator)
    size = max(flat.bounds[2] - flat.bounds[0], flat.bounds[3] - flat.bounds[1])
    p = polylabel(flat, tolerance=max(size / 200, 0.01))
    lon, lat = _unmercator(p.x, p.y)
    return lat, lon


def countries() -> list[tuple[tuple, list[Any]]]:
    """(sort key, row) of every country with a name."""
    out = []
    for f in load_features("naturalearth/ne_50m_admin_0_countries.json"):
        p = f["properties"]
        if not p.get("NAME"):
            continue
        lat, lon = label_point(f["geometry"])
        area = sum(_ground_area(g) for g in (shape(f["geometry"]).geoms
                                             if f["geometry"]["type"] == "MultiPolygon" else [shape(f["geometry"])]))
        row = [p["NAME"], round(lat, 2), round(lon, 2), float(p["MIN_LABEL"]), float(p["MAX_LABEL"]), COUNTRY]
        out.append(((float(p["MIN_LABEL"]), ORDER[COUNTRY], float(p["LABELRANK"]), -area, p["NAME"]), row))
    return out


def cities() -> list[tuple[tuple, list[Any]]]:
    """(sort key, row) of every populated place."""
    out = []
    for f in load_features("naturalearth/ne_50m_populated_places_simple.json"):
        p = f["properties"]
        if not p.get("name"):
            continue
        kind = CAPITAL if p.get("adm0cap") else CITY
        row = [p["name"], round(p["latitude"], 2), round(p["longitude"], 2), float(p["min_zoom"]), NO_MAX, kind]
        out.append(((float(p["min_zoom"]), ORDER[kind], float(p["scalerank"]), -(p.get("pop_max") or 0), p["name"]),
                    row))
    return out


def places() -> list[list[Any]]:
    """Every row, best first: by min zoom, then capitals, countries, cities, then rank.

    A country named like a city beside its label point (Hong Kong, Singapore, Monaco) is left
    out: the city's name, on its dot, says the same once."""
    towns = cities()
    near = {(row[0], round(row[1]), round(row[2])) for _key, row in towns}

    def twin(row: list[Any]) -> bool:
        return any((row[0], round(row[1]) + dy, round(row[2]) + dx) in near for dy in (-1, 0, 1) for dx in (-1, 0, 1))

    states = [(key, row) for key, row in countries() if not twin(row)]
    return [row for _key, row in sorted(states + towns, key=lambda kr: kr[0])]


def write(path: Path, rows: list[list[Any]]) -> int:
    """Compact JSON, one row a line for readable diffs; returns bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows]
    text = ('{"attribution":' + json.dumps(ATTRIBUTION) + ',"columns":' + json.dumps(COLUMNS, separators=(",", ":"))
            + ',"places":[\n' + ",\n".join(lines) + "\n]}\n")
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main() -> None:
    rows = places()
    size = write(OUT, rows)
    print(f"data/ne/places.json: {len(rows)} names, {size:,} bytes")


if __name__ == "__main__":
    main()
