"""A map that needs no tile server: Natural Earth countries drawn as vectors over a sea colour.

Online tile layers are offered in the layer control but off by default, so an air-gapped
analyst sees a complete map and an online one can switch to OpenStreetMap or Esri's ocean basemap.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import xyzservices.providers as xyz

from maps import assets
from maps.style import BORDER, LAND

BASEMAP = Path(__file__).resolve().parent.parent / "data" / "ne" / "basemap.geojson"
ONLINE_TILES = (xyz.OpenStreetMap.Mapnik, xyz.Esri.OceanBasemap)


@lru_cache(maxsize=1)
def basemap_data() -> dict[str, Any]:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


def base_map(location: tuple[float, float] = (35.0, 125.0), zoom_start: int = 3, **kwargs: Any) -> folium.Map:
    """An empty offline map: country polygons as the base layer, online tiles as options."""
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
    land = folium.FeatureGroup(name="Natural Earth (offline)", overlay=False, control=True)
    folium.GeoJson(
        basemap_data(),
        name="countries",
        style_function=lambda _f: {"color": BORDER, "weight": 0.6, "fillColor": LAND, "fillOpacity": 1},
        interactive=False,
        smooth_factor=1.0,
    ).add_to(land)
    land.add_to(m)
    for provider in ONLINE_TILES:
        folium.TileLayer(provider, name=f"{provider.name} (online)", overlay=False, control=True, show=False).add_to(m)
    return m
