"""A team deployment under load, on PostgreSQL: two app servers behind nginx, accounts on,
10 browser sessions at once, and two 10,000-row imports running at the same time.

Run: python bench/team.py [--sessions 10] [--rows 10000] [--readme]

Starts a throwaway PostgreSQL cluster (scripts/throwaway_postgres.py), two ``streamlit run
app.py`` servers with ``SORTIE_AUTH=1`` behind nginx (deploy/nginx.conf), and headless Chromium.
Measures, in one run:
- rows lost and import errors: two ``python -m events import`` processes of distinct events
  run at once while the sessions sign in and load the map; the store must end with all rows;
- time from opening the page (sign-in included) to the map drawn, p50/p95 over the sessions;
- server CPU seconds per page view (both servers' user+system time over the views they served);
- whether each server shows the new total after the imports (its own map, next visit).
The sample-only store's page view is the baseline: the same sessions, before the imports.
``--readme`` writes the table into the README's "Team deployment" section.
"""

from __future__ import annotations

import argparse
import os
import re
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
from throwaway_postgres import Cluster  # noqa: E402

from bench.browsers import Browser, cpu_seconds, pct, until_drawn  # noqa: E402
from bench.readme import write_section  # noqa: E402
from bench.synthetic import write_csv  # noqa: E402
from events.accounts import Accounts  # noqa: E402
from events.store import Store  # noqa: E402

SHOWN = re.compile(r"Events shown\s*([\d,]+)")


async def visit(browser, url: str, password: str, out: list, errors: list) -> None:
    """One analyst: open the page, sign in, wait for the map and the 'Events shown' figure."""
    ctx, page = await browser.page()
    # the map's own budget for every step: ten pages and two servers share two cores here, and
    # the sign-in form alone took over Playwright's default 30 s (counted as errors before)
    page.set_default_timeout(180_000)
    try:
        t0 = time.perf_counter()
        await page.goto(url, wait_until="commit", timeout=180_000)
        await page.get_by_label("Username").fill("reader")
        await page.get_by_role("textbox", name="Password").fill(password)
        await page.get_by_role("button", name="Sign in").click()
        took = await until_drawn(page, None, t0)
        text = await page.locator("[data-testid='stMetric']").first.inner_text()
        m = SHOWN.search(text.replace("\n", " "))
        out.append((took, int(m.group(1).replace(",", "")) if m else None))
    except Exception as exc:  # noqa: BLE001 - counted as an error of the run
        errors.append(repr(exc))
    finally:
        await ctx.close()


def wave(browser, url: str, n: int) -> tuple[list, list]:
    """``n`` sessions opened at once (one asyncio loop drives them all, as Playwright requires)."""
    out: list = []
    errors: list = []
    browser.gather([visit(browser, url, "reader-password", out, errors) for _ in range(n)])
    return out, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args()
    cluster = Cluster()
    url = cluster.database()
    store = Store(url)
    Accounts(store).add("reader", "viewer", "reader-password")
    tmp = Path(tempfile.mkdtemp(prefix="sortie-team-"))
    files = [write_csv(tmp / f"import{i}.csv", args.rows, seed=10 + i, prefix=f"team{i}") for i in range(2)]
    servers = [AppServer(url, env={"SORTIE_AUTH": "1"}) for _ in range(2)]
    proxy = Proxy(servers)
    results: dict[str, object] = {}
    try:
        browser = Browser()
        wave(browser, proxy.url, 2)  # warm both servers' caches once, as after a deploy
        cpu0 = sum(cpu_seconds(s.proc.pid) for s in servers)
        base, base_err = wave(browser, proxy.url, args.sessions)
        cpu1 = sum(cpu_seconds(s.proc.pid) for s in servers)
        # the imports and a second wave of sessions at the same time
        env = {**os.environ, "SORTIE_DB": url}
        t_imp = time.perf_counter()
        imports = [subprocess.Popen([sys.executable, "-m", "events", "-q", "--as", f"importer{i}", "import",
                                     str(f)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for i, f in enumerate(files)]
        during, during_err = wave(browser, proxy.url, args.sessions)
        outs = [p.communicate(timeout=900) for p in imports]
        imp_s = time.perf_counter() - t_imp
        cpu2 = sum(cpu_seconds(s.proc.pid) for s in servers)
        expected = 7 + 2 * args.rows
        stored = store.count()
        # each server on its own, after the imports: its next page view shows the new total
        totals = []
        for s in servers:
            got, err = wave(browser, s.url, 1)
            totals.append(got[0][1] if got else f"error: {err}")
        browser.close()
        results = {
            "sessions": args.sessions, "rows": args.rows,
            "base_p50": statistics.median(t for t, _ in base) if base else None,
            "base_p95": pct([t for t, _ in base], 0.95) if base else None,
            "during_p50": statistics.median(t for t, _ in during) if during else None,
            "during_p95": pct([t for t, _ in during], 0.95) if during else None,
            "cpu_base": (cpu1 - cpu0) / max(1, len(base)),
            "cpu_during": (cpu2 - cpu1 - 0) / max(1, len(during)),
            "errors": len(base_err) + len(during_err) + sum(p.returncode != 0 for p in imports),
            "lost": expected - stored, "import_s": imp_s, "totals": totals, "expected": expected,
            "import_out": [o[0].strip() or o[1].strip()[-300:] for o in outs],
            "error_detail": (base_err + during_err)[:3],
        }
    finally:
        proxy.stop()
        for s in servers:
            s.stop()
        store.engine.dispose()
        cluster.stop()
    table = report(results)
    print(table)
    if args.readme:
        write_section("team", table)
    ok = results["lost"] == 0 and results["errors"] == 0 and all(t == results["expected"] for t in results["totals"])
    return 0 if ok else 1


def report(r: dict) -> str:
    f = "{:.2f} s".format
    lines = [
        f"| {r['sessions']} sessions via nginx, 2 servers, PostgreSQL | sample store (7 events) | "
        f"during two {r['rows']:,}-row imports |",
        "|---|---|---|",
        f"| time to map p50 / p95 (sign-in included) | {f(r['base_p50'])} / {f(r['base_p95'])} | "
        f"{f(r['during_p50'])} / {f(r['during_p95'])} |",
        f"| server CPU per page view (both servers) | {r['cpu_base']:.2f} s | {r['cpu_during']:.2f} s |",
        "",
        f"Imports: {r['import_s']:.1f} s for both; rows lost: {r['lost']}; errors: {r['errors']}; "
        f"each server's map after the imports shows {', '.join(str(t) for t in r['totals'])} events "
        f"(expected {r['expected']:,}).",
    ]
    if r.get("error_detail"):
        lines.append(f"First errors: {r['error_detail']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
