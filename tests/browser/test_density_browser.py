"""The density view in a real browser: past 2,000 events on screen the map draws hexagons of
events per cell (coloured by type, darker for more), a tooltip says what a cell holds, a click
zooms in, and zoomed in the icons come back (issue 12, item 4)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, map_frame, wait_for
from local_team import AppServer

N = 3_000


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    sys.path.insert(0, str(ROOT))
    from bench.synthetic import write_csv
    from events.io import read_file
    from events.store import Store

    folder = tmp_path_factory.mktemp("dense")
    events, errors = read_file(write_csv(folder / "e.csv", N))
    assert not errors
    Store(str(folder / "sortie.db")).add_many(events)
    srv = AppServer(folder / "sortie.db")
    yield srv
    srv.stop()


def test_thousands_of_events_read_as_hexagons_until_zoomed_in(crowded, page, shots):
    page.goto(crowded.url)
    frame = map_frame(page, timeout=120)
    frame.evaluate("() => { Sortie.map.setView([30, 135], 2, {animate: false}); }")
    bins = wait_for(lambda: frame.evaluate("() => Sortie.bins()"))
    assert bins and sum(n for n, _ in bins) == frame.evaluate("() => Sortie.visibleEvents().length")
    assert any(n >= 10 for n, _ in bins)  # cells of many events, not one per event
    assert "hexagon per cell" in frame.locator(".sortie-legend").inner_text()
    page.screenshot(path=str(shots / "density_hexagons.png"))
    # a cell's tooltip says what it holds; a click zooms in on it
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    at = frame.evaluate("""() => { const b = Object.values(Sortie.map._layers).find(l => l.bins).bins;
        const c = Object.values(b).sort((x, y) => y.n - x.n)[0];
        const p = Sortie.map.layerPointToContainerPoint(L.point(c.x, c.y).add(
            Object.values(Sortie.map._layers).find(l => l.bins).topLeft)); return [p.x, p.y]; }""")
    page.mouse.move(box["x"] + at[0], box["y"] + at[1])
    tip = frame.locator(".leaflet-tooltip")
    tip.wait_for(timeout=5_000)
    assert "events here" in tip.inner_text() and "click to zoom in" in tip.inner_text()
    zoom = frame.evaluate("() => Sortie.map.getZoom()")
    page.mouse.click(box["x"] + at[0], box["y"] + at[1])
    assert wait_for(lambda: frame.evaluate("() => Sortie.map.getZoom()") == zoom + 2, timeout=5)
    page.wait_for_timeout(600)  # the zoom animation ends
    # close in, few events on screen: icons again
    frame.evaluate("() => { Sortie.map.setZoom(9, {animate: false}); }")
    assert wait_for(lambda: frame.evaluate("() => Sortie.bins() === null"), timeout=5), frame.evaluate(
        "() => [Sortie.map.getZoom(), Sortie.map.getCenter(), (Sortie.bins() || []).length]")
    frame.evaluate("() => { Sortie.map.setView([30, 135], 2, {animate: false}); }")
    assert wait_for(lambda: frame.evaluate("() => Sortie.bins()"), timeout=5)
    page.screenshot(path=str(shots / "density_zoomed_out.png"))
