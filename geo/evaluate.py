"""Score a geocoder on a development set: share of queries answered within tolerance.

Why in ``geo``: the benchmark and the accuracy test must compute the same figure.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .resolve import haversine_km


@dataclass(frozen=True, slots=True)
class Outcome:
    query: str
    expected: str
    category: str
    ok: bool
    error_km: float | None  # None when nothing was returned
    got: str


def load_devset(path: Path) -> list[dict[str, str]]:
    """Rows of a devset CSV (query, expected, lat, lon, tolerance_km, category, source)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if not r["source"].strip():
            raise ValueError(f"devset row without a source: {r['query']!r}")
    return rows


def evaluate(geocoder: Any, rows: list[dict[str, str]]) -> list[Outcome]:
    """Geocode each row; ok when the answer lies within the row's tolerance."""
    out = []
    for r in rows:
        loc = geocoder.geocode(r["query"], geometry=False)
        if loc is None:
            out.append(Outcome(r["query"], r["expected"], r["category"], False, None, ""))
            continue
        err = haversine_km(float(r["lat"]), float(r["lon"]), loc.latitude, loc.longitude)
        out.append(Outcome(r["query"], r["expected"], r["category"], err <= float(r["tolerance_km"]),
                           round(err, 1), loc.address))
    return out


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(o.ok for o in outcomes) / len(outcomes) if outcomes else 0.0
