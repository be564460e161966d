"""The events table under the map (and of the events the map cannot place): readable columns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from maps.text import readable_table
from ui.map_view import open_on_map
from ui.print_view import print_table

HEADERS = {
    "when": "When",
    "type": "Type",
    "actors": "Actors",
    "observers": "Approached / reacting",
    "places": "Places",
    "assets": "Assets",
    "closest_approach_km": "Closest (km)",
    "evidence": "Evidence",
    "source_name": "Source",
    "source_url": "Link",
}
COLUMN_CONFIG = HEADERS | {
    "closest_approach_km": st.column_config.NumberColumn(HEADERS["closest_approach_km"], format="%.0f"),
    "evidence": st.column_config.TextColumn(HEADERS["evidence"], width="large"),
    "source_url": st.column_config.LinkColumn(HEADERS["source_url"], display_text="open"),
}


PAGE_ROWS = 100


def events_table(view: pd.DataFrame, key: str = "events", on_map: bool = False) -> None:
    """One page of the view's rows: only the shown rows are made readable, so a rerun costs
    the same at 100,000 events as at 10. ``on_map``: the table sits under the map, and
    selecting a row flies the map to that event and opens its card; give it a ``key`` that
    changes with the filter (:meth:`events.query.EventFilter.digest`)."""
    pages = max(1, -(-len(view) // PAGE_ROWS))
    page = 1
    if pages > 1:
        a, b = st.columns([1, 4], vertical_alignment="bottom")
        page = int(a.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key=f"{key}_page"))
        first = (page - 1) * PAGE_ROWS
        b.caption(f"Rows {first + 1:,}–{min(first + PAGE_ROWS, len(view)):,} of {len(view):,}, by date.")
    rows = view.iloc[(page - 1) * PAGE_ROWS: page * PAGE_ROWS]
    table = readable_table(rows)
    # under the map, a selection is a position in this page of these rows: Streamlit keeps it across
    # reruns by key, so the key names the page (and the caller's key names the filter)
    picked = st.dataframe(table, hide_index=True, width="stretch", column_config=COLUMN_CONFIG,
                          key=f"{key}_table_p{page}" if on_map else f"{key}_table",
                          placeholder="",  # no closest approach, no source: blank, not "None"
                          **({"on_select": "rerun", "selection_mode": "single-row"} if on_map else {}))
    print_table(table.rename(columns=HEADERS))
    if on_map and picked.selection.rows:
        row = rows.iloc[picked.selection.rows[0]]
        if row["geometry"] is not None:
            open_on_map(str(row["id"]))
        else:
            st.caption("That event has no location, so it is not on the map.")
