"""Places as news reports write them: distance and bearing from an anchor, between two places,
ADIZ and airspace phrases, two names of one sea; checked through ``geo.geocode`` with real
outcomes (geodesic distances measured back with pyproj)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import Point, shape

from geo import OfflineGeocoder, geocode
from geo.match import PRECISIONS
from geo.offset import destination, inverse, midpoint
from geo.phrases import compass, parse

ROOT = Path(__file__).resolve().parent.parent
GEOD = Geod(ellps="WGS84")


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SORTIE_GEOCODER_ONLINE", raising=False)


def measured(anchor: str, query: str) -> tuple[float, float]:
    """(km, bearing) from the anchor's point to the answer, by pyproj's inverse."""
    a, q = geocode(anchor), geocode(query)
    assert a is not None and q is not None, (anchor, query)
    az, _, m = GEOD.inv(a.longitude, a.latitude, q.longitude, q.latitude)
    return m / 1000.0, az % 360.0


# --- distance and bearing -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "anchor", "km", "bearing"),
    [
        ("about 140 km north of Miyako Island", "Miyako Island", 140.0, 0.0),
        ("110 km southwest of Okushiri", "Okushiri Island", 110.0, 225.0),
        ("some 80 km east of Tsushima", "Tsushima Island", 80.0, 90.0),
        ("100 nautical miles northeast of Miyako Island", "Miyako Island", 185.2, 45.0),
        ("60 miles west of Kiska Island", "Kiska", 96.56, 270.0),
        ("approximately 200 kilometers (124 miles) north-northeast of Okinawa Island", "Okinawa Island", 200.0, 22.5),
        ("140 km NNE of Miyako Island", "Miyako Island", 140.0, 22.5),
        ("about 50 nautical miles (93 km) south of Yonaguni", "Yonaguni", 92.6, 180.0),
        ("1,000 km WSW of Andersen Air Force Base", "Andersen AFB", 1000.0, 247.5),
    ],
)
def test_offset_lies_at_the_distance_and_bearing(query: str, anchor: str, km: float, bearing: float) -> None:
    loc = geocode(query)
    assert loc is not None
    got_km, got_bearing = measured(anchor, query)
    assert abs(got_km - km) < 2.0, got_km
    assert min(abs(got_bearing - bearing), 360 - abs(got_bearing - bearing)) < 0.5, got_bearing
    r = loc.raw
    assert r["kind"] == "offset" and r["precision"] == "place" and r["method"] == "phrase"
    assert r["anchor"] == geocode(anchor).raw["name"]
    assert abs(r["distance_km"] - km) < 0.01 and r["bearing_deg"] == bearing
    assert r["geometry"] is None and r["id"] is None and "pyproj" in r["source"]


def test_nautical_and_statute_miles() -> None:
    assert geocode("100 nautical miles northeast of Miyako Island").raw["distance_km"] == 185.2
    assert geocode("100 nm northeast of Miyako Island").raw["distance_km"] == 185.2
    assert geocode("100 miles northeast of Miyako Island").raw["distance_km"] == pytest.approx(160.934, abs=1e-3)
    km, _ = measured("Miyako Island", "100 nautical miles northeast of Miyako Island")
    assert abs(km - 185.2) < 0.01


def test_offset_across_the_antimeridian() -> None:
    loc = geocode("300 km east of Kiska Island")
    assert loc is not None and -180 <= loc.longitude <= 180 and loc.longitude < -170
    km, _ = measured("Kiska Island", "300 km east of Kiska Island")
    assert abs(km - 300) < 0.01


def test_distance_without_bearing_is_the_anchor_noted_near() -> None:
    loc = geocode("50 km off the coast of Hokkaido")
    assert loc.address == "Hokkaidō" and loc.raw["qualifier"] == "near" and loc.raw["distance_km"] == 50.0
    assert loc.raw["precision"] == "area"


# --- between --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "strait", "anchors"),
    [
        ("between Okinawa's main island and Miyako Island", "Miyako Strait", ["Okinawa Island", "Miyako Island"]),
        ("between Sakhalin and Hokkaido", "La Pérouse Strait", ["Sakhalin", "Hokkaidō"]),
        ("between Taiwan and the Philippines", "Luzon Strait", ["Taiwan", "Philippines"]),
        # the eastern channel of the Korea Strait (curated): no longer a bare midpoint
        ("between the islands of Tsushima and Iki", "Tsushima Strait", ["Tsushima Island", "Iki Island"]),
    ],
)
def test_between_two_places_is_the_strait_between_them(query: str, strait: str, anchors: list[str]) -> None:
    loc = geocode(query)
    assert loc is not None and loc.address == strait
    assert loc.raw["kind"] == "strait" and loc.raw["anchors"] == anchors
    assert loc.raw["id"] == geocode(strait).raw["id"]


@pytest.mark.parametrize(
    ("query", "a", "b"),
    [("between Yonaguni and Taiwan", "Yonaguni", "Taiwan"),
     ("between the Senkaku Islands and Yonaguni", "Senkaku Islands", "Yonaguni")],
)
def test_between_without_a_strait_is_the_geodesic_midpoint(query: str, a: str, b: str) -> None:
    loc = geocode(query)
    assert loc is not None and loc.raw["kind"] == "between" and loc.raw["anchors"] == [a, b]
    la, lb = geocode(a), geocode(b)
    ab = inverse(la.latitude, la.longitude, lb.latitude, lb.longitude)[0]
    to_a = inverse(la.latitude, la.longitude, loc.latitude, loc.longitude)[0]
    to_b = inverse(lb.latitude, lb.longitude, loc.latitude, loc.longitude)[0]
    assert abs(to_a - ab / 2) < 0.5 and abs(to_b - ab / 2) < 0.5


# --- ADIZ and airspace ----------------------------------------------------------------------

def test_korean_adiz_phrases_have_the_kadiz_polygon() -> None:
    kadiz = geocode("KADIZ")
    assert kadiz.raw["kind"] == "adiz" and kadiz.raw["geometry"]["type"] == "Polygon"
    for q in ["South Korea's air defense identification zone", "Korea Air Defense Identification Zone",
              "South Korea's ADIZ"]:
        loc = geocode(q)
        assert loc.raw["id"] == kadiz.raw["id"], q
        assert loc.raw["geometry"] == kadiz.raw["geometry"] and loc.raw["precision"] == "area"


def test_a_pronoun_owner_needs_the_country_preference() -> None:
    assert geocode("its air defense zone") is None
    assert geocode("its airspace") is None
    assert geocode("its air defense zone", country_codes="KOR").raw["id"] == geocode("KADIZ").raw["id"]
    taiwan = geocode("its ADIZ", country_codes=["Taiwan", "JPN"])
    assert taiwan.raw["id"] == geocode("Taiwan ADIZ").raw["id"]
    fin = geocode("its airspace", country_codes="FIN")
    assert fin.raw["iso_a3"] == "FIN" and fin.raw["kind"] == "airspace"


@pytest.mark.parametrize("query", ["Taiwan's southwest ADIZ", "the southwestern part of Taiwan's ADIZ"])
def test_part_of_a_zone_is_inside_it_on_that_side(query: str) -> None:
    loc = geocode(query)
    zone = geocode("Taiwan ADIZ")
    taiwan = geocode("Taiwan")
    assert loc.raw["id"] == zone.raw["id"] and loc.raw["part"] == "southwest"
    assert shape(loc.raw["geometry"]).contains(Point(loc.longitude, loc.latitude))
    assert loc.latitude < taiwan.latitude and loc.longitude < taiwan.longitude


@pytest.mark.parametrize("query", ["Alaska's ADIZ", "the Alaska Air Defense Identification Zone"])
def test_missing_alaska_adiz_falls_back_to_alaska(query: str) -> None:
    loc = geocode(query)
    assert loc is not None and loc.address == "Alaska"  # not the East China Sea ADIZ (a fuzzy lookalike)
    assert loc.raw["kind"] == "airspace" and loc.raw["precision"] == "area" and loc.raw["zone"] is None
    assert "no Alaska ADIZ" in loc.raw["note"]


def test_country_airspace() -> None:
    loc = geocode("Finnish airspace")
    assert loc.raw["iso_a3"] == "FIN" and loc.raw["kind"] == "airspace" and loc.raw["place_kind"] == "country"
    assert loc.raw["precision"] == "country" and loc.raw["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_a_place_near_which_airspace_was_entered_wins_the_point() -> None:
    loc = geocode("Japanese airspace near the Danjo Islands")
    assert loc.address == "Danjo Islands" and loc.raw["airspace"] == "JPN" and loc.raw["qualifier"] == "airspace"
    km, _ = inverse(loc.latitude, loc.longitude, 32.017, 128.383)
    assert km < 5
    fallback = geocode("Estonian airspace near Nowhereville Island")
    assert fallback.raw["iso_a3"] == "EST" and fallback.raw["kind"] == "airspace"
    assert fallback.raw["confidence"] < 0.9


# --- common relative forms ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "name", "qualifier"),
    [("off the coast of Hokkaido", "Hokkaidō", "near"), ("near the Kuril Islands", "Kuril Islands", "near"),
     ("waters near Taiwan", "Taiwan", "near"), ("east of Hokkaido", "Hokkaidō", "east"),
     ("northeast of Tsushima", "Tsushima Island", "northeast"),
     ("off Japan's Okushiri Island", "Okushiri Island", "near"), ("Okushiri, Hokkaido", "Okushiri Island", "")],
)
def test_relative_forms_give_the_place_with_a_qualifier(query: str, name: str, qualifier: str) -> None:
    loc = geocode(query)
    assert loc is not None and loc.address == name and loc.raw["qualifier"] == qualifier


def test_direction_without_distance_keeps_the_bearing() -> None:
    loc = geocode("east of Hokkaido")
    assert loc.raw["bearing_deg"] == 90.0 and loc.raw["anchor"] == "Hokkaidō"


# --- two names of one sea -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "sea"),
    [("the Sea of Japan, known in South Korea as the East Sea", "Sea of Japan"),
     ("the East Sea (Sea of Japan)", "Sea of Japan"),
     ("the Sea of Japan, which Koreans call the East Sea", "Sea of Japan"),
     ("the West Philippine Sea, as Manila calls part of the South China Sea", "South China Sea")],
)
def test_two_names_in_one_phrase_are_the_one_sea(query: str, sea: str) -> None:
    loc = geocode(query)
    assert loc is not None and loc.address == sea and loc.raw["kind"] == "sea"


# --- every answer says how precise it is ----------------------------------------------------

@pytest.mark.parametrize(
    ("query", "precision"),
    [("Kadena Air Base", "exact"), ("Miyako Island", "place"), ("Tripoli", "place"), ("Sea of Okhotsk", "area"),
     ("KADIZ", "area"), ("Japan", "country"), ("Russian border", "country"), ("off Hokkaido", "area"),
     ("about 140 km north of Miyako Island", "place"), ("between Okinawa's main island and Miyako Island", "place"),
     ("200 km east of Japan", "country"), ("Sea of Okhostk", "area")],
)
def test_every_answer_carries_precision_and_kind(query: str, precision: str) -> None:
    loc = geocode(query)
    assert loc.raw["precision"] == precision and loc.raw["precision"] in PRECISIONS
    assert loc.raw["kind"] and {"source", "confidence", "name", "iso_a3", "method", "geometry"} <= set(loc.raw)


# --- nonsense and hostile input -------------------------------------------------------------

@pytest.mark.parametrize(
    "query",
    ["140 km north of Nowhereville", "between Nowhereville and Xqzvbn", "Nowhereville's ADIZ", "ADIZ",
     "50 km off Xqzvbn", "Nowhereville, Japan", "140 km north of 50 km south of Miyako Island"],
)
def test_nonsense_phrases_return_none(query: str) -> None:
    assert geocode(query) is None


HOSTILE = ["between " + "a and " * 49, "1 km north of " * 21, "(" * 299, "ADIZ " * 59, "near " * 60,
           "a, known in b as " * 17, " of".join(["north"] * 70), "between " + "Okinawa and " * 24 + "Miyako",
           "9" * 299 + " km", "140 km north of " + "x" * 10_000, "about 140 km north of Miyako Island" * 100]


def test_huge_or_hostile_strings_return_none_quickly() -> None:
    t = time.perf_counter()
    for q in HOSTILE:
        assert geocode(q) is None, q[:40]
    assert time.perf_counter() - t < 1.0


# --- public API, network and CLI ------------------------------------------------------------

class RecordingFallback:
    """An online fallback that must not be asked about phrases it cannot read."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def lookup(self, query: str, key: str) -> None:
        self.asked.append(query)
        return None


