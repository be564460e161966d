"""A map that needs no tile server: Natural Earth countries drawn as vectors over a sea colour.

The country shapes are drawn by static/sortie/basemap.js from a JSON file (served once and
cached by the browser, or embedded in exports), not as folium objects re-sent on every
Streamlit rerun. The same shapes give two offline base layers, light and dark (for a dark room
or a projector), and the names of countries and cities (maps.names) go on top of either. Online
tile layers are offered in the layer control but off by default, so an air-gapped analyst sees
a complete map and an online one can switch to OpenStreetMap, CartoDB or Esri's ocean basemap.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import xyzservices.providers as xyz
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template
from xyzservices import TileProvider

from maps import assets
from maps.assets import sortie_js
from maps.names import PlaceNames, place_names
from maps.style import BORDER, DARK_BORDER, DARK_LAND, DARK_SEA, LAND, SEA

BASEMAP = Path(__file__).resolve().parent.parent / "data" / "ne" / "basemap.geojson"
BASEMAP_NAME = "Natural Earth (offline)"
DARK_BASEMAP_NAME = "Natural Earth, dark (offline)"
# CartoDB's tiles work without a key; xyzservices' entry asks for one, so give the URL directly.
CARTO_POSITRON = TileProvider(
    name="CartoDB Positron",
    url="https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
    attribution="(C) OpenStreetMap contributors (C) CARTO",
    subdomains="abcd",
    max_zoom=20,
)
ONLINE_TILES = (xyz.OpenStreetMap.Mapnik, CARTO_POSITRON, xyz.Esri.OceanBasemap)


@lru_cache(maxsize=1)
def basemap_data() -> dict[str, Any]:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


def _theme(theme: str, label: str, land: str, border: str, sea: str) -> dict[str, Any]:
    """One offline base layer for basemap.js: its layer-control label, the path style of the
    countries and the sea colour behind them (the map container's background)."""
    return {"theme": theme, "name": label, "sea": sea,
            "style": {"color": border, "weight": 0.6, "fillColor": land, "fillOpacity": 1, "opacity": 1}}


THEMES = (
    _theme("light", BASEMAP_NAME, LAND, BORDER, SEA),
    _theme("dark", DARK_BASEMAP_NAME, DARK_LAND, DARK_BORDER, DARK_SEA),
)


class VectorBasemap(JSCSSMixin, MacroElement):
    """Country polygons as base layers, light (the default) and dark, each a radio choice in
    the layer control; the first theme is shown."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Sortie.addBasemap({{ this._parent.get_name() }}, {{ this.source|tojson }}, {{ this.themes|tojson }},
                          {{ this.control.get_name() }});
        {% endmacro %}
        """
    )
    default_js = sortie_js("basemap")

    def __init__(self, source: dict[str, Any] | str, control: folium.LayerControl):
        super().__init__()
        self._name = "VectorBasemap"
        self.source = source
        self.control = control
        self.themes = list(THEMES)


def base_map(
    location: tuple[float, float] = (35.0, 125.0),
    zoom_start: int = 3,
    basemap_source: dict[str, Any] | str | None = None,
    control: folium.LayerControl | None = None,
    names_source: dict[str, Any] | str | None = None,
    **kwargs: Any,
) -> folium.Map:
    """An offline map: countries as the base layer (light or dark), their and their cities'
    names, online tiles as options, a layer control.

    ``basemap_source`` / ``names_source`` are the countries' and the names' data or their URLs
    (default: embedded). The layer control is added first so that later elements (event
    layers, labels) can register with it.
    """
    assets.install()
    m = folium.Map(
        location=location,
        zoom_start=zoom_start,
        tiles=None,
        min_zoom=2,
        max_zoom=12,  # with no tile layer Leaflet has no max zoom of its own
        prefer_canvas=True,
        world_copy_jump=True,
        control_scale=True,
        **kwargs,
    )
    for provider in ONLINE_TILES:
        folium.TileLayer(provider, name=f"{provider.name} (online)", overlay=False, control=True,
                         show=False).add_to(m)
    control = control or folium.LayerControl(collapsed=True)
    control.add_to(m)
    VectorBasemap(basemap_data() if basemap_source is None else basemap_source, control).add_to(m)
    PlaceNames(place_names() if names_source is None else names_source, control).add_to(m)
    return m
