"""Cached access to the store, shared by every page of the app."""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import altair as alt
import folium
import pandas as pd
import streamlit as st

from events.accounts import GuardedStore, sign_in_required
from events.disk_cache import remember
from events.query import EventFilter
from events.store import Store, database_url
from maps.build import events_map
from maps.charts import weekly_chart
from maps.pack import pack_cards, pack_columns
from maps.payload import drawn_index, prepare
from maps.permalink import MapLink
from maps.selection import selection
from maps.zones import zone_entries

if TYPE_CHECKING:
    from geo import OfflineGeocoder


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def raw_store() -> Store:
    """One store (one connection pool) per database and process; seeds the sample on first run.
    Only the sign-in gate uses it bare: pages get :func:`get_store`."""
    return _store(database_url())


def get_store() -> GuardedStore:
    """The store as the signed-in account may use it: every write checked against its role and
    recorded under its name. With accounts on and nobody signed in, the page stops here."""
    from ui.auth import account  # late: ui.auth uses raw_store

    return GuardedStore(raw_store(), account())


@st.cache_resource(show_spinner=False, max_entries=2)
def _fingerprint(url: str, revision: int) -> tuple:
    return raw_store().fingerprint()


# The frame's file (events.disk_cache) is written once the page that read it is drawn, not on its way.
WRITE_AFTER = 5.0  # seconds


# cache_resource, not cache_data: every rerun of every session gets the same frame object
# instead of an unpickled copy (1.5 s at 100,000 events). Callers treat it as read-only.
# In memory per process, and on disk across restarts (events.disk_cache): a restarted server's
# first visitor loads what the last run derived from an unchanged store instead of making it again.
@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _frame(url: str, revision: int) -> pd.DataFrame:
    return remember("frame", _fingerprint(url, revision), raw_store().frame, write_after=WRITE_AFTER)


def load_events() -> pd.DataFrame:
    """All stored events (read-only); re-read only when the store's revision changes (any
    write, by any app server on the same database)."""
    store = get_store()
    return _frame(store.url, store.revision())


def refresh() -> None:
    """After a write, so every page sees it on the next run (the revision moved on, so the
    next read misses the caches; clearing them frees the old frame at once)."""
    _fingerprint.clear()
    _frame.clear()
    _packed.clear()
    _zone_entries.clear()
    _view.clear()
    _chart.clear()
    _selection.clear()


@dataclass(frozen=True)
class View:
    """A filter's events and the figures the map page prints about them, made once per
    (store revision, filter) and shared by every session, so a rerun costs nothing per event."""

    frame: pd.DataFrame  # read-only
    acting: int
    span: str
    unmapped: pd.DataFrame


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(url: str, revision: int, flt: EventFilter) -> View:
    view = flt.apply(_frame(url, revision))
    span = f"{view['date_start'].min()} → {view['date_end'].max()}" if len(view) else "—"
    acting = len(set(chain.from_iterable(a for a in view["actors"] if isinstance(a, list))))  # explode(): 80 ms
    return View(view, acting, span, view[view["geometry"].isna()])


def filtered(flt: EventFilter) -> View:
    store = get_store()
    return _view(store.url, store.revision(), flt)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart(url: str, revision: int, flt: EventFilter) -> alt.Chart:
    return weekly_chart(_view(url, revision, flt).frame)


def activity_chart(flt: EventFilter) -> alt.Chart:
    """The events-over-time chart of a filter, built once per (store revision, filter)."""
    store = get_store()
    return _chart(store.url, store.revision(), flt)


@st.cache_resource(show_spinner="Preparing the map data…", max_entries=2)
def _packed(url: str, revision: int) -> tuple[bytes, bytes]:
    """The map's drawing columns and cards, packed (maps.pack): what the browser fetches."""
    def pack() -> tuple[bytes, bytes]:
        prep = prepare(_frame(url, revision))
        return pack_columns(prep), pack_cards(prep)
    return remember("packed", _fingerprint(url, revision), pack)


@st.cache_resource(show_spinner=False, max_entries=2)
def _zone_entries(url: str, revision: int) -> list[list[Any]]:
    return remember("zone-entries", _fingerprint(url, revision), lambda: zone_entries(_frame(url, revision)))


def _selection_key(revision: int) -> str:
    return f"main@{revision}"


@st.cache_resource(show_spinner="Drawing the map…", max_entries=8)
def _map(url: str, revision: int, link: MapLink) -> folium.Map:
    # every event of the revision, drafts too: the filters reach the browser as a selection
    # (map_selection), so a filter change neither rebuilds the map nor re-sends its events.
    # Accounts on: the events travel inside the component to the signed-in session only, never
    # as static files (Streamlit serves static/ to anyone)
    draw, cards = _packed(url, revision)
    return events_map(_frame(url, revision), inline=False, link=link, permalink=True, draw=draw, cards=cards,
                      private=sign_in_required(), zone_entries=_zone_entries(url, revision),
                      selection=_selection_key(revision))


def cached_map(link: MapLink) -> folium.Map:
    """The map of every stored event, built once per (store revision, link); the filters are
    applied to it in the browser (:func:`map_selection`).

    ``link``: the shared view this session opened. It is drawn with until the store changes,
    whatever the filters do since: another link would be another map, remounted in the browser."""
    store = get_store()
    revision = store.revision()
    held = st.session_state.get("_sortie_map_link")
    if held is None or held[0] != revision:
        held = (revision, link if held is None else MapLink())
        st.session_state["_sortie_map_link"] = held
    return _map(store.url, revision, held[1])


@st.cache_resource(show_spinner=False, max_entries=64)
def _selection(url: str, revision: int, flt: EventFilter) -> dict[str, Any]:
    return selection(_selection_key(revision), drawn_index(_frame(url, revision)), _view(url, revision, flt).frame,
                     flt.date_from, flt.date_to)


def map_selection(flt: EventFilter) -> dict[str, Any]:
    """What a filter keeps of :func:`cached_map`'s events (:mod:`maps.selection`), made once per
    (store revision, filter)."""
    store = get_store()
    return _selection(store.url, store.revision(), flt)


@st.cache_resource(show_spinner=False)
def _geocoder(directory: str) -> OfflineGeocoder:
    from geo import OfflineGeocoder  # late: the map page never needs the geocoder
    from geo.gazetteer import Gazetteer

    gaz = Gazetteer(Path(directory)) if directory else Gazetteer()
    return OfflineGeocoder(gazetteer=gaz, online=False)


def offline_geocoder() -> OfflineGeocoder:
    """One offline geocoder per gazetteer folder (``SORTIE_GAZETTEER_DIR``, else the shipped one); no network."""
    return _geocoder(os.environ.get("SORTIE_GAZETTEER_DIR", ""))
