"""Every download of the map page, clicked in Chromium, gives a file that is what it says."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import defusedxml.ElementTree as SafeET
from conftest import ROOT, map_frame
from PIL import Image

from events.store import Store

SEED_COUNT = 10  # the sample's nine events and the hostile test event of the server fixture


def download_all(page, out: Path) -> dict[str, Path]:
    page.get_by_text("Export this view").click()
    files = {}
    for label in ("PNG", "PNG (print)", "SVG", "PDF", "HTML", "GIF", "CSV", "GeoJSON", "KML"):
        button = page.get_by_role("button", name=label, exact=True)
        with page.expect_download(timeout=120_000) as info:
            button.click()
        d = info.value
        files[label] = out / d.suggested_filename
        d.save_as(files[label])
    return files


def import_count(path: Path, db: Path) -> int:
    env = {**os.environ, "SORTIE_DB": str(db)}
    r = subprocess.run([sys.executable, "-m", "events", "-q", "import", str(path)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return Store(str(db), seed=None).count()


def test_each_download_is_a_valid_file(server, page, chromium, tmp_path, shots):
    page.goto(server.url)
    map_frame(page)
    files = download_all(page, tmp_path)
    names = {k: p.name for k, p in files.items()}
    assert names["PNG"].startswith("sortie_2021-08-01_2021-11-23") and names["PNG"].endswith(".png")
    assert names["PNG (print)"].endswith("_print.png")

    assert Image.open(files["PNG"]).size[0] == 1600
    assert Image.open(files["PNG (print)"]).size[0] == 4800
    assert SafeET.parse(files["SVG"]).getroot().tag.endswith("svg")
    pdf = files["PDF"].read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf and pdf.rstrip().endswith(b"%%EOF")
    gif = Image.open(io.BytesIO(files["GIF"].read_bytes()))
    assert gif.format == "GIF" and gif.n_frames > 1

    for label in ("CSV", "GeoJSON", "KML"):
        assert import_count(files[label], tmp_path / f"{label}.db") == SEED_COUNT, label

    # the HTML page works from disk with every request blocked, and shows the same events
    ctx = chromium.new_context()
    blocked: list[str] = []
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else
              (blocked.append(r.request.url), r.abort()))
    standalone = ctx.new_page()
    standalone.goto(files["HTML"].as_uri())
    deadline = time.time() + 30
    count = None
    while time.time() < deadline and count != SEED_COUNT:
        count = standalone.evaluate("() => window.sortieEvents ? Object.keys(window.sortieEvents).length : null")
        time.sleep(0.2)
    assert count == SEED_COUNT
    standalone.screenshot(path=str(shots / "export_standalone.png"))
    ctx.close()
    assert blocked == []
    Image.open(files["PNG"]).save(shots / "export_seed.png")
