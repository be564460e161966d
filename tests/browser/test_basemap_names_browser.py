"""Country and city names on the offline basemap, and the dark base, in a real browser."""

from __future__ import annotations

from conftest import drawn_ids, map_frame, wait_for

from maps.basemap import DARK_BASEMAP_NAME
from maps.names import LAYER_NAME

IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Each drawn name as plain JSON: its text, its box in the frame's pixels, its colour.
NAMES = """() => Array.from(document.querySelectorAll('.sortie-name')).map(e => {
    const r = e.getBoundingClientRect();
    return {text: e.textContent, box: [r.left, r.top, r.right, r.bottom], color: getComputedStyle(e).color};
})"""
BACKGROUND = "() => getComputedStyle(Sortie.map.getContainer()).backgroundColor"


def names(frame) -> list[dict]:
    return frame.evaluate(NAMES)


def overlapping(drawn: list[dict]) -> list[tuple[str, str]]:
    """Pairs of names whose boxes overlap by more than rounding."""
    out = []
    for i, a in enumerate(drawn):
        for b in drawn[i + 1:]:
            (a0, a1, a2, a3), (b0, b1, b2, b3) = a["box"], b["box"]
            if min(a2, b2) - max(a0, b0) > 0.5 and min(a3, b3) - max(a1, b1) > 0.5:
                out.append((a["text"], b["text"]))
    return out


def settle(frame, js: str) -> None:
    frame.evaluate("() => { " + js + " }")
    frame.page.wait_for_timeout(600)  # moveend, then one placement on the next frame


def test_names_fit_the_view_and_stay_under_the_events(server, page, shots):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame))
    assert wait_for(lambda: len(names(frame)) > 15), names(frame)
    drawn = names(frame)
    texts = {n["text"] for n in drawn}
    assert {"Japan", "Tokyo", "China", "Russia"} <= texts, sorted(texts)
    assert overlapping(drawn) == []
    # no name under an event icon, where the icon would make it illegible (Seoul, in the
    # thick of the Korean events at this zoom, gives way)
    icons = frame.evaluate("""() => { const out = [], r0 = Sortie.map.getContainer().getBoundingClientRect();
        Sortie.map.eachLayer(l => { if (!(l instanceof Sortie.EventCanvas)) return;
            const h = l.opts.iconSize / 2;
            for (let i = 0; i < l.n; i++) if (l.visible(i)) {
                const p = Sortie.map.latLngToContainerPoint([l.d.lat[i], l.d.lon[i]]);
                out.push({text: 'icon ' + l.d.id[i], box: [r0.left + p.x - h, r0.top + p.y - h,
                                                           r0.left + p.x + h, r0.top + p.y + h]}); } });
        return out; }""")
    assert icons and overlapping(icons + drawn) == overlapping(icons)
    assert len(drawn) <= 160
    # within the map and off its panels (legend, timeline, layer control)
    panels = frame.evaluate("""() => Array.from(document.querySelectorAll('.leaflet-control')).map(e => {
        const r = e.getBoundingClientRect(); return {text: 'panel', box: [r.left, r.top, r.right, r.bottom]}; })""")
    assert overlapping(panels + drawn) == overlapping(panels)
    # under the event canvas, the overlays and every click: never over an event
    layering = frame.evaluate("""() => {
        const pane = document.querySelector('.sortie-name').closest('.leaflet-pane');
        return {names: +getComputedStyle(pane).zIndex, pointer: getComputedStyle(pane).pointerEvents,
                events: +getComputedStyle(Sortie.map.getPane('sortieEvents')).zIndex,
                overlays: +getComputedStyle(Sortie.map.getPane('overlayPane')).zIndex}; }""")
    assert layering["names"] < layering["overlays"] < layering["events"], layering
    assert layering["pointer"] == "none"
    # the overlay is in the layer control, on
    control = frame.locator(".leaflet-control-layers")
    assert control.get_by_text(LAYER_NAME).count() == 1
    assert control.get_by_label(LAYER_NAME).is_checked()
    page.locator(IFRAME).first.screenshot(path=str(shots / "names-light.png"))
    assert errors == [] and page.blocked == [], (errors, page.blocked)


def test_zooming_in_names_more_places(server, page):
    page.goto(server.url)
    frame = map_frame(page)
    settle(frame, "Sortie.map.setView([37, 128], 4, {animate: false});")
    far = {n["text"] for n in names(frame)}
    settle(frame, "Sortie.map.setView([37, 128], 7, {animate: false});")
    near = names(frame)
    new = {n["text"] for n in near} - far
    assert {"Busan", "Incheon"} <= new and len(new) >= 5, (sorted(far), sorted(new))
    assert overlapping(near) == []
    # a wide world view names only the big ones: no small city clutter
    settle(frame, "Sortie.map.setView([30, 140], 2, {animate: false});")
    world = {n["text"] for n in names(frame)}
    assert {"Russia", "Tokyo"} <= world and not {"Busan", "Incheon"} & world, sorted(world)


def test_names_continue_across_the_antimeridian(server, page):
    page.goto(server.url)
    frame = map_frame(page)
    # the Bering Sea: Magadan and Anchorage are 59 degrees apart across the antimeridian, one on a world copy
    settle(frame, "Sortie.map.setView([60, 185], 4, {animate: false});")
    texts = {n["text"] for n in names(frame)}
    assert {"Anchorage", "Magadan"} <= texts, sorted(texts)


def test_the_dark_base_switches_background_and_names(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame)) and wait_for(lambda: len(names(frame)) > 15)
    events = drawn_ids(frame)
    light_bg, light_text = frame.evaluate(BACKGROUND), names(frame)[0]["color"]
    control = frame.locator(".leaflet-control-layers")
    control.hover()  # the collapsed control opens on hover, as for a user
    control.get_by_text(DARK_BASEMAP_NAME).click()
    assert wait_for(lambda: frame.evaluate(BACKGROUND) != light_bg, timeout=5)
    assert frame.evaluate("() => Sortie.map.sortieTheme") == "dark"
    dark_text = names(frame)[0]["color"]
    assert dark_text != light_text

    def lightness(css: str) -> float:
        r, g, b = (int(float(v)) for v in css[css.index("(") + 1:css.index(")")].split(",")[:3])
        return (r + g + b) / 3

    assert lightness(frame.evaluate(BACKGROUND)) < 80 < lightness(dark_text)  # light text on a dark sea
    assert lightness(light_bg) > 180 > lightness(light_text)  # and dark text on the light one
    assert drawn_ids(frame) == events  # the events are still drawn
    page.mouse.move(5, 5)  # close the control before the picture
    page.wait_for_timeout(400)
    page.locator(IFRAME).first.screenshot(path=str(shots / "names-dark.png"))
    # back to the light base: its sea again; over an online tile layer names give way to the tiles' own
    control.hover()
    control.get_by_text("Natural Earth (offline)").click()
    assert wait_for(lambda: frame.evaluate(BACKGROUND) == light_bg, timeout=5)
    control.get_by_text("OpenStreetMap.Mapnik (online)").click()
    assert wait_for(lambda: frame.evaluate("() => Sortie.map.sortieTheme") is None, timeout=5)
    assert frame.evaluate("() => document.querySelector('.sortie-names').offsetParent") is None
