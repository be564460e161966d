"""Events: search, sort, edit and delete stored events; restore any earlier version.

An edit starts from the version shown when the event was opened (kept in the session): if
someone saves the event meanwhile, the save is refused with what they changed, and the user
can put their own changes on top of the new version or drop them.
"""

from __future__ import annotations

import json

import streamlit as st

from events import event_types as et
from events import geo_precision as gp
from events.accounts import Denied
from events.edits import apply_edits, list_text
from events.event_types import EVENT_TYPES
from events.geo_precision import GEO_PRECISIONS
from events.query import EventFilter
from events.schema import DATE_PRECISIONS, STATUSES, Event, FieldErrors
from events.store import HistoryEntry, StaleEdit, changes
from ui.auth import account
from ui.entry import ensure_entrypoint
from ui.loaders import get_store, load_events, refresh

ensure_entrypoint()

st.title("Events")

store = get_store()
df = load_events()

# What analysts read; the store keeps the codes (the selectboxes below return codes).
DATE_PRECISION_LABELS = {"day": "Exact day", "month": "Month only", "range": "Date range",
                         "unknown": "Uncertain dates"}
STATUS_LABELS = {"draft": "Draft (to review)", "approved": "Approved"}
GEO_PRECISION_LABELS = {p.name: p.label[:1].upper() + p.label[1:] for p in gp.REGISTRY}
CODE_LABELS = {"type": et.LABELS, "date_precision": DATE_PRECISION_LABELS, "geo_precision": GEO_PRECISION_LABELS,
               "status": STATUS_LABELS}


def geometry_summary(g: dict | None) -> str:
    """What the map draws for this geometry, in words (the GeoJSON itself is for experts)."""
    if not g:
        return "No location: the event is not drawn on the map"

    def points(c: object) -> int:
        """Positions in nested GeoJSON coordinates."""
        if not isinstance(c, (list, tuple)) or not c:
            return 0
        return 1 if isinstance(c[0], (int, float)) else sum(points(x) for x in c)

    kind, coords = g.get("type"), g.get("coordinates") or []
    if kind == "Point" and len(coords) >= 2:
        lon, lat = coords[0], coords[1]
        return f"Point at {abs(lat):.3f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.3f}° {'E' if lon >= 0 else 'W'}"
    if kind == "MultiPoint":
        return f"{len(coords)} separate points"
    if kind == "LineString":
        return f"Route through {len(coords)} points"
    if kind == "MultiLineString":
        return f"Route in {len(coords)} parts through {points(coords)} points"
    if kind == "Polygon":
        return f"Area outlined by {max(0, len(coords[0]) - 1) if coords else 0} points"
    if kind == "MultiPolygon":
        return f"Area in {len(coords)} parts"
    if kind == "GeometryCollection":
        return f"{len(g.get('geometries') or [])} shapes"
    return f"{kind} shape"

SORTS = {
    "Newest first": (["date_start", "id"], False),
    "Oldest first": (["date_start", "id"], True),
    "Type": (["type", "date_start"], True),
    "Recently edited": (["updated_at"], False),
}
SHOW = {"All events": None, "Drafts to review": "draft", "Approved": "approved"}
c1, c2, c3 = st.columns([3, 1, 1])
q = c1.text_input("Search", placeholder="evidence, place, asset, source…", max_chars=200)
show = c2.selectbox("Show", list(SHOW))
sort = c3.selectbox("Sort", list(SORTS))
view = EventFilter(text=q.strip(), drafts=True).apply(df)
if SHOW[show]:
    view = view[view["status"] == SHOW[show]]
cols, asc = SORTS[sort]
view = view.sort_values(cols, ascending=asc).reset_index(drop=True)

st.caption(f"{len(view):,} of {len(df):,} event(s). Select a row to edit or delete it.")
shown = view[["date_start", "type", "actors", "observers", "places", "evidence", "status", "updated_at", "id"]]
picked = st.dataframe(
    shown.assign(type=shown["type"].map(et.label), status=shown["status"].map(lambda s: STATUS_LABELS.get(s, s))),
    hide_index=True,
    width="stretch",
    placeholder="",
    on_select="rerun",
    selection_mode="single-row",
    key="events_table",
    column_config={
        "date_start": "Date", "type": "Type", "actors": "Actors", "observers": "Approached / reacting",
        "places": "Places", "evidence": st.column_config.TextColumn("Evidence", width="large"),
        "status": "Status", "updated_at": "Updated", "id": "ID",
    },
)


