"""Time from ``streamlit run app.py`` to the map showing the sample events, as a newcomer sees it.

Run: python bench/startup.py [--repeat 3]

Each run starts a fresh server on a fresh database (so it also creates and seeds the store),
opens the page in headless Chromium with every non-local request blocked, and stops the clock
when the map has drawn all the sample's events. Prints each run and the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "scripts"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from local_team import free_port  # noqa: E402

VISIBLE = "() => window.sortieTimeline ? window.sortieTimeline.state().visible : -1"


def one_run(browser, want: int) -> tuple[float, float]:
    port = free_port()
    env = {**os.environ, "SORTIE_DB": str(Path(tempfile.mkdtemp()) / "sortie.db")}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        serving = time.perf_counter() - t0
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1"))
                  else r.abort())
        page = ctx.new_page()
        page.goto(url)
        while time.perf_counter() - t0 < 120:
            if any(_visible(f) == want for f in page.frames):
                break
            time.sleep(0.02)
        total = time.perf_counter() - t0
        ctx.close()
        return serving, total
    finally:
        proc.terminate()
        proc.wait(10)


def _visible(frame) -> int:
    try:
        return frame.evaluate(VISIBLE)
    except Exception:  # frame loading
        return -1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from events.io import read_file
    from events.store import SAMPLE

    want = sum(1 for e in read_file(SAMPLE)[0] if e.geometry)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        runs = [one_run(browser, want) for _ in range(args.repeat)]
        browser.close()
    for i, (serving, total) in enumerate(runs, 1):
        print(f"run {i}: server answering after {serving:.2f} s, map with {want} events after {total:.2f} s")
    print(f"median: server {statistics.median(r[0] for r in runs):.2f} s, "
          f"map visible {statistics.median(r[1] for r in runs):.2f} s after `streamlit run`")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
