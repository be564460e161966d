"""The Korea Strait's two channels: "Tsushima Strait" is the eastern one, "Korea Strait" the whole."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from apptest_util import map_args
from shapely.geometry import Point
from streamlit.testing.v1 import AppTest

from geo import candidates, geocode
from geo.geometry import country_shape
from geo.offset import inverse

CURATED = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "curated.csv"
TSUSHIMA, IKI = (34.417, 129.333), (33.783, 129.717)
BUSAN = (35.18, 129.08)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return inverse(a[0], a[1], b[0], b[1])[0]


def at_sea(lat: float, lon: float) -> bool:
    return not any(country_shape(iso).contains(Point(lon, lat)) for iso in ("JPN", "KOR"))


@pytest.mark.parametrize("query", ["Tsushima Strait", "eastern channel of the Korea Strait", "対馬海峡東水道",
                                   "between the islands of Tsushima and Iki"])
def test_tsushima_strait_is_the_eastern_channel(query: str) -> None:
    loc = geocode(query)
    assert loc.address == "Tsushima Strait" and loc.raw["kind"] == "strait"
    here = (loc.latitude, loc.longitude)
    assert km(here, (34.0075, 129.49)) < 1  # the coordinate of its Wikipedia article
    assert at_sea(*here)
    assert km(here, TSUSHIMA) + km(here, IKI) < 1.1 * km(TSUSHIMA, IKI)  # between Tsushima and Iki


@pytest.mark.parametrize("query", ["Western Channel", "Korea Strait western channel", "朝鮮海峡",
                                   "between Tsushima and the Korean Peninsula"])
def test_western_channel_lies_between_korea_and_tsushima(query: str) -> None:
    loc = geocode(query)
    assert loc.address == "Western Channel (Korea Strait)"
    here = (loc.latitude, loc.longitude)
    assert at_sea(*here)
    assert km(here, BUSAN) + km(here, TSUSHIMA) < 1.2 * km(BUSAN, TSUSHIMA)
    assert loc.latitude > geocode("Tsushima Strait").latitude  # north-west of Tsushima, not south-east


@pytest.mark.parametrize("query", ["Korea Strait", "대한해협", "Korea/Tsushima Strait", "対馬海峡"])
def test_korea_strait_is_still_the_whole_strait(query: str) -> None:
    loc = geocode(query)
    assert loc.address == "Korea Strait" and (round(loc.latitude, 3), round(loc.longitude, 3)) == (34.599, 129.797)


def test_tsushima_strait_names_the_whole_strait_as_runner_up() -> None:
    names = [m.place.name for m in candidates("Tsushima Strait", limit=5)]
    assert names[0] == "Tsushima Strait" and "Korea Strait" in names[1:]


def test_curated_rows_are_sourced_and_notes_are_in_analyst_words() -> None:
    rows = list(csv.DictReader(CURATED.open(encoding="utf-8")))
    by_name = {r["name"]: r for r in rows}
    assert {"Tsushima Strait", "Western Channel (Korea Strait)", "Korea Strait"} <= set(by_name)
    for r in rows:
        assert r["source"].startswith("https://"), r["name"]
        assert None not in r and len(r) == 9, r["name"]  # no stray commas: every row has 9 columns
        for jargon in ("NE polygon", "sliver", "lat_y", "long_x", "point-in-zone"):
            assert jargon not in r["note"], (r["name"], r["note"])
    assert "Tsushima Strait" not in by_name["Western Channel (Korea Strait)"]["aliases"].split("|")


def test_notes_from_the_build_are_in_analyst_words() -> None:
    from geo.gazetteer import default_gazetteer

    notes = {p.note for p in default_gazetteer().places() if p.note}
    assert not [n for n in notes if any(j in n for j in ("sliver", "NE polygon", "completeness:", "point-in-zone"))]


def test_gazetteer_page_shows_the_eastern_channel_and_labels_the_whole_strait(monkeypatch) -> None:
    monkeypatch.delenv("SORTIE_GAZETTEER_DIR", raising=False)
    at = AppTest.from_file("../pages/gazetteer.py", default_timeout=60).run()
    at.text_input(key="gaz_query").set_value("Tsushima Strait").run()
    assert not at.exception
    assert at.subheader[0].value == "Tsushima Strait"
    assert "Eastern channel of the Korea Strait" in at.info[0].value
    table = at.dataframe[0].value
    assert list(table["#"][:2]) == [1, 2] and "Korea Strait" in set(table["name"])
    script = map_args(at)["script"]
    assert "1 · Tsushima Strait (strait)" in script and "2 · Korea Strait (strait)" in script  # labelled dots
    assert '"permanent": true' in script
