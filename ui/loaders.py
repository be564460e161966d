"""Cached access to the store, shared by every page of the app."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import folium
import pandas as pd
import streamlit as st

from events.accounts import GuardedStore, auth_enabled
from events.query import EventFilter
from events.store import Store, database_url
from maps.build import events_map
from maps.payload import prepare
from maps.permalink import MapLink

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


@st.cache_data(show_spinner="Loading events…", max_entries=4)
def _frame(url: str, revision: int) -> pd.DataFrame:
    return raw_store().frame()


def load_events() -> pd.DataFrame:
    """All stored events; re-read only when the store's revision changes (any write, by any
    app server on the same database)."""
    store = get_store()
    return _frame(store.url, store.revision())


def refresh() -> None:
    """After a write, so every page sees it on the next run."""
    _frame.clear()


@st.cache_data(show_spinner="Preparing the map data…", max_entries=2)
def _prepared(url: str, revision: int) -> pd.DataFrame:
    return prepare(_frame(url, revision))


@st.cache_resource(show_spinner="Drawing the map…", max_entries=8)
def _map(url: str, revision: int, flt: EventFilter, link: MapLink) -> folium.Map:
    view = flt.apply(_frame(url, revision))
    prep = _prepared(url, revision)
    # accounts on: the events travel inside the component to the signed-in session only, never
    # as static files (Streamlit serves static/ to anyone)
    return events_map(view, flt.date_from, flt.date_to, inline=False, link=link, permalink=True,
                      prepared=prep[prep.index.isin(view.index)], private=auth_enabled())


def cached_map(flt: EventFilter, link: MapLink) -> folium.Map:
    """The map of a filtered view, built once per (store revision, filter, opened link)."""
    store = get_store()
    return _map(store.url, store.revision(), flt, link)


@st.cache_resource(show_spinner=False)
def _geocoder(directory: str) -> OfflineGeocoder:
    from geo import OfflineGeocoder  # late: the map page never needs the geocoder
    from geo.gazetteer import Gazetteer

    gaz = Gazetteer(Path(directory)) if directory else Gazetteer()
    return OfflineGeocoder(gazetteer=gaz, online=False)


def offline_geocoder() -> OfflineGeocoder:
    """One offline geocoder per gazetteer folder (``SORTIE_GAZETTEER_DIR``, else the shipped one); no network."""
    return _geocoder(os.environ.get("SORTIE_GAZETTEER_DIR", ""))
