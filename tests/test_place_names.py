"""The basemap's names table (data/ne/places.json) and how maps carry it."""

from __future__ import annotations

from maps.basemap import DARK_BASEMAP_NAME, base_map
from maps.names import LAYER_NAME, PLACES, place_names
from maps.style import DARK_LAND, DARK_SEA

COUNTRY, CAPITAL, CITY = 0, 1, 2


def rows() -> list[list]:
    return place_names()["places"]


def test_names_file_is_compact_and_credited() -> None:
    assert PLACES.exists()
    assert 20_000 < PLACES.stat().st_size < 300_000
    table = place_names()
    assert "Natural Earth" in table["attribution"]
    assert table["columns"] == ["name", "lat", "lon", "minzoom", "maxzoom", "kind"]
    kinds = [r[5] for r in rows()]
    assert kinds.count(COUNTRY) > 200 and kinds.count(CAPITAL) > 150 and kinds.count(CITY) > 800


def test_rows_are_sane() -> None:
    for name, lat, lon, lo, hi, kind in rows():
        assert name.strip() == name and name
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert 0 <= lo <= hi and kind in (COUNTRY, CAPITAL, CITY)


def test_rows_are_in_placement_order() -> None:
    """Best first: by min zoom, then capitals, countries, cities."""
    keys = [(r[3], {CAPITAL: 0, COUNTRY: 1, CITY: 2}[r[5]]) for r in rows()]
    assert keys == sorted(keys)
    first = [r[0] for r in rows()[:40]]
    assert "Russia" in first and "China" in first and "Japan" in first and "Tokyo" in first
    # at the world view, big countries come before small ones
    order = [r[0] for r in rows() if r[5] == COUNTRY]
    assert order.index("Russia") < order.index("South Korea") < order.index("Vatican")


def test_known_places_are_where_they_should_be() -> None:
    by_name = {r[0]: r for r in rows()}
    for name, lat, lon, kind in (("Tokyo", 35.7, 139.7, CAPITAL), ("Seoul", 37.6, 127.0, CAPITAL),
                                 ("Anchorage", 61.2, -149.9, CITY), ("Vladivostok", 43.1, 131.9, CITY),
                                 ("Taipei", 25.0, 121.5, CAPITAL), ("Pyongyang", 39.0, 125.8, CAPITAL)):
        r = by_name[name]
        assert abs(r[1] - lat) < 0.5 and abs(r[2] - lon) < 0.5 and r[5] == kind, r
    # a country's name sits inside the country, on its main part
    for name, (s, w, n, e) in {"Japan": (33, 132, 41, 142), "Russia": (50, 40, 72, 140),
                               "Norway": (58, 5, 71, 31), "United States of America": (30, -120, 48, -75)}.items():
        r = by_name[name]
        assert r[5] == COUNTRY and s < r[1] < n and w < r[2] < e, r
    assert by_name["Tokyo"][3] < by_name["Vladivostok"][3]  # a capital shows from further out


def test_maps_carry_the_names_and_the_dark_base() -> None:
    html = base_map().get_root().render()
    assert "/app/static/sortie/names.js" in html and "Sortie.addPlaceNames(" in html
    assert LAYER_NAME in html and DARK_BASEMAP_NAME in html
    assert DARK_LAND in html and DARK_SEA in html
    assert '"Tokyo"' in html  # inline unless a URL is given


def test_a_published_names_file_is_referenced_not_inlined() -> None:
    html = base_map(names_source="/app/static/cache/places-x.json").get_root().render()
    assert '"/app/static/cache/places-x.json"' in html and '"Tokyo"' not in html
