"""Exports at 1,000 and at 100,000 events, side by side in one run (issue 14's table).

Run: python bench/snapshot.py [--small 1000] [--large 100000] [--repeat 3] [--readme]

Two stores of synthetic events (bench/synthetic.py: mixed types, points, routes and areas) are
made through ``python -m events import``, as a user would. Each output is then one
``python -m maps.snapshot --out x.FMT`` process, as a briefing script runs it: wall time (median
of ``--repeat``), peak resident memory of that process (``ru_maxrss`` from ``os.wait4``) and
the file's size. The 1,000-event store is the baseline; the ratio column is 100k time / 1k time.
``--readme`` writes the table into README.md between the ``bench/snapshot.py`` markers.
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

from bench.readme import write_section  # noqa: E402
from bench.synthetic import write_csv  # noqa: E402

FORMATS = ("png", "html", "svg", "pdf", "gif", "mp4", "geojson", "csv", "kml")


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of one child process; fails loudly on a non-zero exit."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t
    err = p.stderr.read().decode() if p.stderr else ""
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def make_store(tmp: Path, n: int) -> Path:
    db = tmp / f"events-{n}.db"
    env = {**os.environ, "SORTIE_DB": str(db)}
    run([sys.executable, "-m", "events", "-q", "import", str(write_csv(tmp / f"events-{n}.csv", n))], env)
    return db


def measure(db: Path, fmt: str, tmp: Path, repeat: int) -> dict[str, float]:
    env = {**os.environ, "SORTIE_DB": str(db)}
    out = tmp / f"{db.stem}.{fmt}"
    runs = [run([sys.executable, "-m", "maps.snapshot", "--out", str(out)], env) for _ in range(repeat)]
    return {"s": statistics.median(r[0] for r in runs), "mb": max(r[1] for r in runs),
            "size": out.stat().st_size / 1e6, "path": str(out)}


def table(small: int, large: int, rows: dict[str, tuple[dict, dict]]) -> str:
    out = [f"| output | {small:,} events: time / peak memory / size | {large:,} events: time / peak memory / size "
           "| time ratio |", "|---|---|---|---|"]
    for fmt, (a, b) in rows.items():
        cell = lambda m: f"{m['s']:.2f} s / {m['mb']:.0f} MB / {m['size']:.1f} MB"  # noqa: E731
        out.append(f"| {fmt.upper()} | {cell(a)} | {cell(b)} | {b['s'] / a['s']:.1f} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--keep", help="copy the large store's PNG here (to look at it)")
    ap.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sortie-snap-"))
    dbs = {n: make_store(tmp, n) for n in (args.small, args.large)}
    rows = {}
    for fmt in args.formats.split(","):
        rows[fmt] = (measure(dbs[args.small], fmt, tmp, args.repeat), measure(dbs[args.large], fmt, tmp, args.repeat))
        a, b = rows[fmt]
        print(f"{fmt:8s} {a['s']:6.2f} s {a['mb']:5.0f} MB {a['size']:6.1f} MB | "
              f"{b['s']:6.2f} s {b['mb']:5.0f} MB {b['size']:6.1f} MB | ratio {b['s'] / a['s']:.1f}", flush=True)
    if args.keep and "png" in rows:
        Path(args.keep).write_bytes(Path(rows["png"][1]["path"]).read_bytes())
    text = table(args.small, args.large, rows)
    print(text)
    if args.readme:
        write_section("snapshot", text + f"\n\n(`python bench/snapshot.py --readme`, {os.cpu_count()} cores, "
                      f"median of {args.repeat} runs per cell; peak memory is the process's maximum resident set.)")


if __name__ == "__main__":
    main()
