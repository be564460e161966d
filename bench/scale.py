"""The map at 100,000 events against the sample's 7, in one run on this machine (issue 12's table).

Run: python bench/scale.py [--events 100000] [--sessions 10] [--readme]

Two stores: the sample (a new store, 7 events) and ``--events`` synthetic events imported with
``python -m events import`` (bench/synthetic.py). For each, a fresh ``streamlit run app.py`` and
headless Chromium (outside requests blocked) measure:
1. the first visitor after the server starts: page opened -> all events drawn, on a store no
   server has read yet (just imported), and after a restart (what the last run derived from the
   unchanged store is on disk, events/disk_cache.py: the frame, the map's columns, zone entries);
   the median of :data:`STARTS` servers each;
2. a second visitor, the same;
3. a filter change (the sidebar's 'Event type' set to Exercise, then cleared, in turn) -> the map
   redrawn with the events kept: the median of :data:`CHANGES`;
4. 10 sessions opened at once: the server's CPU seconds per page view;
5. ... and their time to the map drawn, p50.
6. the same 10 sessions through nginx with deploy/nginx.conf (scripts/nginx_conf.py), which serves
   the static files itself as a team deployment does: the Streamlit server's CPU per page view,
   and nginx's beside it.
Ratios are 100k / sample, both measured in this run. For scale, the same 10 sessions open a bare
Streamlit page (a title, nothing of ours): Streamlit's own CPU per page view on this machine.
``--readme`` writes the table into the README's "Speed at scale" section.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "scripts"):
    sys.path.insert(0, str(p))

from local_team import AppServer, Proxy  # noqa: E402

from bench.browsers import Browser, cpu_seconds, tree_cpu_seconds, until_drawn  # noqa: E402
from bench.readme import write_section  # noqa: E402
from bench.synthetic import write_csv  # noqa: E402
from events.store import Store  # noqa: E402

ROWS = ("first visitor after `streamlit run`, store never read (just imported): page load -> all events drawn, "
        "median of {starts}",
        "first visitor after `streamlit run` again (a restart): page load -> all events drawn, median of {starts}",
        "second visitor: page load -> all events drawn",
        "filter change ('Event type' = Exercise, and cleared again) -> map redrawn, median of {changes}",
        "Streamlit server CPU per page view ({n} sessions opened at once)",
        "{n} sessions opened at once: time to map, p50",
        "the same behind deploy/nginx.conf (static files served by nginx): Streamlit CPU per page view")
KEYS = ("cold_s", "first_s", "second_s", "filter_s", "cpu_s", "p50_s", "cpu_nginx_s")
STARTS = 3  # server starts measured per store, cold and restarted (one alone moved by a second or two)
CHANGES = 6  # filter changes measured per store (one alone moved by +-0.15 s between runs)
RAN_FOR = 15  # s a cold server runs on after its visitor: it writes the frame's file once idle
BARE_TITLE = "Bare page"  # the heading of the bare Streamlit page measured for scale


async def load(browser: Browser, url: str, want: int | None = None) -> float:
    """A new visitor: page opened -> ``want`` events drawn, or (None) the bare page's title shown."""
    ctx, page = await browser.page()
    try:
        t0 = time.perf_counter()
        await page.goto(url, wait_until="commit", timeout=180_000)
        if want is not None:
            return await until_drawn(page, want, t0)
        await page.get_by_role("heading", name=BARE_TITLE).wait_for(timeout=180_000)
        return time.perf_counter() - t0
    finally:
        await ctx.close()


def at_once(browser: Browser, srv: AppServer, sessions: int, want: int | None = None,
            url: str | None = None) -> tuple[float, list[float]]:
    """``sessions`` new visitors at once (at ``url``, else the server's own): the server's CPU
    seconds per page view, and their times."""
    cpu0 = cpu_seconds(srv.proc.pid)
    times = browser.gather([load(browser, url or srv.url, want) for _ in range(sessions)])
    return (cpu_seconds(srv.proc.pid) - cpu0) / sessions, times


def behind_nginx(browser: Browser, srv: AppServer, sessions: int, want: int | None = None) -> tuple[float, float]:
    """The same visitors through nginx (deploy/nginx.conf): the app server's and nginx's CPU
    seconds per page view."""
    proxy = Proxy([srv])
    try:
        ngx0 = tree_cpu_seconds(proxy.proc.pid)
        cpu = at_once(browser, srv, sessions, want, url=proxy.url)[0]
        return cpu, (tree_cpu_seconds(proxy.proc.pid) - ngx0) / sessions
    finally:
        proxy.stop()


