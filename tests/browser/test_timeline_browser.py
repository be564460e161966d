"""Timeline playback, layer toggles and event cards in headless Chromium."""

from __future__ import annotations

import time

from conftest import drawn_ids, map_frame

PATROL, SCRAMBLE = "seed-2021-11-19-joint-patrol", "seed-2021-11-19-kor-scramble"
NOVEMBER = {"seed-2021-11-global-thunder-approach", "seed-2021-11-us-bomber-missions",
            "seed-2021-11-okhotsk-bomber-flights"}
YONHAP = {"seed-2021-11-19-yonhap-kadiz", "seed-2021-11-19-yonhap-scramble"}  # the same day, as Yonhap reported it


def at_date(frame, iso: str, window_days: float) -> set[str]:
    frame.evaluate("([d, w]) => window.sortieTimeline.set(window.sortieTimeline.dayOf(d), w)", [iso, window_days])
    return set(drawn_ids(frame))


def test_events_appear_and_disappear_at_their_dates(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert at_date(frame, "2021-08-15", 0) == {"seed-2021-08-china-war-games"}
    assert at_date(frame, "2021-10-10", 0) == {"seed-2021-10-sea-of-japan-naval"}
    assert at_date(frame, "2021-11-19", 0) == {PATROL, SCRAMBLE} | YONHAP | NOVEMBER
    # a day later the one-day patrol and scramble are gone; the hostile test event shows
    assert at_date(frame, "2021-11-20", 0) == NOVEMBER | {"xss-test"}
    # a 7-day window keeps the patrol in view for the following week
    assert PATROL in at_date(frame, "2021-11-23", 6)
    frame.locator(".sortie-tl-date").wait_for()
    assert "2021-11-23" in frame.locator(".sortie-tl-date").inner_text()
    page.screenshot(path=str(shots / "timeline_2021-11-23_week.png"))


def test_play_button_advances_time_and_updates_the_map(server, page):
    page.goto(server.url)
    frame = map_frame(page)
    frame.evaluate("() => window.sortieTimeline.set(window.sortieTimeline.dayOf('2021-08-01'), 0)")
    assert set(drawn_ids(frame)) == {"seed-2021-08-china-war-games"}
    frame.locator(".sortie-tl-speed").select_option(label="1 week / step")
    frame.locator(".sortie-tl-play").click()
    seen_states = []
    deadline = time.time() + 20
    while time.time() < deadline:
        # read the date and what is drawn in one go, so they belong to the same frame
        state = frame.evaluate("""() => { const s = window.sortieTimeline.state();
            return {t: s.t, playing: s.playing, ids: Sortie.visibleEvents()}; }""")
        for _id, d0, d1 in state["ids"]:
            assert d0 <= state["t"] <= d1  # window "on the date": only events active that day
        seen_states.append(state)
        if not state["playing"]:
            break
        time.sleep(0.05)
    assert not seen_states[-1]["playing"], "playback did not reach the end"
    assert seen_states[-1]["t"] == frame.evaluate("() => window.sortieTimeline.state().max")
    shown = {i for s in seen_states for i, _, _ in s["ids"]}
    assert "seed-2021-10-sea-of-japan-naval" in shown and len({s["t"] for s in seen_states}) > 5
    frame_ms = frame.evaluate("() => window.sortieTimeline.frameTimes")
    assert frame_ms and max(frame_ms) < 1000


def test_layer_toggle_and_event_card_with_related_highlight(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    # switch the bomber-approach layer off in the layer control
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text("Bomber approach (3)").click()
    ids = set(drawn_ids(frame))
    assert not ids & NOVEMBER and PATROL in ids
    frame.get_by_text("Bomber approach (3)").click()
    assert NOVEMBER <= set(drawn_ids(frame))
    page.mouse.move(10, 10)
    # click the joint patrol's icon where it is drawn on the canvas
    # bring the patrol to the middle of the map (away from the controls), then click its icon
    frame.evaluate("""() => { const e = window.sortieEvents['seed-2021-11-19-joint-patrol'];
        Sortie.map.setView(Sortie.latLng(e.index), 5, {animate: false}); }""")
    time.sleep(0.3)
    x, y = frame.evaluate("() => Sortie.containerPoint('seed-2021-11-19-joint-patrol')")
    box = page.locator("iframe").first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    popup = frame.locator(".leaflet-popup-content .sortie-card")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "Joint patrol" in text and "Tu-95MS x2" in text and "Sea of Japan → East China Sea" in text
    assert "On Friday, two Russian Tu-95MS" in text and "related event" in text
    assert frame.evaluate(f"() => window.sortieEvents['{SCRAMBLE}'].highlighted") is True
    time.sleep(0.3)
    page.screenshot(path=str(shots / "joint_patrol_card.png"))
    frame.locator(".leaflet-popup-close-button").click()
    assert frame.evaluate(f"() => window.sortieEvents['{SCRAMBLE}'].highlighted") is False


def test_the_legend_counts_follow_the_timeline_and_the_legend_folds_away(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    legend = frame.locator(".sortie-legend")
    assert "Bomber approach 3" in legend.inner_text().replace("\n", " ")
    at_date(frame, "2021-11-20", 0)  # the three November bomber flights, not the patrol or the scramble
    text = legend.inner_text().replace("\n", " ")
    assert "Bomber approach 3" in text and "Joint patrol 0 of 1" in text and "Scramble 0 of 2" in text, text
    page.screenshot(path=str(shots / "legend_window_counts.png"))
    legend.locator(".sortie-legend-title").click()
    assert not frame.locator(".sortie-legend-body").is_visible()  # folded: the map underneath is free
    page.screenshot(path=str(shots / "legend_folded.png"))
    legend.locator(".sortie-legend-title").click()
    assert frame.locator(".sortie-legend-body").is_visible()
