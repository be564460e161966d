"""The map without a mouse, from the table, on paper, and where approaches are drawn: keyboard
walk, table row -> card, print layout, approaches on the approached border (issue 13)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from conftest import drawn_ids, map_frame, wait_for

WAR_GAMES = "seed-2021-08-china-war-games"  # the table's first row (by date)
THUNDER = "seed-2021-11-global-thunder-approach"


def _ready(server, page):
    page.goto(server.url)
    frame = map_frame(page)
    every = sorted(frame.evaluate("() => Object.keys(window.sortieEvents)"))
    assert every and wait_for(lambda: drawn_ids(frame) == every)
    return frame


def test_events_are_reachable_with_tab_and_arrow_keys(server, page, shots):
    frame = _ready(server, page)
    keys = frame.locator(".sortie-keys")
    for _ in range(12):  # Tab from the page into the map until the walk has focus
        if frame.evaluate("() => document.activeElement && document.activeElement.classList.contains('sortie-keys')"):
            break
        keys.focus() if _ == 11 else page.keyboard.press("Tab")
    assert frame.evaluate("() => document.activeElement.classList.contains('sortie-keys')")
    page.keyboard.press("ArrowRight")
    said = frame.locator(".sortie-keys-say").inner_text()
    assert said.startswith("1 of ") and "·" in said, said
    page.keyboard.press("ArrowRight")
    assert frame.locator(".sortie-keys-say").inner_text().startswith("2 of ")
    assert frame.locator(".sortie-focus-ring").count() == 1  # the current event is ringed on the map
    page.screenshot(path=str(shots / "keyboard_walk.png"))
    legend_open = frame.locator(".sortie-legend-collapsed").count() == 0
    page.keyboard.press("Enter")
    frame.locator(".leaflet-popup .sortie-card").wait_for(timeout=10_000)
    if legend_open:  # the card needs the room: the legend folds while it is open, and comes back
        assert frame.locator(".sortie-legend-collapsed").count() == 1
    page.keyboard.press("Escape")
    assert wait_for(lambda: frame.locator(".leaflet-popup").count() == 0, timeout=5)
    if legend_open:
        assert wait_for(lambda: frame.locator(".sortie-legend-collapsed").count() == 0, timeout=5)


def test_selecting_a_table_row_flies_to_the_event_without_rebuilding_the_map(server, page, shots):
    frame = _ready(server, page)
    frame.evaluate("() => { window.__same_map = 1; }")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)  # the first row's selection box
    frame.locator(".leaflet-popup .sortie-card").wait_for(timeout=20_000)
    assert frame.locator(".leaflet-popup .sortie-card-type").inner_text().startswith("Exercise")
    link = parse_qs(urlsplit(frame.evaluate("() => Sortie.currentLink()")).query)
    assert link["event"] == [WAR_GAMES]
    assert frame.evaluate("() => window.__same_map") == 1  # the same map, not a remount
    assert frame.evaluate("() => Sortie.map.getZoom()") >= 5
    page.screenshot(path=str(shots / "table_row_to_map.png"))


def test_the_print_layout_has_the_map_legend_caption_and_every_row(server, page, shots):
    frame = _ready(server, page)
    page.emulate_media(media="print")
    page.wait_for_timeout(500)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    table = page.locator(".sortie-print table").first
    assert table.is_visible()
    assert table.locator("tbody tr").count() == len(drawn_ids(frame))  # all located, one table page
    assert table.locator("th").first.inner_text() == "When"
    assert page.locator('iframe[title="streamlit_folium.st_folium"]').first.is_visible()
    # in the map: the legend is unfolded and the buttons are gone
    assert frame.locator(".sortie-legend-body").is_visible()
    assert not frame.locator(".leaflet-control-zoom").is_visible()
    page.screenshot(path=str(shots / "print_layout.png"), full_page=True)
    page.emulate_media(media="screen")
    assert not table.is_visible()  # on screen the interactive grid is the table


def test_an_approach_to_a_country_is_drawn_on_its_border_without_the_antimeridian_cut(server, page, shots):
    frame = _ready(server, page)
    lat, lon = frame.evaluate(f"() => {{ const p = Sortie.latLng(window.sortieEvents['{THUNDER}'].index);"
                              " return [p.lat, p.lng]; }")
    # on Russia's Chukotka coast, facing Alaska: not in Siberia's middle (about 62N 94E)
    assert 60 < lat < 70 and (lon > 165 or lon < -165), (lat, lon)
    frame.evaluate(f"() => {{ window.sortieEvents['{THUNDER}'].openPopup(); }}")
    card = frame.locator(".leaflet-popup .sortie-card")
    card.wait_for(timeout=10_000)
    assert "drawn on the approached border" in card.inner_text()
    # the approached border has no line along the 180th meridian (Natural Earth cuts Russia there)
    seam = frame.evaluate("""() => { let n = 0, lines = 0;
        Sortie.map.eachLayer(l => { const g = l.feature && l.feature.geometry;
          if (!g || g.type !== 'MultiLineString' || l.feature.properties.iso_a3 !== 'RUS') return;
          g.coordinates.forEach(line => { lines++; for (let k = 1; k < line.length; k++) {
            const a = Math.abs(((line[k-1][0] + 540) % 360) - 180), b = Math.abs(((line[k][0] + 540) % 360) - 180);
            if (a < 0.001 && b < 0.001) n++; } }); });
        return [lines, n]; }""")
    assert seam[0] > 0 and seam[1] == 0, seam
    page.screenshot(path=str(shots / "approach_on_border.png"))


def test_approached_borders_follow_the_timeline_window(server, page):
    frame = _ready(server, page)
    assert "RUS" in frame.evaluate("() => Sortie.activeBorders()")
    day = frame.evaluate("() => Sortie.dayOf('2021-09-15')")  # before any bomber approach, one day shown
    frame.evaluate(f"() => window.sortieTimeline.set({day}, 0)")
    assert wait_for(lambda: frame.evaluate("() => Sortie.activeBorders()") == [], timeout=5)
    end = frame.evaluate("() => window.sortieTimeline.state().max")
    frame.evaluate(f"() => window.sortieTimeline.set({end}, Infinity)")
    assert wait_for(lambda: "RUS" in frame.evaluate("() => Sortie.activeBorders()"), timeout=5)
