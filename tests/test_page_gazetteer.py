"""The Gazetteer page, run headless by Streamlit's AppTest."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from apptest_util import map_args
from streamlit.testing.v1 import AppTest

from geo.normalize import key

PAGE = "../pages/gazetteer.py"
EVIL = '<img src=x onerror="alert(1)">Evil Sea'


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.delenv("SORTIE_GAZETTEER_DIR", raising=False)
    return AppTest.from_file(PAGE, default_timeout=60)


def test_default_query_shows_shape_kind_source_and_candidates(page: AppTest) -> None:
    page.run()
    assert not page.exception
    assert page.subheader[0].value == "Sea of Okhotsk"
    assert page.metric[0].value == "sea" and page.metric[1].value == "1.00"
    assert any("Natural Earth" in t.value for t in page.text)
    script = map_args(page)["script"]
    assert "Polygon" in script and "Sea of Okhotsk (sea)" in script
    assert len(page.dataframe[0].value) >= 1


def test_alias_point_place_and_runner_ups(page: AppTest) -> None:
    page.run()
    page.text_input(key="gaz_query").set_value("Dokdo").run()
    assert page.subheader[0].value == "Liancourt Rocks"
    assert any("wikipedia.org/wiki/Liancourt_Rocks" in t.value for t in page.text)
    page.text_input(key="gaz_query").set_value("Tripoli").run()
    table = page.dataframe[0].value
    assert len(table) >= 2 and set(table["country"]) >= {"LBY", "LBN"}
    page.text_input(key="gaz_country").set_value("LBN").run()
    assert page.dataframe[0].value.iloc[0]["country"] == "LBN"


def test_bad_and_unknown_input(page: AppTest) -> None:
    page.run()
    page.text_input(key="gaz_query").set_value("   ").run()
    assert not page.exception and "empty query" in page.info[0].value
    page.text_input(key="gaz_query").set_value("Xqzvbn Wkpt").run()
    assert not page.exception and page.warning and not page.dataframe


def write_gazetteer(directory: Path) -> None:
    """A one-place gazetteer whose name is an HTML injection attempt."""
    places = [[EVIL, "sea", 10.0, 20.0, 90, "", '<script>alert("src")</script>', 1, ""]]
    doc = {"attribution": "test", "fields": ["name", "kind", "lat", "lon", "rank", "iso_a3", "source",
                                             "has_shape", "note"],
           "places": places, "keys": {key("Evil Sea"): [0], key(EVIL): [0]}}
    (directory / "places.json.gz").write_bytes(gzip.compress(json.dumps(doc).encode()))
    shapes = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": 0, "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [[[19, 9], [21, 9], [21, 11], [19, 11], [19, 9]]]}}]}
    (directory / "shapes.geojson.gz").write_bytes(gzip.compress(json.dumps(shapes).encode()))


def test_text_from_data_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_gazetteer(tmp_path)
    monkeypatch.setenv("SORTIE_GAZETTEER_DIR", str(tmp_path))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    at.text_input(key="gaz_query").set_value("Evil Sea").run()
    assert not at.exception
    script = map_args(at)["script"]
    assert "<img" not in script and "&lt;img" in script
    assert "<script>alert" not in script
