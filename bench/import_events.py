"""How long `python -m events import` takes for N synthetic rows, against a per-row baseline.

Run: python bench/import_events.py [--rows 100000] [--repeat 3]

Prints medians of: CSV validation, bulk insert, the whole CLI import (subprocess, as a user
runs it), and the baseline of one transaction per event (what a naive loop over ``Store.add``
costs), measured on a slice of the same rows and scaled per row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_csv  # noqa: E402
from events.io import read_file  # noqa: E402
from events.store import Store  # noqa: E402


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-rows", type=int, default=2_000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sortie-bench-"))
    csv_path = write_csv(tmp / "events.csv", args.rows)
    print(f"{args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB CSV; {args.repeat} runs each (median)")

    read_t, insert_t, cli_t = [], [], []
    events: list = []
    for i in range(args.repeat):
        t, (events, _errors) = timed(read_file, csv_path)
        read_t.append(t)
        store = Store(str(tmp / f"bulk{i}.db"), seed=None)
        insert_t.append(timed(store.add_many, events)[0])
        env = {**os.environ, "SORTIE_DB": str(tmp / f"cli{i}.db")}
        cli = [sys.executable, "-m", "events", "-q", "import", str(csv_path)]
        cli_t.append(timed(subprocess.run, cli, cwd=ROOT, env=env, check=True, capture_output=True)[0])
    med = statistics.median
    print(f"validate CSV      {med(read_t):7.2f} s  ({args.rows / med(read_t):,.0f} rows/s)")
    print(f"bulk insert       {med(insert_t):7.2f} s  ({args.rows / med(insert_t):,.0f} rows/s)")
    print(f"CLI import total  {med(cli_t):7.2f} s")

    sample = events[: args.baseline_rows]
    base = Store(str(tmp / "naive.db"), seed=None)
    t = time.perf_counter()
    for e in sample:
        base.add(e)
    naive = time.perf_counter() - t
    per_row = naive / len(sample)
    bulk_per_row = med(insert_t) / args.rows
    print(f"baseline: one transaction per event, {len(sample):,} rows: {naive:.2f} s "
          f"-> {per_row * args.rows:.0f} s for {args.rows:,}; bulk insert is {per_row / bulk_per_row:.0f}x faster")


if __name__ == "__main__":
    main()
