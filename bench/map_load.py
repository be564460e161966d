"""Map speed at 1,000 / 10,000 / 100,000 events, against one-folium-Marker-per-event.

Run: python bench/map_load.py [--sizes 1000,10000,100000] [--repeat 3] [--baseline-max 10000]

For each size: synthetic events (mixed types; points, routes, areas) are imported into a fresh
store with ``python -m events import`` (the normal path), the app is started on 127.0.0.1, and
headless Chromium (network blocked except 127.0.0.1) measures
- page load -> every event drawn (first load builds the map; later loads hit the cache),
- a filter change in the sidebar -> the updated map drawn,
- timeline playback frame time (JS update + canvas redraw) at that size,
plus, in this process, the Python build+render time and the bytes sent for the map.
The baseline is the plain folium way, one Marker (with popup) per event: its build time and
bytes, and the time Chromium takes to draw it, against Sortie's map of the same events, both
as self-contained files opened from disk (so Streamlit's own cost is out of the comparison).
It is run up to --baseline-max events (beyond that it takes minutes).
Medians are printed; ratios are baseline / Sortie, measured on this machine in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "scripts"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from local_team import AppServer  # noqa: E402

from bench.synthetic import write_csv  # noqa: E402

VISIBLE_JS = """() => window.sortieTimeline ? window.sortieTimeline.state().visible : -1"""
MARKERS_JS = """() => document.querySelectorAll('.leaflet-marker-icon').length"""


def find_frame(page, probe: str, want: int, timeout: float) -> float | None:
    """Seconds until some frame's ``probe`` returns ``want``; None on timeout."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        for f in page.frames:
            try:
                if f.evaluate(probe) == want:
                    return time.perf_counter() - t0
            except Exception:  # frame still loading or replaced
                pass
        time.sleep(0.02)
    return None


def _safe(frame, probe: str):
    try:
        return frame.evaluate(probe)
    except Exception:  # frame loading or replaced
        return None


def new_page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    local = ("http://127.0.0.1", "ws://127.0.0.1", "file:")
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(local)
              else r.abort())
    return ctx, ctx.new_page()


def python_side(db: Path, repeat: int) -> dict:
    """Build + render time and bytes of the map, as the dashboard does it (cold: no cache)."""
    os.environ["SORTIE_DB"] = str(db)
    from events.store import Store
    from maps import payload as pl
    from maps.build import events_map
    from maps.pack import pack_cards, pack_columns

    df = Store(str(db), seed=None).frame()
    t = time.perf_counter()
    prep = pl.prepare(df)  # once per store revision, cached by the app
    prep_s = time.perf_counter() - t
    times, script_bytes = [], 0
    for i in range(repeat):
        view = df if i == 0 else df[df["type"] != ("exercise", "transit", "other")[i % 3]]
        t = time.perf_counter()
        html = events_map(view, inline=False, prepared=prep[prep.index.isin(view.index)]).get_root().render()
        times.append(time.perf_counter() - t)
        script_bytes = max(script_bytes, len(html.encode()))
    events_file = pl.publish(pack_columns(prep), "events").rsplit("/", 1)[-1]
    cards_file = pl.publish(pack_cards(prep), "cards").rsplit("/", 1)[-1]
    return {"prep_s": prep_s, "build_s": statistics.median(times), "page_bytes": script_bytes,
            "events_file_bytes": (pl.CACHE / events_file).stat().st_size,
            "cards_file_bytes": (pl.CACHE / cards_file).stat().st_size, "located": int(df["lat"].notna().sum())}


def browser_side(browser, db: Path, n_located: int, repeat: int, timeout: float) -> dict:
    srv = AppServer(db)
    try:
        loads, ready = [], []
        for _ in range(repeat):
            ctx, page = new_page(browser)
            t = time.perf_counter()
            page.goto(srv.url)
            page.get_by_role("heading", name="Sortie").wait_for(timeout=timeout * 1000)
            ready.append(time.perf_counter() - t)
            loads.append(find_frame(page, VISIBLE_JS, n_located, timeout) and time.perf_counter() - t)
            ctx.close()
        # filter change: start from all types listed in the URL, remove one type per trial
        from events.store import Store

        df = Store(str(db), seed=None).frame().dropna(subset=["lat"])
        changes = []
        for etype, label in (("exercise", "Exercise"), ("transit", "Strait transit"), ("other", "Other"))[:repeat]:
            ctx, page = new_page(browser)
            types = ",".join(t for t in df["type"].unique())
            page.goto(srv.url + "/?types=" + types)
            find_frame(page, VISIBLE_JS, n_located, timeout)
            want = int((df["type"] != etype).sum())
            t = time.perf_counter()
            page.get_by_role("button", name=f"Remove {label}").click()
            changes.append(find_frame(page, VISIBLE_JS, want, timeout) and time.perf_counter() - t)
            if etype == "exercise":
                frame_ms = playback(page, want, timeout)
            ctx.close()
        return {"load_first_s": loads[0], "app_ready_s": statistics.median(ready),
                "load_warm_s": statistics.median(loads[1:]) if repeat > 1 else None,
                "filter_change_s": statistics.median([c for c in changes if c] or [float("nan")]),
                "frame_ms": frame_ms}
    finally:
        srv.stop()


