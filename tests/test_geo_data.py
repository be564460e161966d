"""The derived data: sourced curated rows, modest size, no dependency on ../shared at runtime."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

from geo.gazetteer import Gazetteer
from geo.normalize import key

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "data" / "gazetteer"


def test_every_curated_coordinate_has_a_public_source() -> None:
    with open(GAZ / "curated.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 60
    for r in rows:
        assert re.match(r"https://\S+", r["source"]), r["name"]
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0, 0)
    names = {r["name"] for r in rows}
    for must in ["Miyako Strait", "Korea Strait", "Strait of Hormuz", "Kerch Strait", "Liancourt Rocks",
                 "Senkaku Islands", "Paracel Islands", "Scarborough Shoal", "Kadena Air Base",
                 "Andersen Air Force Base", "Yokosuka Naval Base", "Engels-2", "Severomorsk",
                 "Tartus naval base", "Diego Garcia", "Camp Lemonnier", "Bashi Channel"]:
        assert must in names


def test_derived_data_is_compact_and_credited() -> None:
    total = sum(p.stat().st_size for p in GAZ.iterdir())
    assert total < 4_000_000
    doc = json.loads(gzip.decompress((GAZ / "places.json.gz").read_bytes()))
    assert "Natural Earth" in doc["attribution"] and "GeoNames" in doc["attribution"]
    assert doc["fields"][:4] == ["name", "kind", "lat", "lon"]


def test_runtime_never_reads_shared_data() -> None:
    for py in (ROOT / "geo").glob("*.py"):
        text = py.read_text(encoding="utf-8")
        assert "shared/data" not in text and "SHARED" not in text and "ne_data" not in text, py.name


def test_gazetteer_loads_from_repo_only() -> None:
    g = Gazetteer()
    assert len(g) > 30_000 and "okhotsk sea" in g.keys
    shapes = g.shapes()
    assert len(shapes) > 400
    assert all(g["type"] in ("Polygon", "MultiPolygon", "LineString") for g in shapes.values())


def test_every_curated_row_is_in_the_built_index() -> None:
    """Every row of curated.csv is in places.json.gz: rerun scripts/build_gazetteer.py after editing it."""
    g = Gazetteer()
    with open(GAZ / "curated.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        hits = [g.place(i) for i in g.keys.get(key(r["name"]), ())]
        assert any(p.name == r["name"] and p.source == r["source"] for p in hits), r["name"]
        for alias in filter(None, r["aliases"].split("|")):
            assert any(g.place(i).name == r["name"] for i in g.keys.get(key(alias), ())), alias