BASES = "ev_bases"  # event id -> the version the user's edit starts from
CONFLICTS = "ev_conflicts"  # event id -> the StaleEdit of a refused save


def _forget(event_id: str) -> None:
    st.session_state.get(BASES, {}).pop(event_id, None)
    st.session_state.get(CONFLICTS, {}).pop(event_id, None)


def _value_text(v: object, field: str = "") -> str:
    if field in CODE_LABELS and isinstance(v, str):
        return CODE_LABELS[field].get(v, v)
    if isinstance(v, list):
        return list_text(v) or "(none)"
    return "(none)" if v in (None, "") else str(v)[:200]


def change_lines(diff: dict[str, tuple[object, object]]) -> str:
    return "\n".join(f"- **{f.replace('_', ' ')}**: {_value_text(a, f)} → {_value_text(b, f)}"
                     for f, (a, b) in diff.items())


def restore_row(h: HistoryEntry, title: str, key: str) -> None:
    """One earlier version with its evidence and a button that brings it back."""
    a, b = st.columns([4, 1])
    a.markdown(title)
    a.text(h.event.evidence[:300])
    if b.button("Restore", key=key, disabled=not account().can("restore")):
        try:
            store.restore(h.hid)
        except Denied as exc:
            st.error(str(exc))
            return
        _forget(h.event_id)  # the form shows the restored version, not stale values
        refresh()
        st.rerun()


def save(base: Event, new: Event) -> None:
    try:
        store.update(new)
    except StaleEdit as exc:
        st.session_state.setdefault(CONFLICTS, {})[base.id] = exc
        st.rerun()  # shown above the form, with both sides' changes
    except (Denied, KeyError) as exc:
        st.error(str(exc).strip("'\""))
    else:
        _forget(base.id)
        refresh()
        st.session_state.ev_saved = "Saved. The previous version is kept in the history below."
        st.rerun()


def conflict(exc: StaleEdit) -> None:
    """A refused save: what the other person changed, and the user's way out."""
    cur = exc.current
    st.error(f"Not saved: {exc}.")
    if cur is None:
        return
    st.markdown("**Their changes**\n" + (change_lines(exc.their_changes()) or "- (none visible)"))
    st.markdown("**Your changes**\n" + (change_lines(exc.my_changes()) or "- (none)"))
    a, b = st.columns(2)
    if a.button("Save my changes on top of theirs", type="primary", key=f"reapply_{cur.id}"):
        st.session_state[CONFLICTS].pop(cur.id, None)
        save(cur, exc.reapplied())
    if b.button("Drop my changes and show theirs", key=f"drop_{cur.id}"):
        _forget(cur.id)
        st.rerun()


if msg := st.session_state.pop("ev_saved", None):
    st.success(msg)
