"""Shared helpers for the scripts that derive Sortie's compact data from Natural Earth.

Natural Earth (naturalearthdata.com) is public domain. The raw files live in
``../shared/data/`` beside the project root; the derived files are committed under ``data/``
so that a fresh clone works without ``../shared/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "data"


def load_features(relpath: str) -> list[dict[str, Any]]:
    """Features of a raw GeoJSON file under ``../shared/data/``; fails clearly if absent."""
    path = SHARED / relpath
    if not path.exists():
        raise SystemExit(f"{path} not found: these scripts need ../shared/data beside the repo")
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def rounded(geom: BaseGeometry, decimals: int) -> dict[str, Any]:
    """GeoJSON mapping of ``geom`` with coordinates rounded to ``decimals`` places."""

    def walk(coords: Any) -> Any:
        if isinstance(coords, (int, float)):
            return round(coords, decimals)
        return [walk(c) for c in coords]

    g = mapping(geom)
    if g["type"] == "GeometryCollection":
        return {"type": g["type"], "geometries": [rounded(shape(x), decimals) for x in g["geometries"]]}
    return {"type": g["type"], "coordinates": walk(g["coordinates"])}


def write_collection(path: Path, features: Iterable[dict[str, Any]], attribution: str) -> int:
    """Write a compact FeatureCollection (one feature per line for readable diffs); returns bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = (
        '{"type":"FeatureCollection","attribution":' + json.dumps(attribution) + ',"features":[\n'
        + ",\n".join(lines)
        + "\n]}\n"
    )
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
