"""Build the dashboard's folium map from a (filtered) events frame."""

from __future__ import annotations

import json
from typing import Any

import folium
import pandas as pd

from maps.basemap import base_map
from maps.event_layer import EventLayer
from maps.legend import Legend
from maps.popup import card_html, tooltip_text
from maps.style import TYPE_COLORS, TYPE_LABELS


def feature_collections(df: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """One FeatureCollection per event type, only for events that have a geometry."""
    out: dict[str, dict[str, Any]] = {}
    located = df[df["geometry"].notna()]
    for ev in located.to_dict("records"):
        fc = out.setdefault(ev["type"], {"type": "FeatureCollection", "features": []})
        fc["features"].append(
            {
                "type": "Feature",
                "geometry": json.loads(ev["geometry"]),
                "properties": {
                    "id": ev["id"],
                    "precision": ev["geo_precision"],
                    "popup": card_html(ev),
                    "tip": tooltip_text(ev),
                },
            }
        )
    return out


def bounds(df: pd.DataFrame) -> list[list[float]] | None:
    pts = df[["lat", "lon"]].dropna()
    if pts.empty:
        return None
    return [[float(pts.lat.min()), float(pts.lon.min())], [float(pts.lat.max()), float(pts.lon.max())]]


def events_map(df: pd.DataFrame) -> folium.Map:
    """Offline base map + one toggleable layer per event type + legend, fitted to the events."""
    m = base_map()
    layers = feature_collections(df)
    for etype in TYPE_COLORS:  # fixed order: same legend and layer list whatever the filter
        if etype in layers:
            EventLayer(layers[etype], etype, name=TYPE_LABELS[etype], color=TYPE_COLORS[etype]).add_to(m)
    Legend({t: len(layers[t]["features"]) for t in TYPE_COLORS if t in layers}).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    b = bounds(df)
    if b:
        pad = 4.0
        m.fit_bounds([[b[0][0] - pad, b[0][1] - pad], [b[1][0] + pad, b[1][1] + pad]], max_zoom=6)
    return m
