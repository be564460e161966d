"""Sortie: a timeline map of military activity reported in the news.

Entry point (``streamlit run app.py``): sets up the page, lets the user sign in when accounts
are on (``SORTIE_AUTH``), and routes to the pages in ``pages/`` the account's role may use.
"""

from __future__ import annotations

import streamlit as st

from ui.auth import after_sign_in, gate
from ui.print_view import print_layout

st.set_page_config(page_title="Sortie: military activity map", page_icon="✈️", layout="wide")
print_layout()  # Ctrl+P prints the map, legend, caption and table, not the sidebar and widgets

account = gate()  # with accounts on and nobody signed in, only the sign-in form renders
PAGES = [
    st.Page("pages/map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/events.py", title="Events", icon=":material/table_rows:"),
    st.Page("pages/trends.py", title="Trends", icon=":material/bar_chart:"),
    st.Page("pages/sources.py", title="Sources", icon=":material/newspaper:"),
    *([st.Page("pages/ingest.py", title="Ingest", icon=":material/post_add:")] if account.can("ingest") else []),
    st.Page("pages/gazetteer.py", title="Gazetteer", icon=":material/travel_explore:"),
]
page = st.navigation(PAGES)
after_sign_in(PAGES)  # a link opened before signing in: its page and query
page.run()