async def filter_change(browser: Browser, url: str, want_all: int, want: int) -> list[float]:
    """:data:`CHANGES` filter changes in one page, 'Event type' set to Exercise and cleared in
    turn: seconds from each click to the map redrawn with the events it keeps."""
    ctx, page = await browser.page()
    try:
        await page.goto(url, wait_until="commit", timeout=180_000)
        await until_drawn(page, want_all, time.perf_counter())
        box = page.locator("[data-testid='stMultiSelect']").filter(has_text="Event type")
        out = []
        for i in range(CHANGES):
            if i % 2 == 0:
                await box.locator("input").click()
                await page.get_by_role("option", name="Exercise", exact=True).click()
            else:
                await box.locator("input").press("Backspace")  # the last chosen type, Exercise, off
            t0 = time.perf_counter()
            out.append(await until_drawn(page, want_all if i % 2 else want, t0))
            await page.keyboard.press("Escape")  # the options list closed, as a user leaves it
            await page.wait_for_timeout(500)
        return out
    finally:
        await ctx.close()


def measure(browser: Browser, db: str, sessions: int) -> dict[str, float]:
    df = Store(db, seed=None).frame()
    located = df[df["geometry"].notna() & (df["status"] == "approved")]
    want_all, want_ex = len(located), int((located["type"] == "exercise").sum())
    out = {"events": len(df)}
    cold, first = [], []
    for run in range(STARTS):  # each a server that never read the store: a cache folder of its own, empty
        env = {"SORTIE_CACHE_DIR": str(Path(db).with_suffix(f".cache{run}"))}
        srv = AppServer(db, env=env)
        try:
            cold.append(browser.run(load(browser, srv.url, want_all)))
            if run == STARTS - 1:
                time.sleep(RAN_FOR)  # its files, for the restarts
        finally:
            srv.stop()
    out["cold_s"] = statistics.median(cold)
    for _ in range(STARTS - 1):  # restarts on the last one's files; the last restart goes on measuring
        srv = AppServer(db, env=env)
        try:
            first.append(browser.run(load(browser, srv.url, want_all)))
        finally:
            srv.stop()
    srv = AppServer(db, env=env)
    try:
        first.append(browser.run(load(browser, srv.url, want_all)))
        out["first_s"] = statistics.median(first)
        out["second_s"] = browser.run(load(browser, srv.url, want_all))
        out["filter_s"] = statistics.median(browser.run(filter_change(browser, srv.url, want_all, want_ex)))
        out["cpu_s"], times = at_once(browser, srv, sessions, want_all)
        out["p50_s"] = statistics.median(times)
        out["cpu_nginx_s"], out["nginx_s"] = behind_nginx(browser, srv, sessions, want_all)
        return out
    finally:
        srv.stop()


def bare_cpu(browser: Browser, tmp: Path, sessions: int) -> dict[str, float]:
    """CPU seconds per page view of a Streamlit page holding only a title, ``sessions`` at once,
    straight and behind nginx: what Streamlit itself costs (its frontend's files and the
    session), which no app goes under."""
    script = tmp / "bare.py"
    script.write_text(f"import streamlit as st\n\nst.title({BARE_TITLE!r})\n")
    srv = AppServer(tmp / "unused.db", script=script)
    try:
        browser.run(load(browser, srv.url))  # as for the app: the server warm, then measured
        return {"bare_cpu_s": at_once(browser, srv, sessions)[0],
                "bare_cpu_nginx_s": behind_nginx(browser, srv, sessions)[0]}
    finally:
        srv.stop()


def table(small: dict, big: dict) -> str:
    lines = [f"| | sample ({small['events']:,} events) | {big['events']:,} events | ratio |", "|---|---|---|---|"]
    for label, key in zip(ROWS, KEYS, strict=True):
        unit = " CPU s" if key.startswith("cpu") else " s"
        label = label.format(n=small["sessions"], changes=CHANGES, starts=STARTS)
        lines.append(f"| {label} | {small[key]:.2f}{unit} | {big[key]:.2f}{unit} | {big[key] / small[key]:.2f} |")
    lines.append(f"\nnginx's own CPU per page view behind it: {small['nginx_s']:.3f} s (sample), "
                 f"{big['nginx_s']:.3f} s ({big['events']:,} events).")
    lines.append(f"For scale, in the same run: a bare Streamlit page (a title, nothing of ours) cost "
                 f"{small['bare_cpu_s']:.2f} CPU s per page view under the same {small['sessions']} sessions, "
                 f"{small['bare_cpu_nginx_s']:.2f} CPU s behind nginx.")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--readme", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sortie-scale-"))
    sample = str(tmp / "sample.db")
    Store(sample)  # seeded with the 7 sample events
    big = str(tmp / "big.db")
    csv = write_csv(tmp / "big.csv", args.events)
    subprocess.run([sys.executable, "-m", "events", "-q", "--db", big, "import", str(csv)], cwd=ROOT, check=True)
    browser = Browser()
    try:
        small_r = measure(browser, sample, args.sessions)
        big_r = measure(browser, big, args.sessions)
        small_r |= bare_cpu(browser, tmp, args.sessions) | {"sessions": args.sessions}
    finally:
        browser.close()
    text = table(small_r, big_r)
    print(text)
    if args.readme:
        write_section("scale", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
