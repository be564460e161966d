"""The standalone HTML export opened from disk in Chromium with every network request blocked."""

from __future__ import annotations

import time
from pathlib import Path

from events.store import Store
from maps.standalone import write_standalone


def test_standalone_map_works_from_disk_offline(chromium, tmp_path: Path, shots: Path, store: Store):
    df = store.frame()
    located = int(df["geometry"].notna().sum())
    path = write_standalone(df, tmp_path / "sortie_view.html", title="Seed events")
    context = chromium.new_context(viewport={"width": 1200, "height": 800})
    requests: list[str] = []

    def route(r):  # a file from disk may load nothing else: no server, no internet
        url = r.request.url
        if url == path.as_uri():
            return r.continue_()
        requests.append(url)
        return r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    deadline = time.time() + 30
    while time.time() < deadline and not page.evaluate("() => !!window.sortieLayers"):
        time.sleep(0.1)
    count = page.evaluate("() => Sortie.visibleEvents().length")
    assert count == located == 9
    # A popup opens with the report's text.
    page.evaluate("() => { Object.values(window.sortieEvents)[0].openPopup(); }")
    page.wait_for_selector(".leaflet-popup-content .sortie-card", timeout=5000)
    assert len(page.inner_text(".leaflet-popup-content")) > 20
    assert page.locator(".leaflet-container").count() == 1
    page.screenshot(path=str(shots / "standalone_offline.png"))
    context.close()
    assert errors == []
    assert requests == []
