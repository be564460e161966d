"""The copy-link button in a real browser: a link keeps the card it opened and the view the
user chose, even after a card's auto-pan moved the map to make room for itself."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from conftest import map_frame

JOINT = "seed-2021-11-19-joint-patrol"
OKHOTSK = "seed-2021-11-okhotsk-bomber-flights"


def link_params(frame) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(frame.evaluate("() => Sortie.currentLink()")).query).items()}


def near(view: str, want: str) -> bool:
    """Same zoom, centre within 0.1 degree (Leaflet rounds the centre to whole pixels)."""
    (a, b, z), (c, d, w) = (v.split(",") for v in (view, want))
    return z == w and abs(float(a) - float(c)) < 0.1 and abs(float(b) - float(d)) < 0.1


def test_a_link_keeps_the_open_event_and_the_chosen_view(server, page, shots):
    # as the copy button writes it: the filters (the default window) and the map keys
    page.goto(f"{server.url}/?from=2021-08-01&to=2021-11-23&event={JOINT}&view=44.000,150.000,4")
    frame = map_frame(page)
    frame.locator(".leaflet-popup").wait_for(timeout=30_000)  # the link's card is open
    page.wait_for_timeout(600)
    params = link_params(frame)
    assert params["event"] == JOINT  # was dropped when the card came from a link
    assert near(params["view"], "44.000,150.000,4"), params
    # a card near the map's edge pans the map to fit: the link keeps the view the user chose
    frame.evaluate(f"() => {{ window.sortieEvents['{OKHOTSK}'].openPopup(); }}")
    page.wait_for_timeout(800)
    params = link_params(frame)
    assert params["event"] == OKHOTSK and near(params["view"], "44.000,150.000,4"), params
    page.screenshot(path=str(shots / "permalink_card.png"))
    # a pan by the user does move it
    frame.evaluate("() => { Sortie.map.setView([40, 140], 5); }")
    page.wait_for_timeout(600)
    assert near(link_params(frame)["view"], "40.000,140.000,5")
