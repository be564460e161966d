"""Make every page run through app.py, whatever URL the first visitor opens.

Streamlit treats a ``pages/`` folder as its older multipage mode until some run calls
``st.navigation``. If the first request a server gets is a deep link (``/events``), that mode
runs the page script alone: no page config, a navigation of raw file names. Turning the mode
off and rerunning sends the request through app.py, which sets up the real navigation.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager  # internal; streamlit is pinned


def ensure_entrypoint() -> None:
    # Once per session: the mode is process-wide, so after the first rerun it stays off. (Test
    # harnesses reset it on every run; rerunning each time there would drop widget events.)
    first = not st.session_state.get("_sortie_entry_checked")
    st.session_state["_sortie_entry_checked"] = True
    if first and PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
