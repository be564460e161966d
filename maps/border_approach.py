"""Where the map draws a bomber approach that names no place: on the approached border.

"US bombers flew near Russia's borders" gives the geocoder only a country, whose point is
somewhere inside it (for Russia, in Siberia): an icon there, with "<= 20 km" beside it, read
as an approach to a spot thousands of kilometres from any border. Such an event is drawn on
the approached country's border instead (the map also draws that border as a dashed band), at
the point of its coast nearest the acting country: the side the aircraft come from, and the
one place on the border that needs no guess beyond the report. The card says so.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely import Point
from shapely.geometry import shape
from shapely.ops import nearest_points, unary_union

from events.frame import decode_json
from maps.basemap import basemap_data

TYPE = "bomber_approach"
PRECISION = "country"  # only a country is known: a named sea or base is drawn where it is
ON_BORDER = 2  # the payload's "inf" code for "placed on the approached border" (1: route inferred)


@lru_cache(maxsize=1)
def _countries() -> dict[str, object]:
    return {f["properties"]["iso_a3"]: shape(f["geometry"]) for f in basemap_data()["features"]
            if f["properties"].get("iso_a3")}


@lru_cache(maxsize=64)
def _coast(iso: str) -> object:
    """A country's border with the sea: its outline less the land borders it shares (an
    approach by air or sea meets the coast; the DMZ or the Amur is no place to draw one). A
    landlocked country keeps its whole outline."""
    countries = _countries()
    target = countries[iso]
    reach = target.buffer(0.05)
    land = [g.boundary for code, g in countries.items() if code != iso and g.intersects(reach)]
    coast = target.boundary.difference(unary_union(land).buffer(0.05)) if land else target.boundary
    return coast if not coast.is_empty else target.boundary


@lru_cache(maxsize=512)
def border_point(actor: str, approached: str, lat: float, lon: float) -> tuple[float, float] | None:
    """(lat, lon) on ``approached``'s coast nearest ``actor``'s territory; None when either is
    not a basemap country, or the event's point is not inside the approached country (then it
    was placed somewhere meaningful and stays there). Nearest in kilometres, not degrees: both
    are projected azimuthally around the approached country, which also keeps a country cut
    at the antimeridian (Russia) in one piece."""
    countries = _countries()
    target, origin = countries.get(approached), countries.get(actor)
    if target is None or origin is None or not target.contains(Point(lon, lat)):
        return None
    centre = target.representative_point()
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={centre.y} +lon_0={centre.x} +datum=WGS84 +units=m")
    there = pyproj.Transformer.from_crs(4326, local, always_xy=True)

    def project(g: object) -> object:
        return shapely.transform(g, lambda xy: np.column_stack(there.transform(xy[:, 0], xy[:, 1])))

    on_coast, _ = nearest_points(project(_coast(approached)), project(origin))
    x, y = there.transform(on_coast.x, on_coast.y, direction="INVERSE")
    return round(y, 4), round(x, 4)


def place_on_borders(prep: pd.DataFrame, loc: pd.DataFrame) -> None:
    """Move, in place, the country-level bomber approaches of ``prep`` (the drawing columns
    :func:`maps.payload.prepare` made of the rows ``loc``) onto the approached border, marked
    ``inf = ON_BORDER``.

    Only the rows of that type and precision are looked at, and each (actor, approached country,
    point) is computed once: 100,000 events cost two column comparisons."""
    pick = np.flatnonzero((loc["type"].to_numpy() == TYPE) & (loc["geo_precision"].to_numpy() == PRECISION))
    if not len(pick):
        return
    lat, lon, inf = prep["lat"].to_numpy(copy=True), prep["lon"].to_numpy(copy=True), prep["inf"].to_numpy(copy=True)
    actors = decode_json(loc["actors"].iloc[pick])
    observers = decode_json(loc["observers"].iloc[pick])
    for k, who, whom in zip(pick, actors, observers, strict=True):
        point = border_point(who[0], whom[0], float(lat[k]), float(lon[k])) if who and whom else None
        if point:
            lat[k], lon[k] = point
            inf[k] = ON_BORDER
    prep["lat"], prep["lon"], prep["inf"] = lat, lon, inf
