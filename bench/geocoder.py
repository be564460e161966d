"""Benchmark the offline geocoder: accuracy on the devset, cold start, lookup medians, RSS,
beside a geopy Nominatim call made with no network (the baseline users have today).

Run: ``python bench/geocoder.py`` (add ``--no-baseline`` to skip the network attempt).
Targets (issue 3): accuracy >= 97 %, cold start < 1.5 s, exact < 0.1 ms, fuzzy < 2 ms,
RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEVSET = ROOT / "tests" / "data" / "geocoder_devset.csv"
COLD = ("import time; t=time.perf_counter(); import geo; g=geo.default_geocoder(); "
        "t1=time.perf_counter(); g.resolver.fuzzy; t2=time.perf_counter(); print(t1-t, t2-t)")
# Typos and word-order noise that no exact key covers (fuzzy path).
FUZZY_EXTRA = ["Sea of Okhostk", "Vladivostock", "Kadena airbse", "Miyako Straight", "Severomorks",
               "Yelow Sea", "Phillipine Sea", "Scarborough Shaol", "Sprately Islands", "Senkaku Island",
               "Strait of Hormoz", "South China See", "Tsugaru Straight", "Yokosuka Naval Bas",
               "Andersen Air Forse Base", "Petropavlovsk Kamchatskiy", "Gulf of Adan", "Bab el Mandab",
               "Sea of Azof", "Barents Sae"]


def cold_start(runs: int) -> tuple[float, float]:
    """Median seconds for import + index, and for import + index + fuzzy index, fresh processes."""
    a, b = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True)
        x, y = map(float, out.stdout.split())
        a.append(x)
        b.append(y)
    return statistics.median(a), statistics.median(b)


def per_call_ms(fn, queries: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter_ns()
            fn(q)
            times.append((time.perf_counter_ns() - t) / 1e6)
    return times


def baseline(timeout: float, domain: str = "nominatim.openstreetmap.org") -> str:
    """One geopy Nominatim call as a user would make it, with no network."""
    from geopy.geocoders import Nominatim

    nom = Nominatim(user_agent="sortie-benchmark", timeout=timeout, domain=domain)
    t = time.perf_counter()
    try:
        loc = nom.geocode("Sea of Okhotsk")
        result = f"answered: {loc}"
    except Exception as exc:  # noqa: BLE001 (we report whatever geopy raises)
        result = f"{type(exc).__name__}"
    return f"{time.perf_counter() - t:8.3f} s  ({result}; timeout={timeout}s)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from geo import OfflineGeocoder
    from geo.evaluate import accuracy, evaluate, load_devset

    cold, cold_fuzzy = cold_start(args.runs)
    g = OfflineGeocoder(online=False)
    rows = load_devset(DEVSET)
    outcomes = evaluate(g, rows)
    acc = accuracy(outcomes)

    exact_q = [r["query"] for r in rows if (m := g.candidates(r["query"], limit=1)) and m[0].method == "exact"]
    fuzzy_q = [q for q in dict.fromkeys([r["query"] for r in rows if r["category"] == "fuzzy"] + FUZZY_EXTRA)
               if (m := g.candidates(q, limit=1)) and m[0].method == "fuzzy"]
    g.geocode("Sea of Okhotsk")  # load shapes once: the lookups below return GeoJSON too
    exact_ms = per_call_ms(g.geocode, exact_q, 20)
    fuzzy_ms = per_call_ms(g.geocode, fuzzy_q, 20)

    from geo.geometry import distance_to_border_km, in_sea, sea_route

    distance_to_border_km((45.42, 141.67), "RUS")
    in_sea(40, 135, "East Sea")
    sea_route((33.16, 129.72), (35.28, 139.67))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def line(label: str, value: str, target: str, ok: bool) -> None:
        print(f"{label:<38}{value:>16}   target {target:<10} {'OK' if ok else 'MISSED'}")

    print(f"Sortie offline geocoder benchmark ({len(g.gazetteer):,} places, {len(g.gazetteer.keys):,} keys)")
    line(f"accuracy ({len(rows)} devset names)", f"{acc:.1%}", ">= 97%", acc >= 0.97)
    line("cold start: import + index (median)", f"{cold:.3f} s", "< 1.5 s", cold < 1.5)
    line("  ... + fuzzy index", f"{cold_fuzzy:.3f} s", "< 1.5 s", cold_fuzzy < 1.5)
    med_e, med_f = statistics.median(exact_ms), statistics.median(fuzzy_ms)
    line(f"exact lookup median ({len(exact_q)} names)", f"{med_e:.4f} ms", "< 0.1 ms", med_e < 0.1)
    line(f"fuzzy lookup median ({len(fuzzy_q)} names)", f"{med_f:.4f} ms", "< 2 ms", med_f < 2)
    print(f"{'  exact p95 / fuzzy p95':<38}{statistics.quantiles(exact_ms, n=20)[-1]:>13.4f} ms / "
          f"{statistics.quantiles(fuzzy_ms, n=20)[-1]:.4f} ms")
    line("peak RSS (index, shapes, geometry)", f"{rss_mb:.0f} MB", "< 400 MB", rss_mb < 400)
    by_cat = Counter(o.category for o in outcomes)
    ok_cat = Counter(o.category for o in outcomes if o.ok)
    print("accuracy by category: " + ", ".join(f"{c} {ok_cat[c]}/{n}" for c, n in sorted(by_cat.items())))
    for o in outcomes:
        if not o.ok:
            print(f"  miss: {o.query!r} -> {o.got or None} ({o.error_km} km off; expected {o.expected})")
    if not args.no_baseline:
        print(f"{'baseline: geopy Nominatim, no network':<38}{baseline(5.0)}")
        # A network that drops packets instead of refusing (TEST-NET-1, RFC 5737): the call
        # waits for its whole timeout.
        print(f"{'baseline: Nominatim, black-holed route':<38}{baseline(3.0, '192.0.2.1')}")


if __name__ == "__main__":
    main()
