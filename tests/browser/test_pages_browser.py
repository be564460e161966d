"""Analyst-facing fixes checked in headless Chromium: typed dates apply on Tab or Enter, the
weekly chart, the Events page labels, the Ingest review columns, the Gazetteer layout."""

from __future__ import annotations

import time

from conftest import drawn_ids, map_frame, wait_for

TO_OCTOBER = sorted(["seed-2021-08-china-war-games", "seed-2021-10-sea-of-japan-naval",
                     "seed-2021-11-okhotsk-bomber-flights", "seed-2021-11-us-bomber-missions"])


def events_shown(page) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text="Events shown") \
        .locator('[data-testid="stMetricValue"]').inner_text()


def ids_now(page):
    try:
        return drawn_ids(map_frame(page, timeout=5))
    except Exception:  # the map is being redrawn
        return None


def test_typed_date_applies_on_tab_and_enter(server, page, shots):
    page.goto(server.url)
    map_frame(page)
    assert wait_for(lambda: events_shown(page) == "10"), events_shown(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    to_box = sidebar.get_by_label("To", exact=True)
    to_box.click()
    to_box.press("Control+a")
    to_box.press_sequentially("2021-10-31")  # typed key by key, as an analyst would, then Tab: nothing else
    to_box.press("Tab")
    assert wait_for(lambda: events_shown(page) == "4"), events_shown(page)
    assert wait_for(lambda: ids_now(page) == TO_OCTOBER), ids_now(page)
    assert "to=2021-10-31" in page.url
    page.screenshot(path=str(shots / "dates_typed_tab.png"))

    from_box = sidebar.get_by_label("From", exact=True)
    from_box.fill("2021-10-01")
    from_box.press("Enter")
    assert wait_for(lambda: events_shown(page) == "3"), events_shown(page)  # the August war games drop out
    assert "from=2021-10-01" in page.url

    from_box.fill("2021-13-01")  # not a date: said so, and that side of the window opens
    from_box.press("Tab")
    error = sidebar.locator('[data-testid="stAlert"]')
    error.wait_for(timeout=30_000)
    assert "is not a date" in error.inner_text()
    assert wait_for(lambda: events_shown(page) == "4"), events_shown(page)
    page.screenshot(path=str(shots / "dates_bad_input.png"))
    assert page.blocked == []


def test_weekly_chart_labels_iso_weeks(server, page, shots):
    page.goto(server.url)
    map_frame(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]')
    chart.wait_for(timeout=60_000)
    chart.scroll_into_view_if_needed()

    def labels() -> str:
        return chart.evaluate("e => Array.from(e.querySelectorAll('svg text')).map(t => t.textContent).join('|')")

    text = wait_for(lambda: "2021 W46" in labels() and labels(), 60)
    assert text and "Events per week by type" in text and "W00" not in text, labels()
    time.sleep(0.5)
    chart.screenshot(path=str(shots / "weekly_chart_sample.png"))


REPORT = ("On Friday, two Russian Tu-95MS strategic bombers and two Chinese H-6K bombers flew a joint patrol "
          "over the Sea of Japan and the East China Sea, prompting South Korea to scramble fighter jets, "
          "the Joint Chiefs of Staff said.")


def test_ingest_review_puts_duplicate_and_confidence_next_to_action(server, page, shots):
    page.goto(server.url + "/ingest")
    page.get_by_label("Report text (or HTML)").fill(REPORT)
    published = page.get_by_role("spinbutton", name="year, Published")
    published.click()
    page.keyboard.type("20211120")
    page.keyboard.press("Tab")  # to the calendar button
    page.keyboard.press("Tab")  # out of the date widget: its calendar closes
    page.get_by_role("button", name="Extract events").click()
    grid = page.locator('[data-testid="stDataFrame"]')
    grid.wait_for(timeout=60_000)
    time.sleep(2)
    headers = grid.evaluate("e => Array.from(e.querySelectorAll('th')).map(t => t.textContent.trim())")
    page.screenshot(path=str(shots / "ingest_review_columns.png"), full_page=True)
    assert headers[:5] == ["Action", "Confidence", "Possible duplicate of", "Why", "Type"], headers
    rows = grid_rows(grid)
    assert rows[0]["Possible duplicate of"].startswith("seed-2021-11-19-"), rows  # flagged beside the action
    grid.hover()
    for _ in range(10):  # the grid draws only the columns in view: scroll right to the optional ones
        page.mouse.wheel(600, 0)
        time.sleep(0.3)
        rows = grid_rows(grid)
        if "Closest (km)" in rows[0]:
            break
    page.screenshot(path=str(shots / "ingest_review_columns_right.png"))
    assert all(r["Closest (km)"] == "" for r in rows), rows  # blank, not "None"
    assert all("None" not in r.values() for r in rows), rows


def grid_rows(grid) -> list[dict[str, str]]:
    """The data grid's rendered rows as {header: text}, from its accessible table."""
    return grid.evaluate("""e => {
        const heads = Array.from(e.querySelectorAll('thead th')).map(t => t.textContent.trim());
        return Array.from(e.querySelectorAll('tbody tr')).map(r => Object.fromEntries(
            Array.from(r.querySelectorAll('td')).map((t, i) => [heads[i], t.textContent.trim()])));
    }""")


def test_gazetteer_map_is_in_view_with_labelled_candidates(server, page, shots):
    page.set_viewport_size({"width": 1400, "height": 950})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/gazetteer")
    page.get_by_role("heading", name="Sea of Okhotsk").wait_for(timeout=60_000)
    box = page.get_by_role("textbox", name="Place name")
    box.fill("Tsushima Strait")
    box.press("Enter")
    page.get_by_role("heading", name="Tsushima Strait").wait_for(timeout=30_000)

    def map_with_labels():
        for f in page.frames:
            try:
                labels = f.evaluate("() => Array.from(document.querySelectorAll('.leaflet-tooltip'))"
                                    ".map(t => t.textContent.trim())")
            except Exception:  # frame still loading
                continue
            if any("Tsushima Strait" in t for t in labels):  # the new answer's map, not the previous one
                return labels
        return None

    labels = wait_for(map_with_labels, 30)
    assert labels and "1 · Tsushima Strait (strait)" in labels, labels
    assert any("Korea Strait" in t for t in labels), labels  # the whole strait is a labelled runner-up
    time.sleep(1)
    frame_box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box() \
        or page.locator("iframe").first.bounding_box()
    assert frame_box["y"] >= 0 and frame_box["y"] + frame_box["height"] <= 950, frame_box  # no scrolling needed
    note = page.locator('[data-testid="stAlert"]').inner_text()
    assert "Eastern channel of the Korea Strait" in note and "NE " not in note
    page.screenshot(path=str(shots / "gazetteer_tsushima_1400x950.png"))
    assert errors == [] and page.blocked == []
