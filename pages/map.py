"""The map: filtered events on an offline timeline map, a weekly chart, and a table."""

from __future__ import annotations

import streamlit as st

from events import event_types as et
from events.schema import country_name
from maps.charts import weekly_chart
from maps.permalink import MapLink
from maps.snapshot.describe import date_window
from maps.text import date_text
from ui.entry import ensure_entrypoint
from ui.exports import export_panel
from ui.filters import opened_link, sidebar_filter
from ui.loaders import cached_map, load_events
from ui.map_view import show_map

ensure_entrypoint()

MAP_HEIGHT = 640
df = load_events()
flt = sidebar_filter(df)
view = flt.apply(df)

st.title("Sortie")
st.caption("Joint patrols, exercises, bomber approaches, scrambles, incursions and transits, "
           "as reported, with the sentence that supports each event.")

c1, c2, c3 = st.columns([1, 1, 2])
c1.metric("Events shown", f"{len(view):,}", help=f"of {len(df):,} stored")
c2.metric("Acting countries", len({c for a in view["actors"] for c in a}))
span = f"{view['date_start'].min()} → {view['date_end'].max()}" if len(view) else "—"
c3.metric("Date span", span)

show_map(cached_map(flt, opened_link(flt)), key="main_map", height=MAP_HEIGHT)
unmapped = int(view["geometry"].isna().sum())
st.caption("Click an event for its card and evidence; its related events light up. The timeline "
           "(bottom right) plays the window chosen in the sidebar; the link button under the zoom "
           "copies a link to this exact view." + (f" {unmapped} event(s) have no location and appear only in the table."
                                 if unmapped else ""))

with st.expander("Export this view: image, interactive page, animation, data"):
    frame = st.radio("Frame images and animation on", ["all the events shown", "the map as you see it"],
                     horizontal=True, key="export_frame",
                     help="The map's extent travels in the page URL; it is read when you choose this.")
    # the browser keeps the map's centre and zoom in the URL (maps/permalink.py)
    seen = MapLink.from_params(st.query_params).bbox(height_px=MAP_HEIGHT)
    export_panel(view, flt, f"Military activity, {date_window(flt, view)}",
                 bbox=seen if frame.startswith("the map") else None)


if len(view):
    st.altair_chart(weekly_chart(view), width="stretch")

st.subheader(f"{len(view):,} event(s)")
table = view.assign(
    type=view["type"].map(et.LABELS),
    when=[date_text(*d) for d in zip(view["date_start"], view["date_end"], view["date_precision"], strict=True)],
    actors=view["actors"].map(lambda cs: ", ".join(country_name(c) for c in cs)),
    observers=view["observers"].map(lambda cs: ", ".join(country_name(c) for c in cs)),
    places=view["places"].map("; ".join),
    assets=view["assets"].map("; ".join),
)[["when", "type", "actors", "observers", "places", "assets", "closest_approach_km", "evidence",
   "source_name", "source_url"]]
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        "when": "When",
        "type": "Type",
        "actors": "Actors",
        "observers": "Approached / reacting",
        "places": "Places",
        "assets": "Assets",
        "closest_approach_km": st.column_config.NumberColumn("Closest (km)", format="%.0f"),
        "evidence": st.column_config.TextColumn("Evidence", width="large"),
        "source_name": "Source",
        "source_url": st.column_config.LinkColumn("Link", display_text="open"),
    },
)
