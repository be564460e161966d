"""Geodesic forward and inverse problems on the WGS84 ellipsoid, for "140 km north of X" and
"between X and Y".

Why pyproj's ``Geod`` and not a sphere: a news distance is a distance along the Earth's surface;
on the ellipsoid "140 km north" lands 140 km away to within millimetres, where a 6371 km sphere
is off by up to ~0.5 %. ``Geod`` is built once, on first use (pyproj loads in ~50 ms).
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _geod() -> Any:  # pyproj.Geod
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _wrap(lon: float) -> float:
    return ((lon + 180.0) % 360.0) - 180.0


def destination(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """(lat, lon) reached from (lat, lon) after ``distance_km`` on the initial bearing (0 = north)."""
    lon2, lat2, _ = _geod().fwd(lon, lat, bearing_deg, distance_km * 1000.0)
    return lat2, _wrap(lon2)


def inverse(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """(distance_km, initial bearing 0-360) from the first point to the second."""
    az, _, metres = _geod().inv(lon1, lat1, lon2, lat2)
    return metres / 1000.0, az % 360.0


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The point halfway along the geodesic between two points (crosses the antimeridian fine)."""
    km, az = inverse(lat1, lon1, lat2, lon2)
    return destination(lat1, lon1, az, km / 2.0)
