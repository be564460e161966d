"""Build the dashboard's folium map from a (filtered) events frame."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import folium
import pandas as pd

from events import event_types as et
from events.geo_precision import browser_options
from maps import payload as pl
from maps.basemap import base_map, basemap_data
from maps.events_layer import EventsLayer
from maps.labels import MarineLabels, marine_labels
from maps.names import place_names
from maps.pack import pack_cards, pack_columns
from maps.permalink import MapLink
from maps.zones import add_zones

BORDER_COLOR = et.COLORS["bomber_approach"]


def bounds(df: pd.DataFrame) -> list[list[float]] | None:
    pts = df[["lat", "lon"]].dropna()
    if pts.empty:
        return None
    return [[float(pts.lat.min()), float(pts.lon.min())], [float(pts.lat.max()), float(pts.lon.max())]]


def approached(df: pd.DataFrame) -> dict[str, list[list[int]]]:
    """Countries that bomber approaches in view were aimed at, each with the day ranges
    (payload day numbers, overlapping ones merged) of those approaches: the map highlights a
    border while its timeline window shows an approach to it, not all the time."""
    rows = df.loc[df["type"] == "bomber_approach", ["observers", "date_start", "date_end"]]
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for codes, start, end in zip(rows["observers"], rows["date_start"], rows["date_end"], strict=True):
        for c in codes:
            spans[c].append((pl.day_number(start), pl.day_number(end or start)))
    merged: dict[str, list[list[int]]] = {}
    for c in sorted(spans):
        out: list[list[int]] = []
        for a, b in sorted(spans[c]):
            if out and a <= out[-1][1] + 1:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
        merged[c] = out
    return merged


def day_range(df: pd.DataFrame, start: date | None, end: date | None) -> tuple[int, int]:
    """The timeline's first and last days (payload day numbers): the chosen dates, else the events'."""
    lo = start or (min(df["date_start"]) if len(df) else date.today())
    hi = end or (max(df["date_end"]) if len(df) else date.today())
    return pl.day_number(lo), pl.day_number(hi)


def fit_box(df: pd.DataFrame) -> list[list[float]] | None:
    """The events' extent with a margin, as the map first frames them."""
    b = bounds(df)
    if not b:
        return None
    pad = 3.0
    return [[b[0][0] - pad, b[0][1] - pad], [b[1][0] + pad, b[1][1] + pad]]


def map_options(df: pd.DataFrame, start: date | None, end: date | None, link: MapLink,
                permalink: bool, selection: str | None = None) -> dict[str, Any]:
    lo, hi = day_range(df, start, end)
    return {
        "selected": link.event, "t": pl.day_number(link.t) if link.t else None, "w": link.w,
        "view": link.center is not None, "permalink": permalink,
        "inPage": permalink,  # the app's map sits in a scrolling page: the wheel zooms it only after a click
        "order": list(et.EVENT_TYPES), "colors": et.COLORS, "labels": et.LABELS, "icons": et.GLYPHS,
        "precisions": browser_options(),
        "names": pl.country_names(df), "start": lo, "end": hi, "selection": selection,
        "iconSize": 22, "tickMs": 120, "borders": approached(df),
        "borderStyle": {"color": BORDER_COLOR, "weight": 2, "opacity": 0.65, "fill": False, "dashArray": "6 4"},
    }


def events_map(
    df: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    inline: bool = True,
    link: MapLink = MapLink(),
    permalink: bool = False,
    prepared: pd.DataFrame | None = None,
    private: bool = False,
    cards: bytes | None = None,
    zone_entries: list[list[Any]] | None = None,
    selection: str | None = None,
    draw: bytes | None = None,
) -> folium.Map:
    """Offline base map with the events, a legend, a layer per type and a timeline.

    ``start``/``end`` bound the timeline (the sidebar's date range). ``inline=False`` serves the
    events from a cached static file, which keeps Streamlit reruns light for large views.
    ``link`` restores a shared view (extent, date, open event); ``permalink`` keeps the page
    URL in step with the map and adds a copy-link button (the app, not standalone exports).
    ``prepared``: :func:`maps.payload.prepare` of ``df``, when the caller has it cached.
    ``private``: the events stay inline even with ``inline=False`` (only the public basemap and
    labels become static files), for a deployment where event data needs a signed-in session.
    ``cards``: the packed cards (:class:`maps.pack.CardWriter`), when the caller streamed them
    and ``prepared`` has no card column; ``zone_entries``: likewise, :func:`maps.zones.zone_entries`;
    ``draw``: likewise, the packed drawing columns (:func:`maps.pack.pack_columns`). With both
    ``draw`` and ``cards`` nothing is prepared here.
    ``selection``: the key of the page's filters this map follows (:mod:`maps.selection`), so a
    filter change hides and shows its events in the browser instead of building another map.
    """
    def source(data: Any, name: str) -> Any:
        return data if inline else pl.publish(data, name)

    control = folium.LayerControl(collapsed=True)
    view = {"location": link.center, "zoom_start": link.zoom} if link.center else {}
    m = base_map(basemap_source=source(basemap_data(), "basemap"), control=control,
                 names_source=source(place_names(), "places"), **view)
    MarineLabels(source(marine_labels(), "labels"), control).add_to(m)
    add_zones(m, df, control, inline, private, zone_entries)  # ADIZ outlines, disputed islands, route entries
    if draw is None or cards is None:
        prep = pl.prepare(df) if prepared is None else prepared
        draw = pack_columns(prep) if draw is None else draw
        cards = pack_cards(prep) if cards is None else cards
    events_inline = inline or private
    if not events_inline:
        draw, cards = pl.publish(draw, "events"), pl.publish(cards, "cards")
    EventsLayer(draw, cards, map_options(df, start, end, link, permalink, selection), control).add_to(m)
    box = fit_box(df)
    if box and not link.center:
        # the legend (bottom left) and timeline (bottom right) cover the map's lower edge (selection.js: the same)
        m.fit_bounds(box, max_zoom=6, padding_top_left=(10, 10), padding_bottom_right=(10, 110))
    return m
