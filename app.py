"""Sortie: a timeline map of military activity reported in the news.

Entry point (``streamlit run app.py``): sets up the page and routes to the pages in ``pages/``.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Sortie: military activity map", page_icon="✈️", layout="wide")

PAGES = [
    st.Page("pages/map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/events.py", title="Events", icon=":material/table_rows:"),
    st.Page("pages/ingest.py", title="Ingest", icon=":material/post_add:"),
    st.Page("pages/gazetteer.py", title="Gazetteer", icon=":material/travel_explore:"),
]
st.navigation(PAGES).run()
