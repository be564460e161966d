"""The events table under the map (and of the events the map cannot place): readable columns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from maps.text import readable_table

COLUMN_CONFIG = {
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
}


def events_table(view: pd.DataFrame, key: str | None = None) -> None:
    st.dataframe(readable_table(view), hide_index=True, width="stretch", column_config=COLUMN_CONFIG, key=key)
