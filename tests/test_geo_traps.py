"""The traps listed in data/…/SOURCES.md: slivers, antimeridian, wrong attributes, holes,
dirty names, and the representative point of areas."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, shape

from geo import candidates, geocode
from geo.resolve import haversine_km


@pytest.mark.parametrize(
    ("strait", "lat", "lon"),
    [("Korea Strait", 34.6, 129.8), ("Luzon Strait", 21.0, 121.0), ("La Pérouse Strait", 45.7, 142.0),
     ("Bab el Mandeb", 12.58, 43.33), ("Strait of Gibraltar", 35.97, -5.5)],
)
def test_sliver_straits_use_the_curated_point(strait: str, lat: float, lon: float) -> None:
    loc = geocode(strait)
    assert loc.raw["source"].startswith("https://en.wikipedia.org/")
    assert haversine_km(loc.latitude, loc.longitude, lat, lon) < 10


def test_korea_strait_is_not_the_ne_sliver_130km_north() -> None:
    loc = geocode("Korea Strait")
    assert loc.latitude < 35.0  # the NE sliver sits at 35.7-35.9N
    ms = candidates("Korea Strait", limit=5)
    sliver = [m for m in ms if m.place.source_code.startswith("ne5mp")]
    assert sliver and 35.6 < sliver[0].place.lat < 36.0  # the NE sliver is still a (runner-up) candidate
    assert ms[0].place.name == "Korea Strait" and ms[0].place.rank > sliver[0].place.rank


def test_bering_sea_crosses_the_antimeridian() -> None:
    loc = geocode("Bering Sea")
    assert 50 < loc.latitude < 66
    assert loc.longitude > 170 or loc.longitude < -160  # not the 0° longitude of a naive centroid
    geom = shape(loc.raw["geometry"])
    assert geom.contains(Point(loc.longitude, loc.latitude))
    assert geom.contains(Point(-175, 58)) and geom.contains(Point(178, 60))


def test_diego_garcia_uses_geometry_not_stale_attributes() -> None:
    loc = geocode("Diego Garcia")
    assert haversine_km(loc.latitude, loc.longitude, -7.31, 72.41) < 10
    assert haversine_km(loc.latitude, loc.longitude, -19.70, 66.54) > 1000
    island = [m for m in candidates("Diego Garcia", limit=5) if m.place.source_code.startswith("ne5rp")]
    assert island and haversine_km(island[0].place.lat, island[0].place.lon, -7.33, 72.44) < 10


def test_kamchatka_point_ignores_its_holes() -> None:
    loc = geocode("Kamchatka Peninsula")
    assert 54 < loc.latitude < 59, loc.latitude  # representative_point/polylabel give ~61N
    assert haversine_km(loc.latitude, loc.longitude, 57.0, 160.0) < 100


def test_area_points_lie_inside_their_water_body() -> None:
    for name in ["Sea of Japan", "Sea of Okhotsk", "Philippine Sea", "Mediterranean Sea", "Persian Gulf",
                 "Gulf of Finland", "Tatar Strait", "Taiwan Strait", "Bering Sea", "Baltic Sea"]:
        ms = [m for m in candidates(name, limit=5) if m.place.source_code.startswith("ne5mp")]
        p = ms[0].place
        from geo.gazetteer import default_gazetteer

        geom = shape(default_gazetteer().geometry(p))
        assert geom.buffer(0.02).contains(Point(p.lon, p.lat)), name


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [("HOKKAIDÖ", "Hokkaidō"), ("RYÜKYÜ ISANDS", "Ryukyu Islands"), ("MARSHALL ISANDS", "Marshall Islands"),
     ("White  Sea", "White Sea"), ("Gulf of  Suez", "Gulf of Suez"), ("NORTH PACIFIC OCEAN", "North Pacific Ocean")],
)
def test_dirty_natural_earth_names(dirty: str, clean: str) -> None:
    a, b = geocode(dirty), geocode(clean)
    assert a is not None and b is not None and a.raw["id"] == b.raw["id"]
    assert "  " not in a.address and "ISANDS" not in a.address.upper()


def test_okinawa_is_the_island_group() -> None:
    loc = geocode("Okinawa")
    assert loc.raw["kind"] == "island group"
    assert haversine_km(loc.latitude, loc.longitude, 26.5, 127.9) < 100


def test_ne_data_error_second_cape_lopatka_dropped() -> None:
    capes = [m for m in candidates("Cape Lopatka", limit=5) if m.place.kind == "cape"]
    assert len(capes) == 1 and capes[0].place.lat < 52
