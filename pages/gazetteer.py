"""Gazetteer: type a place name, see what the offline geocoder resolves it to and why.

Shows the best match on the map (its shape for seas, straits with polygons, ADIZ and countries;
a marker for points), its kind, source and confidence, and the runner-up candidates, so an
analyst can check a geocoded event before trusting it. Text from the data is escaped on the map
and in the page.

Layout: the details sit beside the map, not above it, so the map is in view without scrolling
on a 1400x950 screen; every candidate on the map carries its name and its row number in the
candidates table below.
"""

from __future__ import annotations

import re
from html import escape

import folium
import pandas as pd
import streamlit as st

from geo import Match, query_problem
from geo.offset import inverse
from maps.place import place_map
from ui.entry import ensure_entrypoint
from ui.loaders import offline_geocoder
from ui.map_view import show_map

ensure_entrypoint()

MAP_HEIGHT = 560
LABEL_STYLE = "font-size: 12px; padding: 1px 5px;"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text: str) -> str:
    """Data text shown through Markdown elements (st.info) as the characters it holds."""
    return _MARKDOWN.sub(r"\\\1", text)


def candidates_table(matches: list[Match]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"#": i, "name": m.place.name, "kind": m.place.kind, "lat": m.place.lat, "lon": m.place.lon,
          "confidence": m.confidence, "match": m.method, "country": m.place.iso_a3, "source": m.place.source}
         for i, m in enumerate(matches, start=1)]
    )


def label_candidates(m: folium.Map, matches: list[Match]) -> folium.Map:
    """Each candidate as a labelled dot ("2 · Korea Strait (strait)"), the best one labelled in bold,
    so the dots on the map say what they are without hovering."""
    for i, match in reversed(list(enumerate(matches, start=1))):  # the best is drawn last, on top
        p = match.place
        text = escape(f"{i} · {p.name} ({p.kind})")
        best = i == 1
        folium.CircleMarker(
            (p.lat, p.lon),
            radius=7 if best else 5, color="#222" if best else "#555", weight=1.5 if best else 1,
            fill_color="#c2410c" if best else "#9ca3af", fill_opacity=0.9,
            # "auto": to the right of a dot left of centre, to the left otherwise, so labels stay in the map
            tooltip=folium.Tooltip(f'<span style="{LABEL_STYLE}{"font-weight: 600;" if best else ""}">{text}</span>',
                                   permanent=True, direction="auto", sticky=False),
            popup=folium.Popup(escape(f"{p.name}: {p.lat:.3f}, {p.lon:.3f}; {match.place.source}"), max_width=300),
        ).add_to(m)
    return m


def frame_point(m: folium.Map, matches: list[Match], near_km: float = 300, pad_deg: float = 1.0) -> folium.Map:
    """A point answer (a strait, an island, a base) is framed with its nearby runner-ups, at
    least ~200 km across, instead of a whole-region view where the candidates merge into one dot."""
    best = matches[0].place
    pts = [(x.place.lat, x.place.lon) for x in matches
           if inverse(best.lat, best.lon, x.place.lat, x.place.lon)[0] <= near_km]
    lats, lons = [a for a, _ in pts], [b for _, b in pts]
    m.fit_bounds([[min(lats) - pad_deg, min(lons) - pad_deg], [max(lats) + pad_deg, max(lons) + pad_deg]])
    return m


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
    info, shown = st.columns([2, 3])
    with info:
        st.subheader(p.name, anchor=False)
        k1, k2 = st.columns(2)
        k1.metric("Kind", p.kind)
        k2.metric("Confidence", f"{best.confidence:.2f}", help=f"matched by {best.method}")
        k3, k4 = st.columns(2)
        k3.metric("Latitude", f"{p.lat:.3f}")
        k4.metric("Longitude", f"{p.lon:.3f}")
        if p.note:
            st.info(plain(p.note))
        if best.qualifier:
            st.caption(f"The text describes a place relative to this one ({plain(best.qualifier)}).")
        st.text(f"Source: {p.source}")
        if p.source.startswith("https://"):
            st.link_button("Open source", p.source)
    with shown:
        shape = g.gazetteer.geometry(best.place)
        m = label_candidates(place_map(best.place, shape), matches)
        if shape is None:
            frame_point(m, matches)
        show_map(m, key="gazetteer_map", height=MAP_HEIGHT)
    st.subheader("Candidates", anchor=False)
    st.caption("Numbered as on the map; the first is the answer.")
    st.dataframe(candidates_table(matches), hide_index=True, width="stretch")
    st.caption(g.gazetteer.attribution)
