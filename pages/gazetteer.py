"""Gazetteer: type a place name, see what the offline geocoder resolves it to and why.

Shows the best match on the map (its shape for seas, straits with polygons, ADIZ and countries;
a marker for points), its kind, source and confidence, and the runner-up candidates, so an
analyst can check a geocoded event before trusting it. Text from the data is escaped on the map.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import Match, query_problem
from maps.place import place_map
from ui.entry import ensure_entrypoint
from ui.loaders import offline_geocoder
from ui.map_view import show_map

ensure_entrypoint()


def candidates_table(matches: list[Match]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"name": m.place.name, "kind": m.place.kind, "lat": m.place.lat, "lon": m.place.lon,
          "confidence": m.confidence, "match": m.method, "country": m.place.iso_a3, "source": m.place.source}
         for m in matches]
    )


st.title("Gazetteer")
st.caption("What the offline geocoder makes of a place name: seas, straits, islands, bases, ports, "
           "cities, ADIZ. No network is used on this page.")

g = offline_geocoder()
c1, c2 = st.columns([3, 1])
query = c1.text_input("Place name", value="Sea of Okhotsk", key="gaz_query", max_chars=300,
                      help="Any language Natural Earth covers (日本海, Охотское море...), aliases, "
                           "news phrasing ('off Hokkaido'), typos.")
country = c2.text_input("Prefer country", value="", key="gaz_country", max_chars=60,
                        help="ISO alpha-3 code or name, to break ties (e.g. LBN for Tripoli, Lebanon).")

problem = query_problem(query)
matches = [] if problem else g.candidates(query, limit=8, country_codes=country or None)
if problem:
    st.info(f"Type a place name ({problem}).")
elif not matches:
    st.warning("No place found for this text.")
    st.text(query[:300])
else:
    best = matches[0]
    p = best.place
    st.subheader(p.name, anchor=False)
    k1, k2, k3, k4 = st.columns(4)
    k1.metric("Kind", p.kind)
    k2.metric("Confidence", f"{best.confidence:.2f}", help=f"matched by {best.method}")
    k3.metric("Latitude", f"{p.lat:.3f}")
    k4.metric("Longitude", f"{p.lon:.3f}")
    st.text(f"Source: {p.source}")
    if p.source.startswith("https://"):
        st.link_button("Open source", p.source)
    if p.note:
        st.text(f"Note: {p.note}")
    if best.qualifier:
        st.text(f"The text describes a place relative to this one ({best.qualifier}).")
    show_map(place_map(best.place, g.gazetteer.geometry(best.place)), key="gazetteer_map", height=520)
    st.subheader("Candidates", anchor=False)
    st.dataframe(candidates_table(matches), hide_index=True, width="stretch")
    st.caption(g.gazetteer.attribution)
