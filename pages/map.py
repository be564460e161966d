"""The map: filtered events on an offline timeline map, a weekly chart, and a table."""

from __future__ import annotations

import streamlit as st

from maps.permalink import MapLink
from maps.snapshot.describe import date_window
from ui.entry import ensure_entrypoint
from ui.event_table import events_table
from ui.exports import export_panel
from ui.filters import opened_link, sidebar_filter
from ui.loaders import activity_chart, cached_map, filtered, load_events, map_selection
from ui.map_view import select_on_map, show_map

ensure_entrypoint()

MAP_HEIGHT = 640
df = load_events()
flt = sidebar_filter(df)
shown = filtered(flt)  # made once per (store revision, filter), shared by every session
view = shown.frame

st.title("Sortie")
st.caption("Joint patrols, exercises, bomber approaches, scrambles, incursions and transits, "
           "as reported, with the sentence that supports each event.")

c1, c2, c3 = st.columns([1, 1, 2])
c1.metric("Events shown", f"{len(view):,}", help=f"of {len(df):,} stored, by the sidebar's filters; those without "
                                                   "a location are listed under the table, not drawn on the map. "
                                                   "While the timeline plays, its own count (bottom right, "
                                                   "'· N shown') and the legend's follow its window.")
c2.metric("Acting countries", shown.acting)
c3.metric("Date span", shown.span)

show_map(cached_map(opened_link(flt)), key="main_map", height=MAP_HEIGHT)
select_on_map(map_selection(flt))  # the filters reach the map in the browser: no new map per filter
n_unmapped = len(shown.unmapped)
st.caption("Click an event for its card and evidence; its related events light up. The timeline "
           "(bottom right) plays the window chosen in the sidebar; the link button under the zoom "
           "copies a link to this exact view. Select a row of the table to fly to its event; by keyboard, "
           "Tab to the ⌨ button on the map and walk the events in view with the arrow keys."
           + (f" {n_unmapped:,} event(s) shown have no location: they are listed under the table below."
              if n_unmapped else ""))

with st.expander("Export this view: image, interactive page, animation, data"):
    frame = st.radio("Frame images and animation on", ["all the events shown", "the map as you see it"],
                     horizontal=True, key="export_frame",
                     help="The map's extent travels in the page URL; it is read when you choose this.")
    # the browser keeps the map's centre and zoom in the URL (maps/permalink.py)
    seen = MapLink.from_params(st.query_params).bbox(height_px=MAP_HEIGHT)
    export_panel(view, flt, f"Military activity, {date_window(flt, view)}",
                 bbox=seen if frame.startswith("the map") else None)


if len(view):
    st.altair_chart(activity_chart(flt), width="stretch")

st.subheader(f"{len(view):,} event(s)")
events_table(view, key=f"events_{flt.digest()}", on_map=True)
unmapped = shown.unmapped
if len(unmapped):
    with st.expander(f"{len(unmapped):,} of these event(s) have no location and are not on the map"):
        st.caption("Their reports name no place the geocoder knows. Add a place or a point on the Events page "
                   "to put them on the map.")
        events_table(unmapped, key="unmapped")
