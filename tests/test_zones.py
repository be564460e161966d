"""The zones layer: ADIZ outlines and disputed islands from the gazetteer, and where routes enter a zone."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, shape

from bench.views import routes_frame
from events.frame import events_frame
from events.io import read_file
from events.store import SAMPLE
from maps import payload as pl
from maps import zones as zn
from maps.build import events_map

JOINT_PATROL = {"type": "LineString", "coordinates": [[135.1808, 40.706], [125.2751, 28.7186]]}  # the sample's


ENTRY = re.compile(r'\[[\d.]+, [\d.]+, \d+, "seed-2021-11-19-joint-patrol"\]')  # an entry row, inline


def zone_index(name: str) -> int:
    return next(k for k, f in enumerate(zn.zone_data()["zones"]["features"]) if f["properties"]["name"] == name)


def zone_shape(name: str):
    return shape(zn.zone_data()["zones"]["features"][zone_index(name)]["geometry"])


def frame(*geoms: dict | str | None) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"e{k}" for k in range(len(geoms))], "geometry": list(geoms)})


# --- the fixed data ---------------------------------------------------------------------------

def test_every_adiz_of_the_gazetteer_is_a_named_outline() -> None:
    data = zn.zone_data()
    names = [f["properties"]["name"] for f in data["zones"]["features"]]
    assert names == ["China ECS ADIZ", "KADIZ", "JADIZ (partial)", "Taiwan ADIZ"]
    assert [r[0] for r in data["labels"]] == names
    jadiz = data["zones"]["features"][names.index("JADIZ (partial)")]
    assert jadiz["geometry"]["type"] == "LineString" and jadiz["properties"]["partial"]
    kadiz = data["zones"]["features"][names.index("KADIZ")]
    assert kadiz["properties"]["title"].startswith("Korea Air Defense Identification Zone")
    assert kadiz["properties"]["note"]  # the boundary's accuracy, for the tooltip reader
    # each label point lies inside its zone (a partial line: on it)
    for f, (_, lat, lon) in zip(data["zones"]["features"], data["labels"], strict=True):
        assert shape(f["geometry"]).distance(Point(lon, lat)) < 0.01, f["properties"]["name"]


def test_zone_edges_are_densified_so_the_map_draws_the_source_lines() -> None:
    for f in zn.zone_data()["zones"]["features"]:
        g = shape(f["geometry"])
        ring = np.asarray(g.exterior.coords if g.geom_type == "Polygon" else g.coords)
        steps = np.hypot(*np.diff(ring, axis=0).T)
        assert steps.max() <= zn.DENSIFY_DEG + 1e-6, f["properties"]["name"]
    # the KADIZ keeps its published corner 39°N 133°E
    assert zone_shape("KADIZ").exterior.distance(Point(133.0, 39.0)) < 1e-3


def test_known_points_fall_in_their_zones() -> None:
    assert zone_shape("KADIZ").contains(Point(126.5, 33.4))  # Jeju
    assert zone_shape("China ECS ADIZ").contains(Point(123.48, 25.75))  # the Senkakus
    assert zone_shape("Taiwan ADIZ").contains(Point(121.56, 25.03))  # Taipei
    assert not zone_shape("KADIZ").contains(Point(129.33, 34.42))  # Tsushima


def test_disputed_islands_carry_both_names_and_who_claims_them() -> None:
    islands = {row[0]: row for row in zn.zone_data()["islands"]}
    for label in ["Senkaku / Diaoyu Islands", "Dokdo / Takeshima", "Iturup / Etorofu", "Kunashir / Kunashiri",
                  "Paracel Islands", "Spratly Islands", "Scarborough Shoal / Huangyan Dao"]:
        assert label in islands, label
    senkaku = islands["Senkaku / Diaoyu Islands"]
    assert (senkaku[1], senkaku[2]) == (25.75, 123.48)
    assert "Japan administers; China and Taiwan claim" in senkaku[3]
    assert islands["Dokdo / Takeshima"][3].startswith("Liancourt Rocks · Disputed: South Korea administers")
    assert "Northern Territories" in islands["Iturup / Etorofu"][3]
    # not disputed: no symbol
    assert not {"Jeju Island", "Pratas Island", "Uotsuri Island"} & set(islands)


# --- zone entries -----------------------------------------------------------------------------

def test_the_sample_patrol_enters_the_kadiz_on_its_east_edge_and_then_the_chinese_zone() -> None:
    entries = zn.zone_entries(frame(JOINT_PATROL, {"type": "Point", "coordinates": [127.0, 35.0]}, None))
    assert {e[2] for e in entries} == {zone_index("KADIZ"), zone_index("China ECS ADIZ")}
    assert all(e[3] == "e0" for e in entries)
    kadiz = next(e for e in entries if e[2] == zone_index("KADIZ"))
    assert kadiz[1] == pytest.approx(133.0, abs=1e-3) and 37.3 < kadiz[0] < 39.0  # the 133°E edge
    route = LineString(JOINT_PATROL["coordinates"])
    for lat, lon, z, _ in entries:
        boundary = zn.zone_data()["zones"]["features"][z]["geometry"]
        assert shape(boundary).exterior.distance(Point(lon, lat)) < 0.02  # on the boundary...
        # ...and on the route as the map draws it (segments straight in Web Mercator)
        assert zn._to_merc(route).distance(zn._to_merc(Point(lon, lat))) < 1e-3


def test_a_route_starting_inside_enters_only_when_it_comes_back() -> None:
    # Jeju -> Tsushima (out of the KADIZ) -> back west to the Yellow Sea: one KADIZ entry, not at Jeju
    route = {"type": "LineString", "coordinates": [[126.5, 33.4], [130.5, 34.0], [130.5, 33.0], [123.5, 33.0]]}
    entries = [e for e in zn.zone_entries(frame(route)) if e[2] == zone_index("KADIZ")]
    assert len(entries) == 1
    lat, lon = entries[0][:2]
    assert lon > 127.3 and lat == pytest.approx(33.0, abs=0.05)
    # never out: no entry at all
    assert not [e for e in zn.zone_entries(frame({"type": "LineString", "coordinates": [[126.0, 36.0],
                                                                                        [127.0, 37.0]]}))
                if e[2] == zone_index("KADIZ")]


def test_a_route_crossing_itself_inside_a_zone_does_not_enter_at_the_crossing() -> None:
    # all inside the KADIZ, its third leg crossing the first: no boundary is crossed inward
    route = {"type": "LineString", "coordinates": [[127.808, 34.713], [126.174, 32.745], [128.487, 34.493],
                                                   [123.012, 32.014]]}
    entries = zn.zone_entries(frame(route))
    assert not [e for e in entries if e[2] == zone_index("KADIZ")]
    for lat, lon, z, _ in entries:  # it leaves west across 124°E into the Chinese zone only
        assert zn.zone_data()["zones"]["features"][z]["properties"]["name"] == "China ECS ADIZ"
        assert zone_shape("China ECS ADIZ").exterior.distance(Point(lon, lat)) < 0.02


def test_multilinestring_parts_are_taken_in_order() -> None:
    far = [[150.0, 10.0], [151.0, 11.0]]  # the Pacific: no zone
    route = {"type": "MultiLineString", "coordinates": [far, JOINT_PATROL["coordinates"]]}
    assert zn.zone_entries(frame(route)) == zn.zone_entries(frame(JOINT_PATROL))


def test_json_text_and_world_copies_give_the_same_entries() -> None:
    base = zn.zone_entries(frame(JOINT_PATROL))
    assert zn.zone_entries(frame(json.dumps(JOINT_PATROL))) == base
    west = {"type": "LineString", "coordinates": [[x - 360, y] for x, y in JOINT_PATROL["coordinates"]]}
    for a, b in zip(zn.zone_entries(frame(west)), base, strict=True):
        assert a[:2] == pytest.approx(b[:2], abs=1e-3) and a[2:] == b[2:]


def test_a_route_across_the_antimeridian_is_one_continuous_line() -> None:
    # 170°E -> 170°W written both ways: the same line, 20° long, crossing no zone
    wrapped = {"type": "LineString", "coordinates": [[170.0, 30.0], [-170.0, 31.0]]}
    xy, sizes, rows = zn._route_parts([wrapped])
    assert xy[:, 0].tolist() == [170.0, 190.0] and sizes.tolist() == [2] and rows == [0]
    assert zn.zone_entries(frame(wrapped)) == []


def test_points_areas_and_missing_geometry_have_no_entries() -> None:
    area = {"type": "Polygon", "coordinates": [[[124, 30], [130, 30], [130, 36], [124, 36], [124, 30]]]}
    df = frame({"type": "Point", "coordinates": [125.0, 30.0]}, area, None, float("nan"),
               json.dumps({"type": "Point", "coordinates": [125.0, 30.0]}))
    assert zn.zone_entries(df) == []
    assert zn.zone_entries(frame()) == []


def test_an_edited_route_is_computed_again() -> None:
    df = frame(dict(JOINT_PATROL))
    first = zn.zone_entries(df)
    assert first
    moved = frame({"type": "LineString", "coordinates": [[150.0, 10.0], [151.0, 11.0]]})  # same id "e0"
    assert zn.zone_entries(moved) == []
    assert zn.zone_entries(df) == first


def test_entries_of_many_routes_survive_a_filter_change() -> None:
    """20,000 routes among 100,000 events (bench/views.py times it): a filter change of the same
    frame reuses what each route gave, and every entry is a real point on the map."""
    df = routes_frame(100_000)
    zn._MEMO.clear()
    cold = zn.zone_entries(df)
    warm = zn.zone_entries(df[df.index % 3 != 0])
    assert len(cold) > 500 and {e[3] for e in warm} <= {e[3] for e in cold}
    assert all(math.isfinite(e[0]) and -180 <= e[1] < 180 for e in cold)


# --- on the map -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    events, errors = read_file(SAMPLE)
    assert not errors
    return events_frame(events)


def test_the_map_has_the_layer_with_its_entries_inline(sample: pd.DataFrame) -> None:
    html = events_map(sample, inline=True).get_root().render()
    assert "Sortie.addZones(" in html and zn.LAYER_NAME in html
    assert "/app/static/sortie/zones.js" in html
    assert ENTRY.search(html)


def test_served_maps_publish_zones_once_and_keep_private_entries_inline(sample: pd.DataFrame, tmp_path,
                                                                        monkeypatch) -> None:
    monkeypatch.setattr(pl, "CACHE", tmp_path)  # not the shared static/cache a running app serves
    served = events_map(sample, inline=False).get_root().render()
    assert "/app/static/cache/zones-" in served and "/app/static/cache/events-zones-" in served
    assert not ENTRY.search(served)
    private = events_map(sample, inline=False, private=True).get_root().render()
    assert "/app/static/cache/zones-" in private and "events-zones-" not in private
    assert ENTRY.search(private)
    # turning accounts on removes published entries with the other event files
    assert list(tmp_path.glob("events-zones-*.json.gz")) and list(tmp_path.glob("zones-*.json.gz"))
    pl.unpublish()
    assert not list(tmp_path.glob("events-zones-*.json.gz")) and list(tmp_path.glob("zones-*.json.gz"))
