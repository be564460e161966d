"""How long a snapshot takes for N synthetic events (goal: PNG under 1 s for 1,000 on this machine).

Run: python bench/snapshot.py [--rows 1000] [--repeat 5]

Events (mixed types; points, routes and areas from bench/synthetic.py) go through the normal
import path into a temporary store. Prints medians of: the in-process render per format
(matplotlib already imported, as in the app), the GIF animation, and the whole CLI run
(`python -m maps.snapshot --out x.png`, a fresh interpreter, so imports included).
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
from events.query import EventFilter  # noqa: E402
from events.store import Store  # noqa: E402


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-cli", action="store_true", help="skip the subprocess runs")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sortie-snap-"))
    db = tmp / "bench.db"
    store = Store(str(db), seed=None)
    store.add_many(read_file(write_csv(tmp / "events.csv", args.rows))[0])
    df = store.frame()
    flt = EventFilter()

    t0 = time.perf_counter()
    from maps.animation import render_animation
    from maps.snapshot.static_image import Options, render_image

    print(f"{len(df):,} events; imports {time.perf_counter() - t0:.2f} s; {args.repeat} runs each (median)")
    render_image(df, flt, "png")  # warm-up: basemap parse and font cache, once per process
    med = statistics.median
    for fmt, opts in (("png", Options()), ("png", Options(width=4800, dpi=300)), ("svg", Options()),
                      ("pdf", Options())):
        runs = [timed(lambda fmt=fmt, opts=opts: render_image(df, flt, fmt, opts)) for _ in range(args.repeat)]
        print(f"{fmt:4s} {opts.width:5d} px @ {opts.dpi:3d} dpi  {med(runs):6.3f} s  (min {min(runs):.3f})")
    gif = [timed(lambda: render_animation(df, flt, "gif")) for _ in range(max(1, args.repeat // 2))]
    print(f"gif  1200 px, weekly frames over {df['date_start'].min()}..{df['date_end'].max()}  {med(gif):6.2f} s")
    small = df.head(25)
    runs = [timed(lambda: render_image(small, flt, "png")) for _ in range(args.repeat)]
    print(f"png  25 events with labels            {med(runs):6.3f} s")
    if not args.no_cli:
        env = {**os.environ, "SORTIE_DB": str(db)}
        cli = [timed(lambda: subprocess.run([sys.executable, "-m", "maps.snapshot", "--out", str(tmp / "x.png")],
                                            cwd=ROOT, env=env, check=True, capture_output=True))
               for _ in range(args.repeat)]
        print(f"CLI  python -m maps.snapshot --out x.png  {med(cli):6.2f} s  (fresh interpreter, imports included)")


if __name__ == "__main__":
    main()
