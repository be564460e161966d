"""The dashboard in headless Chromium with the network blocked: map, filter, hostile text."""

from __future__ import annotations

import time

from conftest import drawn_ids, map_frame, wait_for

ALL = sorted([
    "seed-2021-08-china-war-games", "seed-2021-10-sea-of-japan-naval", "seed-2021-11-19-joint-patrol",
    "seed-2021-11-19-kor-scramble", "seed-2021-11-global-thunder-approach", "seed-2021-11-okhotsk-bomber-flights",
    "seed-2021-11-us-bomber-missions", "seed-2021-11-19-yonhap-kadiz", "seed-2021-11-19-yonhap-scramble", "xss-test",
])


def test_map_renders_offline_with_sample_events(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame) == ALL), drawn_ids(frame)
    # the offline basemap is drawn (country polygons on the canvas) and no tile was requested
    assert frame.evaluate("() => document.querySelectorAll('canvas').length") >= 1
    assert frame.locator(".sortie-legend").inner_text().startswith("Events")
    time.sleep(0.5)
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert page.blocked == [], page.blocked


def legend_rows(frame) -> list[str]:
    return [" ".join(t.split()) for t in frame.locator(".sortie-legend-row").all_inner_texts()]


def test_filter_change_updates_map(server, page):
    page.goto(server.url + "/?types=joint_patrol,scramble")
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame) == ["seed-2021-11-19-joint-patrol", "seed-2021-11-19-kor-scramble",
                                                 "seed-2021-11-19-yonhap-scramble"])
    assert legend_rows(frame) == ["Joint patrol 1", "Scramble 2"]
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    frame.evaluate("() => { window.__sameMap = true; }")
    # now change the filter in the sidebar: remove "Scramble" from the type filter
    page.get_by_role("button", name="Remove Scramble").click()

    def ids_now():
        try:
            return drawn_ids(map_frame(page, timeout=5))
        except Exception:
            return None

    assert wait_for(lambda: ids_now() == ["seed-2021-11-19-joint-patrol"]), ids_now()
    assert "types=joint_patrol" in page.url and "scramble" not in page.url
    # applied where the data is: the same map, no events file fetched again, and its legend,
    # layer switches and timeline count only what the filter keeps
    frame = map_frame(page)
    assert frame.evaluate("() => window.__sameMap") is True
    assert not [u for u in fetched if "/static/cache/" in u], fetched
    assert legend_rows(frame) == ["Joint patrol 1"]
    switches = frame.locator(".leaflet-control-layers-overlays").inner_text()
    assert "Joint patrol (1)" in switches and "Scramble" not in switches, switches
    assert frame.evaluate("() => sortieTimeline.state().visible") == 1
    # and back: the scrambles return, on the same map
    page.get_by_role("button", name="Remove Joint patrol").click()
    assert wait_for(lambda: ids_now() == ALL), ids_now()
    assert map_frame(page).evaluate("() => window.__sameMap") is True


def test_injected_html_stays_inert(server, page, shots):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.url + "/?types=other")
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame) == ["xss-test"])
    frame.evaluate("() => { window.sortieEvents['xss-test'].openPopup(); }")
    popup = frame.locator(".leaflet-popup-content .sortie-card")
    popup.wait_for()
    text = popup.inner_text()
    assert '<img src="/pwned.png" onerror=' in text and "<script>" in text
    assert popup.locator("img").count() == 0 and popup.locator("script").count() == 0
    time.sleep(0.5)
    assert page.evaluate("() => window.__pwned") is None
    assert frame.evaluate("() => window.top.__pwned") is None
    assert not any("pwned" in u for u in requested)
    page.screenshot(path=str(shots / "xss_popup.png"))


def test_the_wheel_scrolls_the_page_until_the_map_is_clicked(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: len(drawn_ids(frame)) == len(ALL))
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    zoom = frame.evaluate("() => Sortie.map.getZoom()")
    x, y = box["x"] + box["width"] / 2, box["y"] + 150  # over the map, inside the window
    page.mouse.move(x, y)
    page.mouse.wheel(0, 120)  # a reader scrolling down the page, over the map
    page.wait_for_timeout(400)
    assert frame.evaluate("() => Sortie.map.getZoom()") == zoom  # not zoomed out
    assert frame.locator(".sortie-wheel-hint-on").count() == 1  # says how to zoom instead
    page.screenshot(path=str(shots / "wheel_hint.png"))
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()  # the page scrolled
    x, y = box["x"] + box["width"] / 2, max(box["y"], 0) + 150
    page.mouse.click(x, y)
    page.keyboard.press("Escape")  # a click may open a card; the wheel is armed either way
    page.mouse.move(x, y)
    page.mouse.wheel(0, 400)
    assert wait_for(lambda: frame.evaluate("() => Sortie.map.getZoom()") < zoom, timeout=5)


def test_the_basemap_continues_across_the_antimeridian(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: len(drawn_ids(frame)) == len(ALL))
    # a Bering Sea view: Chukotka east of 180 degrees is land, not open sea
    frame.evaluate("() => { Sortie.map.setView([64, 180], 4, {animate: false}); }")
    page.wait_for_timeout(800)
    land_east = frame.evaluate("""() => { let n = 0;
        Sortie.map.eachLayer(l => { if (l.feature && l.feature.properties.iso_a3 === 'RUS'
            && l.getBounds().contains([66, 186])) n++; }); return n; }""")
    assert land_east >= 1  # Russia's copy one world east covers Chukotka's far side
    page.screenshot(path=str(shots / "bering_antimeridian.png"))


def test_events_on_one_spot_carry_a_count_badge(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: len(drawn_ids(frame)) == len(ALL))
    # the two US bomber approaches to Russia's border name no place but Russia: one spot
    stacks = wait_for(lambda: frame.evaluate("() => Sortie.stacks()"))
    # and Yonhap's incursion and South Korea's scramble, both placed on South Korea's air defence zone
    assert sorted(map(sorted, stacks)) == [["seed-2021-11-19-yonhap-kadiz", "seed-2021-11-19-yonhap-scramble"],
                                           ["seed-2021-11-global-thunder-approach",
                                            "seed-2021-11-us-bomber-missions"]], stacks
    page.screenshot(path=str(shots / "stack_badge.png"))
