"""Events: search, sort, edit and delete stored events; restore any earlier version."""

from __future__ import annotations

import json

import streamlit as st

from events import event_types as et
from events.edits import apply_edits, list_text
from events.event_types import EVENT_TYPES
from events.geo_precision import GEO_PRECISIONS
from events.query import EventFilter
from events.schema import DATE_PRECISIONS, STATUSES, FieldErrors
from events.store import HistoryEntry
from ui.entry import ensure_entrypoint
from ui.loaders import get_store, load_events, refresh

ensure_entrypoint()

st.title("Events")

store = get_store()
df = load_events()

SORTS = {
    "Newest first": (["date_start", "id"], False),
    "Oldest first": (["date_start", "id"], True),
    "Type": (["type", "date_start"], True),
    "Recently edited": (["updated_at"], False),
}
c1, c2 = st.columns([3, 1])
q = c1.text_input("Search", placeholder="evidence, place, asset, source…", max_chars=200)
sort = c2.selectbox("Sort", list(SORTS))
view = EventFilter(text=q.strip()).apply(df)
cols, asc = SORTS[sort]
view = view.sort_values(cols, ascending=asc).reset_index(drop=True)

st.caption(f"{len(view):,} of {len(df):,} event(s). Select a row to edit or delete it.")
picked = st.dataframe(
    view[["date_start", "type", "actors", "observers", "places", "evidence", "status", "updated_at", "id"]],
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="events_table",
    column_config={
        "date_start": "Date", "type": "Type", "actors": "Actors", "observers": "Approached / reacting",
        "places": "Places", "evidence": st.column_config.TextColumn("Evidence", width="large"),
        "status": "Status", "updated_at": "Updated", "id": "ID",
    },
)


def restore_row(h: HistoryEntry, title: str, key: str) -> None:
    """One earlier version with its evidence and a button that brings it back."""
    a, b = st.columns([4, 1])
    a.markdown(title)
    a.text(h.event.evidence[:300])
    if b.button("Restore", key=key):
        store.restore(h.hid)
        refresh()
        st.rerun()


rows = picked.selection.rows if picked else []
if rows:
    ev = store.get(view.iloc[rows[0]]["id"])
    if ev is None:
        st.warning("That event was just deleted in another session.")
        st.stop()
    st.subheader(f"Edit {et.LABELS[ev.type].lower()} of {ev.date_start}")
    with st.form(f"edit_{ev.id}"):
        a, b, c = st.columns(3)
        etype = a.selectbox("Type", EVENT_TYPES, index=EVENT_TYPES.index(ev.type), format_func=et.LABELS.get)
        start = b.date_input("Start", ev.date_start)
        end = c.date_input("End", ev.date_end)
        a, b, c = st.columns(3)
        dprec = a.selectbox("Date precision", DATE_PRECISIONS, index=DATE_PRECISIONS.index(ev.date_precision))
        actors = b.text_input("Actors (ISO alpha-3, ; separated)", list_text(ev.actors))
        observers = c.text_input("Approached / reacting (ISO alpha-3)", list_text(ev.observers))
        a, b, c = st.columns(3)
        places = a.text_input("Places (as written, in order)", list_text(ev.places))
        assets = b.text_input("Assets", list_text(ev.assets))
        km = "" if ev.closest_approach_km is None else f"{ev.closest_approach_km:g}"
        closest = c.text_input("Closest approach (km)", km)
        a, b, c = st.columns(3)
        gprec = a.selectbox("Location precision", GEO_PRECISIONS, index=GEO_PRECISIONS.index(ev.geo_precision))
        status = b.selectbox("Status", STATUSES, index=STATUSES.index(ev.status))
        related = c.text_input("Related event ids", list_text(ev.related))
        geometry = st.text_area("Geometry (GeoJSON)", json.dumps(ev.geometry) if ev.geometry else "", height=80)
        evidence = st.text_area("Evidence sentence", ev.evidence)
        a, b, c = st.columns(3)
        url = a.text_input("Source URL", ev.source_url or "")
        outlet = b.text_input("Source name", ev.source_name or "")
        published = c.date_input("Published", ev.published)
        notes = st.text_area("Notes", ev.notes, height=68)
        if st.form_submit_button("Save changes", type="primary"):
            values = {
                "type": etype, "date_start": start, "date_end": end, "date_precision": dprec, "actors": actors,
                "observers": observers, "places": places, "assets": assets, "closest_approach_km": closest,
                "geo_precision": gprec, "status": status, "related": related, "geometry": geometry,
                "evidence": evidence, "source_url": url, "source_name": outlet, "published": published,
                "notes": notes,
            }
            try:
                store.update(apply_edits(ev, values))
            except FieldErrors as exc:
                for err in exc.errors:
                    st.error(str(err))
            else:
                refresh()
                st.success("Saved. The previous version is kept in the history below.")

    col_del, _ = st.columns([1, 3])
    confirm = col_del.checkbox("I want to delete this event", key=f"confirm_{ev.id}")
    if col_del.button("Delete", disabled=not confirm, key=f"delete_{ev.id}"):
        store.delete(ev.id)
        refresh()
        st.rerun()

    versions = store.history(ev.id)
    with st.expander(f"History ({len(versions)} earlier version(s))"):
        for h in versions:
            restore_row(h, f"**{h.at:%Y-%m-%d %H:%M} UTC** · replaced by *{h.op}*", f"restore_{h.hid}")

deleted = store.recently_deleted()
with st.expander(f"Recently deleted ({len(deleted)})"):
    if not deleted:
        st.caption("Nothing deleted. Deleted events stay here and can be restored.")
    for h in deleted:
        restore_row(h, f"**{et.LABELS[h.event.type]}**, {h.event.date_start} · deleted {h.at:%Y-%m-%d %H:%M} UTC",
                    f"undelete_{h.hid}")