rows = picked.selection.rows if picked else []
opened = view.iloc[rows[0]]["id"] if rows else st.query_params.get("event")  # a row, or a link to one
if opened:
    current = store.get(opened)
    if current is None:
        st.warning("That event is not in the store (deleted in another session?).")
        st.stop()
    ev = st.session_state.setdefault(BASES, {}).setdefault(current.id, current)
    if current.version != ev.version and current.id not in st.session_state.get(CONFLICTS, {}):
        who = f" by {current.updated_by}" if current.updated_by else ""
        st.info(f"This event was changed{who} since you opened it (now version {current.version}).")
        if st.button("Show the new version", key=f"reload_{ev.id}"):
            _forget(ev.id)
            st.rerun()
    if exc := st.session_state.get(CONFLICTS, {}).get(ev.id):
        conflict(exc)
    can_edit = account().can("edit_approved" if ev.status == "approved" else "edit_drafts")
    st.subheader(f"Edit {et.LABELS[ev.type].lower()} of {ev.date_start}")
    st.caption(f"Version {ev.version}" + (f", saved by {ev.updated_by}" if ev.updated_by else "")
               + f", {ev.updated_at:%Y-%m-%d %H:%M} UTC" + ("" if can_edit else ". Your role cannot edit it."))
    with st.form(f"edit_{ev.id}_{ev.version}"):
        a, b, c = st.columns(3)
        etype = a.selectbox("Type", EVENT_TYPES, index=EVENT_TYPES.index(ev.type), format_func=et.LABELS.get)
        start = b.date_input("Start", ev.date_start)
        end = c.date_input("End", ev.date_end)
        a, b, c = st.columns(3)
        dprec = a.selectbox("Date precision", DATE_PRECISIONS, index=DATE_PRECISIONS.index(ev.date_precision),
                            format_func=DATE_PRECISION_LABELS.get)
        actors = b.text_input("Actors (ISO alpha-3, ; separated)", list_text(ev.actors))
        observers = c.text_input("Approached / reacting (ISO alpha-3)", list_text(ev.observers))
        a, b, c = st.columns(3)
        places = a.text_input("Places (as written, in order)", list_text(ev.places))
        assets = b.text_input("Assets", list_text(ev.assets))
        km = "" if ev.closest_approach_km is None else f"{ev.closest_approach_km:g}"
        closest = c.text_input("Closest approach (km)", km)
        a, b, c = st.columns(3)
        gprec = a.selectbox("Location precision", GEO_PRECISIONS, index=GEO_PRECISIONS.index(ev.geo_precision),
                            format_func=GEO_PRECISION_LABELS.get)
        status = b.selectbox("Status", STATUSES, index=STATUSES.index(ev.status), format_func=STATUS_LABELS.get)
        related = c.text_input("Related event ids", list_text(ev.related))
        st.caption(f"On the map: {geometry_summary(ev.geometry)}.")
        with st.expander("Advanced: geometry (GeoJSON)", expanded=False):
            st.caption("The exact shape drawn on the map, as GeoJSON with longitude before latitude. Leave it "
                       "as it is unless you need to move the event; empty it to remove the location.")
            geometry = st.text_area("Geometry (GeoJSON)", json.dumps(ev.geometry) if ev.geometry else "",
                                    height=120)
        evidence = st.text_area("Evidence sentence", ev.evidence)
        a, b, c = st.columns(3)
        url = a.text_input("Source URL", ev.source_url or "")
        outlet = b.text_input("Source name", ev.source_name or "")
        published = c.date_input("Published", ev.published)
        notes = st.text_area("Notes", ev.notes, height=68)
        if st.form_submit_button("Save changes", type="primary", disabled=not can_edit):
            values = {
                "type": etype, "date_start": start, "date_end": end, "date_precision": dprec, "actors": actors,
                "observers": observers, "places": places, "assets": assets, "closest_approach_km": closest,
                "geo_precision": gprec, "status": status, "related": related, "geometry": geometry,
                "evidence": evidence, "source_url": url, "source_name": outlet, "published": published,
                "notes": notes,
            }
            try:
                edited = apply_edits(ev, values)
            except FieldErrors as exc:
                for err in exc.errors:
                    st.error(str(err))
            else:
                save(ev, edited)

    if account().can("delete"):
        col_del, _ = st.columns([1, 3])
        confirm = col_del.checkbox("I want to delete this event", key=f"confirm_{ev.id}")
        if col_del.button("Delete", disabled=not confirm, key=f"delete_{ev.id}"):
            try:
                store.delete(ev.id, version=ev.version)
            except StaleEdit as exc:
                st.session_state.setdefault(CONFLICTS, {})[ev.id] = exc
                st.rerun()
            _forget(ev.id)
            refresh()
            st.rerun()

    versions = store.history(ev.id)
    with st.expander(f"History ({len(versions)} earlier version(s))"):
        newer = current
        for h in versions:  # newest first: each entry says what the next save changed, by whom
            diff = changes(h.event, newer) if newer is not None else {}
            what = ", ".join(f.replace("_", " ") for f in diff) or "nothing a person edits"
            who = f" by {h.by}" if h.by else ""
            title = (f"**Version {h.event.version}** · {h.event.updated_at:%Y-%m-%d %H:%M} UTC"
                     + (f", saved by {h.event.updated_by}" if h.event.updated_by else "")
                     + f" · replaced{who} at {h.at:%Y-%m-%d %H:%M} UTC ({h.op}; changed: {what})")
            restore_row(h, title, f"restore_{h.hid}")
            newer = h.event

deleted = store.recently_deleted()
with st.expander(f"Recently deleted ({len(deleted)})"):
    if not deleted:
        st.caption("Nothing deleted. Deleted events stay here and can be restored.")
    for h in deleted:
        restore_row(h, f"**{et.LABELS[h.event.type]}**, {h.event.date_start} · deleted {h.at:%Y-%m-%d %H:%M} UTC",
                    f"undelete_{h.hid}")
