"""Synthetic events for benchmarks: mixed types, points, routes and areas, reproducible by seed."""

from __future__ import annotations

import csv
import json
import random
from datetime import date, timedelta
from pathlib import Path

from events.event_types import EVENT_TYPES
from events.io import COLUMNS

ACTORS = ["RUS", "CHN", "USA", "JPN", "KOR", "TWN", "GBR", "FRA", "PRK", "AUS"]


def rows(n: int, seed: int = 1, prefix: str = "syn") -> list[dict[str, str]]:
    rnd = random.Random(seed)
    start = date(2020, 1, 1)
    out = []
    for i in range(n):
        t = rnd.choice(EVENT_TYPES)
        d0 = start + timedelta(days=rnd.randrange(0, 6 * 365))
        lon, lat = rnd.uniform(100, 170), rnd.uniform(5, 60)
        kind = rnd.random()
        row = {"id": f"{prefix}-{i:06d}", "type": t, "date_start": d0.isoformat(),
               "date_end": (d0 + timedelta(days=rnd.choice([0, 0, 0, 1, 3, 10]))).isoformat(),
               "actors": ";".join(rnd.sample(ACTORS, rnd.choice([1, 1, 2]))), "observers": rnd.choice(ACTORS),
               "places": "Synthetic place", "assets": "Tu-95MS x2", "evidence": f"Synthetic event {i}.",
               "source_name": "benchmark", "source_url": f"https://example.org/{i}"}
        if kind < 0.7:
            row["lat"], row["lon"] = f"{lat:.4f}", f"{lon:.4f}"
        elif kind < 0.9:
            pts = [[round(lon + k * rnd.uniform(-3, 3), 3), round(lat + k * rnd.uniform(-2, 2), 3)] for k in range(4)]
            row["geometry"] = json.dumps({"type": "LineString", "coordinates": pts})
        else:
            w = rnd.uniform(1, 5)
            ring = [[lon, lat], [lon + w, lat], [lon + w, lat + w], [lon, lat + w], [lon, lat]]
            row["geometry"] = json.dumps({"type": "Polygon", "coordinates": [[[round(x, 3), round(y, 3)]
                                                                               for x, y in ring]]})
            row["geo_precision"] = "area"
        out.append(row)
    return out


def write_csv(path: Path, n: int, seed: int = 1, prefix: str = "syn") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows(n, seed, prefix))
    return path
