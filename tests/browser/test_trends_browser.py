"""The Trends page in headless Chromium, network blocked: the chart renders, a click on a bar lists its
events, the chart downloads as PNG, SVG and CSV."""

from __future__ import annotations

import csv
import io
import time

import defusedxml.ElementTree as SafeET
from conftest import wait_for
from PIL import Image

from events import event_types as et


def colour_at(chart, rgb: tuple[int, int, int]) -> tuple[float, float] | None:
    """Page coordinates of the middle of the pixels of the chart drawn in ``rgb`` (a bar's fill)."""
    box = chart.bounding_box()
    img = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    xs, ys = [], []
    for y in range(0, img.height, 2):
        for x in range(0, img.width, 2):
            if img.getpixel((x, y)) == rgb:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    sx, sy = box["width"] / img.width, box["height"] / img.height
    return box["x"] + sorted(xs)[len(xs) // 2] * sx, box["y"] + sorted(ys)[len(ys) // 2] * sy


def test_trends_chart_renders_and_a_bar_lists_its_events(server, page, shots, tmp_path):
    page.goto(server.url + "/trends")
    page.get_by_role("heading", name="Trends").wait_for(timeout=60_000)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for(timeout=60_000)
    graphic = chart.locator("canvas, svg.marks").first
    graphic.wait_for(timeout=30_000)
    patrol = tuple(int(et.COLORS["joint_patrol"][i:i + 2], 16) for i in (1, 3, 5))
    spot = wait_for(lambda: colour_at(graphic, patrol), timeout=30)
    assert spot, "no joint patrol bar drawn"

    page.mouse.click(*spot)
    heading = page.get_by_text("1 event(s): week of 2021-11-15, Joint patrol")
    heading.wait_for(timeout=30_000)
    table = page.locator("[data-testid='stDataFrame']").first
    table.wait_for()
    page.mouse.move(5, 5)  # no tooltip over the picture
    # Streamlit scrolls inside its own container: a tall window shows the chart and the table together
    page.set_viewport_size({"width": 1400, "height": 2400})
    time.sleep(1.5)  # the grid draws on a canvas: give it a moment before the screenshot
    page.screenshot(path=str(shots / "trends.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})

    # the whole week: the patrol, South Korea's scramble (AP's and Yonhap's), Yonhap's incursion and the
    # server fixture's other event
    page.get_by_text("All of the week, not only Joint patrol").click()
    page.get_by_text("5 event(s): week of 2021-11-15").wait_for(timeout=30_000)

    files = {}
    for label in ("PNG", "SVG", "CSV"):
        with page.expect_download(timeout=120_000) as info:
            page.get_by_role("button", name=label, exact=True).click()
        files[label] = tmp_path / info.value.suggested_filename
        info.value.save_as(files[label])
    assert files["PNG"].name.endswith("_trend_week_type.png")
    assert Image.open(files["PNG"]).format == "PNG"
    assert SafeET.parse(files["SVG"]).getroot().tag.endswith("svg")
    rows = list(csv.DictReader(files["CSV"].open(encoding="utf-8")))
    week = {r["event_type"]: r["events"] for r in rows if r["period"] == "2021-11-15"}
    assert week == {"Joint patrol": "1", "Scramble": "2", "ADIZ / airspace incursion": "1", "Other": "1"}
    assert page.blocked == [], page.blocked
