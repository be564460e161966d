"""The Gazetteer page draws the resolved place on a working map, with no script errors."""

from __future__ import annotations

import time

DRAWN = ("() => !!(document.querySelector('.leaflet-container') && "
         "document.querySelector('.leaflet-overlay-pane canvas'))")


def test_place_is_drawn_on_the_map(server, page, shots):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/gazetteer")
    page.get_by_role("heading", name="Sea of Okhotsk").wait_for(timeout=60_000)
    deadline = time.time() + 30
    drawn = False
    while time.time() < deadline and not drawn:
        for f in page.frames:
            try:
                drawn = drawn or f.evaluate(DRAWN)
            except Exception:  # frame still loading
                pass
        time.sleep(0.2)
    time.sleep(1)
    height = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
    assert drawn and height > 300 and errors == [], (drawn, height, errors)
    page.screenshot(path=str(shots / "gazetteer.png"))
    assert page.blocked == []
