"""Time the Trends page's computations (maps/trends.py) on 1,000 and 100,000 synthetic events.

    python bench/trends.py            # best of 5 runs per size, and the 100k / 1k ratio

The frame is shaped like ``Store.frame()`` (dates as ``date`` objects, list columns as lists),
built from ``bench/synthetic.py`` rows with a few assets and places varied. No store, no Streamlit:
what the page computes once per store revision, filter and choice (then ``st.cache_data`` holds it).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import rows  # noqa: E402
from maps import trends as tr  # noqa: E402

ASSETS = (["Tu-95MS x2", "H-6K x2"], ["fighter jets"], ["warships", "aircraft"], ["destroyer x3"], [],
          ["strategic bomber (30 missions)"])
PLACES = (["Sea of Japan", "East China Sea"], ["Sea of Okhotsk"], ["Taiwan Strait"], [], ["Baltic Sea"])


def frame(n: int) -> pd.DataFrame:
    df = pd.DataFrame(rows(n))
    out = pd.DataFrame({
        "id": df["id"], "type": df["type"],
        "date_start": [date.fromisoformat(d) for d in df["date_start"]],
        "date_end": [date.fromisoformat(d) for d in df["date_end"]],
        "actors": df["actors"].str.split(";"), "observers": df["observers"].str.split(";"),
        "places": [PLACES[i % len(PLACES)] for i in range(n)],
        "assets": [ASSETS[i % len(ASSETS)] for i in range(n)],
        "status": "approved",
    })
    return out


def steps(df: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds per step of one page run (no cache), for the week and day views."""
    out: dict[str, tuple[float, float]] = {}

    def timed(name, fn):
        t, c = time.perf_counter(), time.process_time()
        value = fn()
        out[name] = (time.perf_counter() - t, time.process_time() - c)
        return value

    lo, hi = min(df["date_start"]), max(df["date_end"])
    week = timed("trend week × type", lambda: tr.trend(df, "week", "type"))
    for by in ("actor", "observer", "area"):
        timed(f"trend week × {by}", lambda by=by: tr.trend(df, "week", by))
    timed("trend day × type", lambda: tr.trend(df, "day", "type"))
    recs = timed("records (week)", lambda: tr.records(df, "week"))
    timed("firsts", lambda: tr.firsts(df, among=df.index))
    timed("claim check", lambda: tr.check_claim(df, tr.Claim(30, "bomber_approach", *tr.window_to(hi, "month"))))
    timed("events behind a bar", lambda: tr.behind(df, week, week.bars["period_key"].iloc[-1]))
    timed("chart spec", lambda: tr.trend_chart(week, recs, title="Events per week").to_dict())
    timed("CSV", lambda: tr.trend_csv(week))
    assert tr.default_period(lo, hi) == "month"
    return out


def measure(n: int, repeat: int = 5) -> dict[str, tuple[float, float]]:
    """The best of ``repeat`` runs per step and clock: the machine is shared, and noise only adds time."""
    df = frame(n)
    runs = [steps(df) for _ in range(repeat)]
    return {k: (min(r[k][0] for r in runs), min(r[k][1] for r in runs)) for k in runs[0]}


def main() -> None:
    small, large = measure(1_000), measure(100_000)
    print("wall = elapsed time; CPU = this process's processor time (what the wall time is on an idle machine)")
    head = ("1k wall", "100k wall", "ratio", "1k CPU", "100k CPU", "ratio")
    print(f"{'step (ms)':26} {head[0]:>8} {head[1]:>10} {head[2]:>6}   {head[3]:>7} {head[4]:>9} {head[5]:>6}")
    page = ("trend week × type", "records (week)", "firsts", "claim check", "chart spec")
    rows = [*small, "page run (week × type)"]
    for k in rows:
        a = small[k] if k in small else tuple(sum(small[x][i] for x in page) for i in (0, 1))
        b = large[k] if k in large else tuple(sum(large[x][i] for x in page) for i in (0, 1))
        print(f"{k:26} {a[0] * 1e3:8.1f} {b[0] * 1e3:10.1f} {b[0] / a[0]:6.1f}   "
              f"{a[1] * 1e3:7.1f} {b[1] * 1e3:9.1f} {b[1] / max(a[1], 1e-9):6.1f}")


if __name__ == "__main__":
    main()
