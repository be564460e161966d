"""Sidebar filters whose state lives in the URL, so a link reproduces a view."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from events import event_types as et
from events.event_types import EVENT_TYPES
from events.query import EventFilter
from events.schema import country_name
from maps.permalink import LINK_KEYS, MapLink

KEYS = ("f_actors", "f_observers", "f_types", "f_dates", "f_q", "f_drafts")


def _codes(series: pd.Series) -> list[str]:
    return sorted({c for codes in series for c in codes})


def _label(code: str) -> str:
    return f"{country_name(code)} ({code})"


def sidebar_filter(df: pd.DataFrame) -> EventFilter:
    """Draw the filter widgets (seeded once from ``st.query_params``) and mirror them back."""
    actor_opts, observer_opts = _codes(df["actors"]), _codes(df["observers"])
    lo = min(df["date_start"], default=date.today())
    hi = max(df["date_end"], default=date.today())
    if "f_values" not in st.session_state:
        url = EventFilter.from_params(st.query_params)
        st.session_state.f_values = {
            "f_actors": [c for c in url.actors if c in actor_opts],
            "f_observers": [c for c in url.observers if c in observer_opts],
            "f_types": list(url.types),
            "f_dates": (url.date_from or lo, url.date_to or hi),
            "f_q": url.text,
            "f_drafts": url.drafts,
        }
        st.session_state.f_range = (lo, hi)
        # the map state of the opened link (extent, date, open event) applies to this filter
        st.session_state.f_link = (url.to_params(), MapLink.from_params(st.query_params))
    values = st.session_state.f_values
    if tuple(values["f_dates"]) == st.session_state.f_range != (lo, hi):
        values["f_dates"] = (lo, hi)  # dates the user never narrowed follow the data (new events)
        st.session_state.pop("f_dates", None)
    st.session_state.f_range = (lo, hi)
    # Streamlit drops a widget's state on pages that do not draw it: restore it from our copy
    for key, value in values.items():
        if key not in st.session_state:
            st.session_state[key] = value

    sb = st.sidebar
    sb.header("Filters")
    sb.multiselect("Acting country", actor_opts, format_func=_label, key="f_actors",
                   help="Who flew, sailed or exercised. Empty = all.")
    sb.multiselect("Approached / reacting country", observer_opts, format_func=_label, key="f_observers",
                   help="Who was approached or reacted (e.g. scrambled jets). Empty = all.")
    sb.multiselect("Event type", EVENT_TYPES, format_func=lambda t: et.LABELS[t], key="f_types",
                   help="Empty = all types.")
    picked = sb.date_input("Dates", key="f_dates", format="YYYY-MM-DD",
                           help="Events whose dates overlap this window.")
    sb.text_input("Search text", key="f_q", max_chars=200, help="Evidence, places, assets, source.")
    sb.checkbox("Include drafts", key="f_drafts",
                help="Events extracted from reports that nobody has approved yet (see Ingest).")
    if sb.button("Reset filters", width="stretch"):
        for k in (*KEYS, "f_values", "f_range", "f_link"):
            st.session_state.pop(k, None)
        st.query_params.clear()
        st.rerun()

    # While a range is being picked, date_input briefly holds one date.
    start, end = (tuple(picked) + (None, None))[:2] if isinstance(picked, (tuple, list)) else (picked, None)
    f = EventFilter(
        actors=tuple(st.session_state.f_actors),
        observers=tuple(st.session_state.f_observers),
        types=tuple(st.session_state.f_types),
        date_from=start,
        date_to=end,
        text=st.session_state.f_q.strip(),
        drafts=st.session_state.f_drafts,
    )
    st.session_state.f_values = {k: st.session_state[k] for k in KEYS}
    params = f.to_params()
    if params == st.session_state.f_link[0]:
        # the browser keeps the map's keys current (static/sortie/permalink.js): keep whatever it wrote last
        params |= {k: st.query_params[k] for k in LINK_KEYS if k in st.query_params}
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
    return f


def opened_link(f: EventFilter) -> MapLink:
    """The map state of the link this session opened, while its filter is unchanged."""
    filter_params, link = st.session_state.f_link
    return link if f.to_params() == filter_params else MapLink()
