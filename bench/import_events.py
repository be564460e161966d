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
from events.formats import read_file  # noqa: E402
from events.store import Store  # noqa: E402


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


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
    for i in range(args.repeat):
        holder: dict = {}
        read_t.append(timed(lambda: holder.update(ev=read_file(csv_path)[0])))
        store = Store(str(tmp / f"bulk{i}.db"), seed=None)
        insert_t.append(timed(lambda: store.add_many(holder["ev"])))
        env = {**os.environ, "SORTIE_DB": str(tmp / f"cli{i}.db")}
        cli_t.append(timed(lambda: subprocess.run([sys.executable, "-m", "events", "-q", "import", str(csv_path)],
                                                   cwd=ROOT, env=env, check=True, capture_output=True)))
    med = statistics.median
    print(f"validate CSV      {med(read_t):7.2f} s  ({args.rows / med(read_t):,.0f} rows/s)")
    print(f"bulk insert       {med(insert_t):7.2f} s  ({args.rows / med(insert_t):,.0f} rows/s)")
    print(f"CLI import total  {med(cli_t):7.2f} s")

    events = holder["ev"][: args.baseline_rows]
    base = Store(str(tmp / "naive.db"), seed=None)
    naive = timed(lambda: [base.add(e) for e in events])
    per_row = naive / len(events)
    bulk_per_row = med(insert_t) / args.rows
    print(f"baseline: one transaction per event, {len(events):,} rows: {naive:.2f} s "
          f"-> {per_row * args.rows:.0f} s for {args.rows:,}; bulk insert is {per_row / bulk_per_row:.0f}x faster")


if __name__ == "__main__":
    main()
