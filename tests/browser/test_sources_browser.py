"""The Sources page in headless Chromium, network blocked: the AP and Yonhap reports of the joint
patrol of 19 Nov 2021 side by side with the disagreement flagged, and a link that opens the map
on one of them."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urljoin, urlsplit

from conftest import drawn_ids, map_frame, wait_for

KADIZ = "seed-2021-11-19-yonhap-kadiz"


def test_sources_page_flags_where_the_outlets_disagree(server, page, shots):
    page.goto(server.url + "/sources")
    page.get_by_role("heading", name="Sources", exact=True).wait_for(timeout=60_000)
    flagged = page.get_by_text("⚠ The sources disagree on type, count")
    flagged.wait_for(timeout=60_000)
    caption = flagged.locator("xpath=ancestor::*[@data-testid='stCaptionContainer'][1]").inner_text()
    assert "total count: Yonhap 9" in caption and "Associated Press (Moscow, V. Isachenkov) 4" in caption
    heading = page.get_by_text("ADIZ / airspace incursion or joint patrol · 2021-11-19", exact=False).first
    assert heading.is_visible()
    # the side-by-side table: a column per outlet, the disputed rows marked
    group = page.locator(".st-key-src_group_0")  # the container of the first group (disagreements first)
    assert group.get_by_text("⚠ The sources disagree on type, count").is_visible()
    grid = group.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    cells = grid.locator("[role=gridcell]")  # the grid draws on a canvas; its cells are also an aria table
    text = wait_for(lambda: " | ".join(cells.all_text_contents()).strip(" |"), timeout=30)
    assert "⚠ Joint patrol" in text and "⚠ ADIZ / airspace incursion" in text, text
    assert "The sources agree on every field they both state." in page.inner_text("body")  # the scramble group

    page.mouse.move(5, 5)
    page.set_viewport_size({"width": 1400, "height": 2000})  # the outlets table and both groups
    time.sleep(1.5)  # the grids draw on a canvas
    page.screenshot(path=str(shots / "sources.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})

    # the event's link opens the map with its card
    link = group.get_by_role("link", name="Yonhap")
    href = link.get_attribute("href")
    assert parse_qs(urlsplit(href).query)["event"] == [KADIZ]
    page.goto(urljoin(page.url, href))
    frame = map_frame(page)
    frame.locator(".leaflet-popup").wait_for(timeout=30_000)
    assert "seven Russian military aircraft" in frame.locator(".leaflet-popup").inner_text()
    assert page.blocked == [], page.blocked


def test_the_source_filter_in_the_sidebar_narrows_the_map(server, page):
    page.goto(server.url + "/?src=Yonhap")
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame) == [KADIZ, "seed-2021-11-19-yonhap-scramble"]), drawn_ids(frame)
    assert page.get_by_text("Yonhap (2)").first.is_visible()  # the chosen outlet, with its count
    assert page.blocked == [], page.blocked
