"""Sidebar filters whose state lives in the URL, so a link reproduces a view."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from events import event_types as et
from events.event_types import EVENT_TYPES
from events.query import EventFilter, outlets
from events.schema import country_name
from maps.permalink import LINK_KEYS, MapLink

KEYS = ("f_actors", "f_observers", "f_types", "f_sources", "f_from", "f_to", "f_q", "f_drafts")
# The window is two text boxes, "From" and "To" (YYYY-MM-DD), plus a calendar in a popover.
# Why not st.date_input: in Streamlit 1.67 a typed date only applies once focus leaves the
# whole widget or its calendar closes; the first Tab lands on the widget's own calendar button
# and Enter does nothing, so an analyst who typed a date and pressed Tab saw no change. A text
# box applies on Tab (blur) and on Enter.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)  # the calendar's bounds; URL dates are clamped
_DAY = re.compile(r"^\s*(\d{4})-?(\d{1,2})-?(\d{1,2})\s*$")


def _clamp(d: date) -> date:
    return min(max(d, EARLIEST), LATEST)


def parse_day(text: str) -> date | None:
    """A typed day: 2021-11-19, 2021-11-9 or 20211119; None when it is not a real date."""
    m = _DAY.match(text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _from_calendar() -> None:
    """The calendar's range, once both ends are picked, goes into the From/To boxes."""
    picked = st.session_state.get("f_cal")
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        st.session_state.f_from, st.session_state.f_to = picked[0].isoformat(), picked[1].isoformat()


def _date_window(sb: Any) -> tuple[date | None, date | None]:
    """From/To boxes (typed dates apply on Tab or Enter) and a calendar picker; a box that is
    empty or not a date leaves that side of the window open, and says so."""
    c_from, c_to = sb.columns(2)
    c_from.text_input("From", key="f_from", max_chars=10, placeholder="YYYY-MM-DD",
                      help="Events whose dates overlap the window From–To. Type a date (YYYY-MM-DD) and "
                           "press Tab or Enter, or pick both on the calendar below.")
    c_to.text_input("To", key="f_to", max_chars=10, placeholder="YYYY-MM-DD",
                    help="Last day of the window (included).")
    start, end = parse_day(st.session_state.f_from), parse_day(st.session_state.f_to)
    for label, text, day in (("From", st.session_state.f_from, start), ("To", st.session_state.f_to, end)):
        if text.strip() and day is None:
            sb.error(f"{label}: “{text.strip()[:10]}” is not a date. Type it as YYYY-MM-DD, e.g. 2021-11-19.")
    if start and end and start > end:
        sb.caption("From is after To: the window is read the other way round.")
        start, end = end, start
    if start and end:  # the calendar opens on the window the boxes show
        st.session_state.f_cal = (_clamp(start), _clamp(end))
    with sb.popover("Pick dates on a calendar", width="stretch"):
        st.date_input("Window", key="f_cal", format="YYYY-MM-DD", min_value=EARLIEST, max_value=LATEST,
                      on_change=_from_calendar, help="Click the first day, then the last.")
    return start, end


def _codes(series: pd.Series) -> list[str]:
    return sorted({c for codes in series for c in codes})


def _label(code: str) -> str:
    return f"{country_name(code)} ({code})"


# What the widgets offer, per frame: the loaders hand every session the same frame object per
# store revision, so options, outlet counts and date bounds are made once per revision, not on
# every rerun of every page (about 60 ms at 100,000 events). Entries of an older frame are dropped.
_OF_FRAME: list[tuple[pd.DataFrame, object, Any]] = []


def _of_frame(df: pd.DataFrame, what: object, make: Callable[[], Any]) -> Any:
    for frame, key, value in _OF_FRAME:
        if frame is df and key == what:
            return value
    value = make()
    _OF_FRAME[:] = [e for e in _OF_FRAME if e[0] is df] + [(df, what, value)]
    return value


def _outlet_counts(df: pd.DataFrame, drafts: bool) -> pd.Series:
    """Events per outlet (source name, else the URL's host), sorted by name: what the Source box
    offers. Counted among approved events unless drafts are shown, like the map; an outlet with
    only drafts is still offered (with 0)."""
    return _of_frame(df, ("outlets", drafts), lambda: _count_outlets(df, drafts))


def _count_outlets(df: pd.DataFrame, drafts: bool) -> pd.Series:
    o = outlets(df)
    shown = o if drafts or not len(o) else o[(df["status"] == "approved").to_numpy()]
    names = sorted(set(o.unique()) - {""}, key=str.casefold)
    return shown.value_counts().reindex(names, fill_value=0)


def sidebar_filter(df: pd.DataFrame) -> EventFilter:
    """Draw the filter widgets (seeded once from ``st.query_params``) and mirror them back."""
    actor_opts = _of_frame(df, "actors", lambda: _codes(df["actors"]))
    observer_opts = _of_frame(df, "observers", lambda: _codes(df["observers"]))
    per_outlet = _outlet_counts(df, bool(st.session_state.get("f_drafts")))
    source_opts = list(per_outlet.index)
    lo, hi = _of_frame(df, "span", lambda: (min(df["date_start"], default=date.today()),
                                            max(df["date_end"], default=date.today())))
    if "f_from" not in st.session_state.get("f_values", {}):  # a new session (or one from before From/To)
        url = EventFilter.from_params(st.query_params)
        st.session_state.f_values = {
            "f_actors": [c for c in url.actors if c in actor_opts],
            "f_observers": [c for c in url.observers if c in observer_opts],
            "f_types": list(url.types),
            "f_sources": [s for s in url.sources if s in source_opts],
            "f_from": (url.date_from or lo).isoformat(),
            "f_to": (url.date_to or hi).isoformat(),
            "f_q": url.text,
            "f_drafts": url.drafts,
        }
        st.session_state.f_range = (lo, hi)
        # the map state of the opened link (extent, date, open event) applies to this filter
        st.session_state.f_link = (url.to_params(), MapLink.from_params(st.query_params))
    values = st.session_state.f_values
    old_lo, old_hi = st.session_state.f_range
    if (values["f_from"], values["f_to"]) == (old_lo.isoformat(), old_hi.isoformat()) and (old_lo, old_hi) != (lo, hi):
        # dates the user never narrowed follow the data (new events)
        values["f_from"], values["f_to"] = lo.isoformat(), hi.isoformat()
        st.session_state.pop("f_from", None)
        st.session_state.pop("f_to", None)
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
    # a chosen outlet whose events were all deleted since stays chosen (and matches nothing)
    kept = [s for s in st.session_state.get("f_sources", []) if s not in per_outlet.index]
    sb.multiselect("Source", [*source_opts, *kept], key="f_sources",
                   format_func=lambda s: f"{s} ({per_outlet.get(s, 0):,})",
                   help="Only events from these outlets (the source name, else the link's web site); the number "
                        "is how many events each has. Empty = all. The Sources page compares what they report.")
    start, end = _date_window(sb)
    sb.text_input("Search text", key="f_q", max_chars=200, help="Evidence, places, assets, source.")
    sb.checkbox("Include drafts", key="f_drafts",
                help="Events extracted from reports that nobody has approved yet (see Ingest).")
    if sb.button("Reset filters", width="stretch"):
        for k in (*KEYS, "f_cal", "f_values", "f_range", "f_link"):
            st.session_state.pop(k, None)
        st.query_params.clear()
        st.rerun()

    f = EventFilter(
        actors=tuple(st.session_state.f_actors),
        observers=tuple(st.session_state.f_observers),
        types=tuple(st.session_state.f_types),
        sources=tuple(st.session_state.f_sources),
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