def playback(page, want: int, timeout: float) -> dict:
    """Play the timeline for 6 s (1 week per step, 7-day window) and collect each frame's time."""
    find_frame(page, VISIBLE_JS, want, timeout)  # the map of the current filter, not one being replaced
    time.sleep(1)
    frame = next(f for f in page.frames if _safe(f, VISIBLE_JS) == want)
    frame.evaluate("""() => { const tl = window.sortieTimeline; tl.frameTimes.length = 0;
        tl.set(tl.state().min, 6); document.querySelector('.sortie-tl-speed').value = 1; tl.play(); }""")
    time.sleep(6)
    frame.evaluate("() => window.sortieTimeline.pause()")
    ft = sorted(frame.evaluate("() => window.sortieTimeline.frameTimes"))
    return {"frames": len(ft), "median": statistics.median(ft), "p95": ft[int(0.95 * (len(ft) - 1))]}


def file_render(browser, path: Path, probe: str, want: int, timeout: float) -> float | None:
    """Seconds from opening a self-contained HTML file to ``probe`` returning ``want``."""
    ctx, page = new_page(browser)
    try:
        t = time.perf_counter()
        page.goto(path.as_uri())
        return find_frame(page, probe, want, timeout) and time.perf_counter() - t
    finally:
        ctx.close()


def render_both(browser, db: Path, tmp: Path, n: int, timeout: float) -> dict:
    """The same events as standalone pages (assets inlined, opened from disk): Sortie vs Markers.

    Opening files takes Streamlit out of both measures, so only the drawing differs.
    """
    import folium

    from events.store import Store
    from maps.standalone import inline_assets, standalone_html

    df = Store(str(db), seed=None).frame()
    located = df.dropna(subset=["lat"])
    ours = tmp / f"sortie{n}.html"
    ours.write_text(standalone_html(df), encoding="utf-8")
    t = time.perf_counter()
    m = folium.Map(location=(35, 125), zoom_start=3, tiles=None, max_zoom=12)
    for row in located.itertuples():
        folium.Marker((row.lat, row.lon), popup=folium.Popup(str(row.evidence)), tooltip=row.type).add_to(m)
    html = m.get_root().render()
    build = time.perf_counter() - t
    base = tmp / f"markers{n}.html"
    base.write_text(inline_assets(html), encoding="utf-8")
    return {
        "sortie_file_s": file_render(browser, ours, VISIBLE_JS, len(located), timeout),
        "baseline": {"build_s": build, "page_bytes": len(html.encode()),
                     "file_s": file_render(browser, base, MARKERS_JS, len(located), timeout)},
    }


def fmt(v, unit="s") -> str:
    return "timeout" if v is None else f"{v:.2f} {unit}"


def ratio(base: float | None, ours: float | None) -> str:
    return f"({base / ours:.1f}x)" if base and ours else ""


def report(r: dict) -> None:
    b = r.get("baseline") or {}
    sent = r["page_bytes"] + r["events_file_bytes"] + r["cards_file_bytes"]
    lines = [
        f"\n== {r['n']:,} events ({r['located']:,} on the map)",
        f"python per store write {fmt(r['prep_s'])} (event JSON, cached)",
        f"python map build      {fmt(r['build_s'])} (build + render, median; the app's is once per store "
        f"revision, filters reach it as a selection)",
        f"bytes to browser      {r['page_bytes'] / 1e3:,.0f} kB page per rerun + "
        f"{r['events_file_bytes'] / 1e6:,.1f} MB drawing file (fetched once, cached) + "
        f"{r['cards_file_bytes'] / 1e6:,.1f} MB cards (on first click)",
        f"page load -> map      first {fmt(r['load_first_s'])}, warm median "
        + (fmt(r["load_warm_s"]) if r["repeat"] > 1 else "not measured (--repeat 1)"),
        f"streamlit page ready  median {fmt(r['app_ready_s'])} (title shown)"
        + (f"; map drawn {fmt(r['load_warm_s'] - r['app_ready_s'] if r['load_warm_s'] else None)} after that"
           if r["repeat"] > 1 else ""),
        f"filter change -> map  median {fmt(r['filter_change_s'])}",
        f"timeline frame        median {r['frame_ms']['median']:.1f} ms, p95 {r['frame_ms']['p95']:.1f} ms "
        f"({r['frame_ms']['frames']} frames)",
    ]
    if b:
        lines += [
            f"baseline, folium Marker per event: build {fmt(b['build_s'])} {ratio(b['build_s'], r['build_s'])}; "
            f"{b['page_bytes'] / 1e6:,.1f} MB of map per rerun {ratio(b['page_bytes'], sent)}",
            f"drawn from a standalone file: Sortie {fmt(r['sortie_file_s'])}, Markers {fmt(b['file_s'])} "
            f"{ratio(b['file_s'], r['sortie_file_s'])}",
        ]
    print("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-max", type=int, default=10000)
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="sortie-mapbench-"))
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for n in (int(s) for s in args.sizes.split(",")):
            db = tmp / f"bench{n}.db"
            csv_path = write_csv(tmp / f"events{n}.csv", n)
            subprocess.run([sys.executable, "-m", "events", "-q", "--db", str(db), "import", str(csv_path)],
                           cwd=ROOT, check=True, capture_output=True)
            py = python_side(db, args.repeat)
            br = browser_side(browser, db, py["located"], args.repeat, args.timeout)
            res = {"n": n, "repeat": args.repeat, **py, **br}
            if n <= args.baseline_max:
                res.update(render_both(browser, db, tmp, n, args.timeout))
            results[n] = res
            report(res)
        browser.close()
    (tmp / "results.json").write_text(json.dumps(results, indent=1, default=str))
    print(f"\nraw results: {tmp / 'results.json'}")


if __name__ == "__main__":
    main()
