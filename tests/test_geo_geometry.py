"""Geometry helpers: distance to border/coast (km, geodesic), point-in-sea, sea routes."""

from __future__ import annotations

import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, shape

from geo import geocode
from geo.geometry import (
    as_geometry,
    country_lines,
    distance_to_border_km,
    distance_to_country_km,
    great_circle,
    in_sea,
    sea_route,
    seas_at,
)

GEOD = Geod(ellps="WGS84")


def test_distance_matches_an_independent_geodesic() -> None:
    """Wakkanai to Russia (Sakhalin's Cape Crillon): compare with pyproj Geod to the nearest vertex."""
    lat, lon = 45.415, 141.673
    d = distance_to_border_km((lat, lon), "RUS")
    coords = [c for line in getattr(country_lines("RUS"), "geoms", [country_lines("RUS")]) for c in line.coords]
    best = min(GEOD.inv(lon, lat, x, y)[2] for x, y in coords) / 1000
    assert d <= best + 0.01  # the nearest point can be between vertices, never farther
    assert best - d < 5 and 40 < d < 80


def test_distance_across_the_antimeridian() -> None:
    """A point in the Bering Sea east of 180° is close to Chukotka, not 40,000 km away."""
    d = distance_to_border_km((65.5, -171.0), "RUS")
    assert d < 150


def test_zero_inside_and_on_border() -> None:
    assert distance_to_country_km((55.75, 37.62), "RUS") == 0.0
    assert distance_to_border_km(LineString([(37.6, 55.7), (20.0, 52.0)]), "RUS") == 0.0  # crosses


def test_coast_vs_land_border() -> None:
    moscow = (55.75, 37.62)
    land = distance_to_border_km(moscow, "RUS", part="land")
    coast = distance_to_border_km(moscow, "RUS", part="coast")
    assert 300 < land < 500  # Belarus/Ukraine are ~400 km away
    assert coast > land
    vladivostok = (43.12, 131.89)
    assert distance_to_border_km(vladivostok, "RUS", part="coast") < 10


def test_land_borders_only_where_countries_meet() -> None:
    seoul = (37.57, 126.98)
    assert 25 < distance_to_border_km(seoul, "KOR", part="land") < 60  # the DMZ / Han estuary
    assert distance_to_border_km((35.68, 139.69), "JPN", part="land") == float("inf")  # no land border
    assert distance_to_border_km((50.45, 30.52), "UKR", part="land") < 120  # Kyiv to Belarus


def test_route_and_area_inputs() -> None:
    route = [(35.7, 139.7), (43.06, 141.35)]  # Tokyo -> Sapporo
    d_route = distance_to_border_km(route, "RUS")
    d_end = distance_to_border_km(route[-1], "RUS")
    assert d_route <= d_end + 1 and d_route > 100
    kadiz = geocode("KADIZ").raw["geometry"]
    assert distance_to_border_km(kadiz, "RUS") > 0  # the KADIZ stops south of 39N
    assert distance_to_country_km(geocode("Kadena Air Base"), "JPN") == 0.0


def test_unknown_country_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="alpha-3"):
        distance_to_border_km((0, 0), "XXX")


@pytest.mark.parametrize(
    ("lat", "lon", "sea", "expected"),
    [(40.0, 135.0, "Sea of Japan", True), (40.0, 135.0, "East Sea", True), (40.0, 135.0, "日本海", True),
     (52.0, 150.0, "Sea of Okhotsk", True), (40.0, 135.0, "Sea of Okhotsk", False),
     (58.0, -178.0, "Bering Sea", True), (58.0, 178.0, "Bering Sea", True), (58.0, 182.0, "Bering Sea", True),
     (35.68, 139.69, "Sea of Japan", False), (25.4, 126.6, "Miyako Strait", True),
     (30.0, 125.0, "Miyako Strait", False)],
)
def test_in_sea(lat: float, lon: float, sea: str, expected: bool) -> None:
    assert in_sea(lat, lon, sea) is expected


def test_in_sea_rejects_non_water_names() -> None:
    with pytest.raises(ValueError):
        in_sea(35.0, 139.0, "Tokyo")


def test_seas_at_smallest_first() -> None:
    names = [p.name for p in seas_at(41.5, 140.6)]  # Tsugaru Strait, inside the Sea of Japan? not both
    assert names and names[0] == "Tsugaru Strait"
    assert seas_at(35.68, 139.69) == []  # Tokyo is on land


def test_sea_route_avoids_land() -> None:
    sasebo, yokosuka = geocode("Sasebo"), geocode("Yokosuka Naval Base")
    route = sea_route(sasebo, yokosuka)
    line = shape(route["geometry"])
    assert route["properties"]["length_km"] > 900  # the straight line is ~940 km over Honshu
    assert route["geometry"]["coordinates"][0][0] == pytest.approx(sasebo.longitude, abs=1.0)
    japan = shape(geocode("Japan").raw["geometry"]).buffer(-0.1)
    if route["properties"]["method"] == "searoute":
        assert not line.crosses(japan) or line.intersection(japan).length < 0.5


def test_great_circle_unwraps_the_antimeridian() -> None:
    pts = great_circle(43.1, 131.9, 61.2, -149.9)  # Vladivostok -> Anchorage
    lons = [p[0] for p in pts]
    assert all(abs(a - b) < 20 for a, b in zip(lons, lons[1:], strict=False))
    assert max(lons) > 180


def test_as_geometry_accepts_common_inputs() -> None:
    assert as_geometry((10.0, 20.0)).equals(Point(20.0, 10.0))
    assert as_geometry({"type": "Point", "coordinates": [20.0, 10.0]}).equals(Point(20.0, 10.0))
    assert as_geometry(geocode("Dokdo")).distance(Point(131.865, 37.241)) < 0.01
    with pytest.raises(TypeError):
        as_geometry(object())
