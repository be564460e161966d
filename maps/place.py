"""A map of one gazetteer place: its shape for areas, a marker at its point."""

from __future__ import annotations

from html import escape
from typing import Any

import folium

from maps.basemap import base_map

AREA_STYLE = {"color": "#c2410c", "weight": 2, "fillColor": "#fb923c", "fillOpacity": 0.25}


def place_map(p: Any, geometry: dict[str, Any] | None) -> folium.Map:
    """Base map with a resolved place drawn as its shape (areas) and a marker at its point."""
    label = escape(f"{p.name} ({p.kind})")
    m = base_map(location=(p.lat, p.lon), zoom_start=5)
    if geometry is not None:
        folium.GeoJson(
            {"type": "Feature", "geometry": geometry, "properties": {}},
            name="shape",
            control=False,  # the layer control is written before this layer exists: keep it out
            style_function=lambda _f: AREA_STYLE,
            tooltip=folium.Tooltip(label),
        ).add_to(m)
        (south, west), (north, east) = _bounds(geometry)
        if east - west < 300:  # shapes across the antimeridian span the globe: keep the centre
            m.fit_bounds([[south, west], [north, east]])
    folium.CircleMarker(
        (p.lat, p.lon),
        radius=7, color="#222", weight=1.5, fill_color="#c2410c", fill_opacity=0.9,
        tooltip=folium.Tooltip(label),
        popup=folium.Popup(escape(f"{p.name}: {p.lat:.3f}, {p.lon:.3f}"), max_width=300),
    ).add_to(m)
    return m


def _bounds(geometry: dict[str, Any]) -> list[list[float]]:
    """[[south, west], [north, east]] of a GeoJSON geometry (antimeridian shapes span the globe)."""
    def walk(c: Any) -> list[tuple[float, float]]:
        return [tuple(c)] if isinstance(c[0], (int, float)) else [p for sub in c for p in walk(sub)]

    pts = walk(geometry["coordinates"])
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
