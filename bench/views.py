"""Time the map's and Sources page's per-collection work on 1,000 and 100,000 synthetic events.

    python bench/views.py            # best of 3 runs per size, and the 100k / 1k ratio per event

Two computations that grow with the collection and are cached per store revision and filter:
the Sources page's corroboration groups (events/corroboration.py) and the zones layer's
route entries (maps/zones.py, cold and after a filter change of the same frame). Timed here,
not in unit tests, which assert only what these return (a shared machine makes timings flaky).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events import corroboration as co  # noqa: E402
from events.event_types import EVENT_TYPES  # noqa: E402
from maps import zones as zn  # noqa: E402

SIZES = (1_000, 100_000)


def reports_frame(n: int, outlets: int = 20, places: int = 300, seed: int = 7) -> pd.DataFrame:
    """Reports from many outlets over ten years, seven types, eight countries; 10% month
    precision, 10% date ranges. Few ``places`` make it dense: many reports of one activity."""
    rng = random.Random(seed)
    countries = ["RUS", "CHN", "JPN", "KOR", "USA", "TWN", "GBR", "FIN"]
    names = [f"Place {k}" for k in range(places)]
    rows = []
    for i in range(n):
        d = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        prec = rng.choice(["day"] * 8 + ["month", "range"])
        rows.append({"id": f"e{i}", "type": rng.choice(EVENT_TYPES), "date_start": d,
                     "date_end": d + timedelta(days=rng.randrange(10)) if prec == "range" else d,
                     "date_precision": prec, "actors": rng.sample(countries, rng.randrange(3)),
                     "observers": rng.sample(countries, rng.randrange(2)),
                     "places": rng.sample(names, rng.randrange(3)),
                     "lat": rng.uniform(20, 70), "lon": rng.uniform(0, 180), "geo_precision": "place",
                     "assets": [f"Tu-95MS x{rng.randrange(1, 5)}"], "closest_approach_km": None,
                     "source_url": f"https://o{rng.randrange(30)}.example/{i}",
                     "source_name": rng.choice([*(f"Outlet {k}" for k in range(outlets)), None]),
                     "published": d, "evidence": "", "status": "approved"})
    return pd.DataFrame(rows)


def routes_frame(n: int, seed: int = 1) -> pd.DataFrame:
    """One route in five (bench/synthetic.py's mix), the rest points, over East Asia's zones."""
    rnd = np.random.default_rng(seed)
    geoms: list[dict] = []
    for k in range(n):
        lon, lat = rnd.uniform(100, 170), rnd.uniform(5, 60)
        if k % 5:
            geoms.append({"type": "Point", "coordinates": [lon, lat]})
        else:
            steps = rnd.uniform(-3, 3, size=(4, 2)) * np.arange(4)[:, None]
            geoms.append({"type": "LineString", "coordinates": (np.array([lon, lat]) + steps).round(3).tolist()})
    return pd.DataFrame({"id": [f"syn-{k}" for k in range(n)], "geometry": geoms})


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    rows: dict[str, list[float]] = {}
    for n in SIZES:
        typical, dense, routes = reports_frame(n), reports_frame(n, places=6), routes_frame(n)

        def cold(routes: pd.DataFrame = routes) -> None:
            zn._MEMO.clear()
            zn.zone_entries(routes)

        rows.setdefault("corroboration groups, typical", []).append(best(lambda f=typical: co.groups(f)))
        rows.setdefault("corroboration groups, dense (6 places)", []).append(best(lambda f=dense: co.groups(f)))
        rows.setdefault("zone entries, cold", []).append(best(cold))
        zn.zone_entries(routes)
        part = routes[routes.index % 3 != 0]
        rows.setdefault("zone entries, after a filter change", []).append(best(lambda p=part: zn.zone_entries(p)))
    print(f"| step | {SIZES[0]:,} | {SIZES[1]:,} | ratio | per event, 100k / 1k |")
    print("|---|---|---|---|---|")
    for name, (small, big) in rows.items():
        ratio = big / small
        print(f"| {name} | {small:.3f} s | {big:.3f} s | {ratio:.0f} | {ratio * SIZES[0] / SIZES[1]:.2f} |")


if __name__ == "__main__":
    main()