def test_phrases_never_go_to_the_online_fallback() -> None:
    fb = RecordingFallback()
    g = OfflineGeocoder(online=True, fallback=fb)  # type: ignore[arg-type]
    assert g.geocode("140 km north of Nowhereville") is None
    assert g.geocode("Alaska's ADIZ").address == "Alaska"
    assert fb.asked == []
    g.geocode("Xqzvbn Wkpt")
    assert fb.asked == ["Xqzvbn Wkpt"]


def test_cli_prints_the_offset_point() -> None:
    env = {**os.environ, "SORTIE_GEOCODER_ONLINE": "0", "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "geo", "about 140 km north of Miyako Island"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert obj["name"] == "140 km N of Miyako Island" and obj["kind"] == "offset"
    assert abs(obj["lat"] - geocode("about 140 km north of Miyako Island").latitude) < 1e-4


# --- the parts ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "bearing"),
    [("N", 0.0), ("nne", 22.5), ("north-northeast", 22.5), ("north east", 45.0), ("ESE", 112.5), ("south", 180.0),
     ("southwest", 225.0), ("west-southwest", 247.5), ("NNW", 337.5)],
)
def test_compass_points(words: str, bearing: float) -> None:
    assert compass(words)[0] == bearing


@pytest.mark.parametrize("words", ["northnorth", "ns", "upward", "nnnn"])
def test_not_compass_points(words: str) -> None:
    assert compass(words) is None


def test_parse_is_none_for_plain_names() -> None:
    for name in ["Sea of Okhotsk", "East China Sea", "Kadena Air Base", "Finnish airspace", "Miyako Strait"]:
        assert parse(name) is None, name


def test_geodesic_helpers_round_trip() -> None:
    lat, lon = destination(24.767, 125.317, 45.0, 185.2)
    km, az = inverse(24.767, 125.317, lat, lon)
    assert abs(km - 185.2) < 1e-6 and abs(az - 45.0) < 1e-6
    mlat, mlon = midpoint(51.964, 177.46, 51.964, -170.0)  # across the antimeridian
    assert -180 <= mlon <= 180 and (mlon > 177.46 or mlon < -170.0)
