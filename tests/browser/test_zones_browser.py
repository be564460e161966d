"""The zones overlay in headless Chromium: off by default, then ADIZ outlines with their names,
disputed islands with both names, and the sample patrol's entries into the KADIZ and the
Chinese zone, which follow the event's type switch."""

from __future__ import annotations

from conftest import drawn_ids, map_frame, wait_for

LAYER = "Air defence zones and disputed islands"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
STATE = """() => {
  const z = Sortie.zones, map = Sortie.map;
  if (!z) return null;
  const entries = z.entries.getLayers();
  return {
    on: map.hasLayer(z.group),
    zones: z.outlines.getLayers().length,
    zoneNames: [...document.querySelectorAll('.sortie-zone-label')].map(e => e.textContent),
    islandNames: [...document.querySelectorAll('.sortie-island-label')].map(e => e.textContent),
    shownNames: [...document.querySelectorAll('.sortie-zone-label, .sortie-island-label')]
      .filter(e => e.style.visibility !== 'hidden' && map.getBounds().contains(
        map.containerPointToLatLng([e.getBoundingClientRect().left, e.getBoundingClientRect().top])))
      .map(e => e.textContent),
    entries: entries.length,
    entryEvents: [...new Set(z.rows.map(r => r[3]))].sort(),
  };
}"""


def zones_state(frame):
    return frame.evaluate(STATE)


def test_zones_overlay_draws_adiz_islands_and_entries(server, page, shots):
    page.goto(server.url)
    frame = map_frame(page)
    assert wait_for(lambda: drawn_ids(frame))
    state = wait_for(lambda: zones_state(frame))
    # off by default: nothing of it on the map
    assert state["on"] is False and state["zoneNames"] == [] and state["entries"] == 0
    assert "seed-2021-11-19-joint-patrol" in state["entryEvents"]

    # switch it on in the layer control, as an analyst does
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text(LAYER).click()
    state = wait_for(lambda: (s := zones_state(frame))["on"] and s["entries"] and s)
    assert state["zones"] == 3 * 4  # four zones, one copy per world (west, here, east)
    for name in ["China ECS ADIZ", "KADIZ", "JADIZ (partial)", "Taiwan ADIZ"]:
        assert state["zoneNames"].count(name) == 3, name
    for name in ["Senkaku / Diaoyu Islands", "Dokdo / Takeshima", "Iturup / Etorofu",
                 "Scarborough Shoal / Huangyan Dao"]:
        assert name in state["islandNames"], name
    # the joint patrol enters the KADIZ and the Chinese ECS ADIZ: two entries, on three world copies
    assert state["entries"] % 3 == 0 and state["entries"] >= 6
    tips = frame.evaluate("""() => Sortie.zones.entries.getLayers().map(m => {
        m.openTooltip(); const t = m.getTooltip().getElement().textContent; m.closeTooltip(); return t; })""")
    assert {"enters KADIZ", "enters China ECS ADIZ"} <= set(tips), tips

    # East Asia from the Spratlys to the Kurils, the layer control folded away, as the screenshot shows it
    page.mouse.move(5, 5)
    frame.evaluate("() => { Sortie.map.setView([29, 128], 4, {animate: false}); }")
    page.wait_for_timeout(1000)
    shown = zones_state(frame)["shownNames"]
    expected = {"KADIZ", "China ECS ADIZ", "Taiwan ADIZ", "Senkaku / Diaoyu Islands", "Dokdo / Takeshima"}
    assert expected <= set(shown), shown
    page.locator(MAP).screenshot(path=str(shots / "zones.png"))
    frame.evaluate("() => { Sortie.map.setView([35, 128], 6, {animate: false}); }")
    page.wait_for_timeout(1000)
    page.locator(MAP).screenshot(path=str(shots / "zones_korea.png"))

    # an entry follows its event: joint patrols switched off, the patrol's entries go too
    before = zones_state(frame)["entries"]
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text("Joint patrol (", exact=False).click()
    assert wait_for(lambda: zones_state(frame)["entries"] < before, timeout=5)
    # clicking an entry opens the event's card
    frame.get_by_text("Joint patrol (", exact=False).click()
    assert wait_for(lambda: zones_state(frame)["entries"] == before, timeout=5)
    frame.evaluate("() => { Sortie.zones.entries.getLayers()[0].fire('click'); }")
    assert wait_for(lambda: frame.evaluate("() => !!document.querySelector('.sortie-card')"), timeout=10)

    # on the dark offline base the outlines and names turn light
    light = frame.evaluate("() => Sortie.zones.outlines.getLayers()[0].options.color")
    dark = frame.evaluate("""() => { const b = Sortie.basemapLayers || [], d = b.find(l => l.sortieTheme === 'dark');
        if (!d) return null; Sortie.map.closePopup(); b.forEach(l => Sortie.map.removeLayer(l)); Sortie.map.addLayer(d);
        return Sortie.zones.outlines.getLayers()[0].options.color; }""")
    if dark is not None:
        assert dark != light
        frame.evaluate("() => { Sortie.map.setView([29, 128], 4, {animate: false}); }")
        page.mouse.move(5, 5)
        page.wait_for_timeout(800)
        page.locator(MAP).screenshot(path=str(shots / "zones_dark.png"))
    assert page.blocked == [], page.blocked
