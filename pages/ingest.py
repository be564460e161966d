"""Ingest: a report in, draft events out; the reviewer fixes, approves, merges or discards.

Nothing is saved until the reviewer says so. Drafts live in the session; possible duplicates
of stored events are flagged with the reasons, so the same patrol reported by two outlets is
merged rather than counted twice.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from events import event_types as et
from events import intake
from events import io as formats
from events.accounts import Denied
from events.frame import events_frame
from events.review import ACTIONS, commit, decide, done_ids, review_table
from maps.build import events_map
from ui.auth import account, require
from ui.entry import ensure_entrypoint
from ui.loaders import get_store, load_events, refresh
from ui.map_view import show_map

ensure_entrypoint()
require("ingest", "ingest reports")

MAX_PASTE = 1_000_000


def new_batch(batch: intake.Batch) -> None:
    """New drafts, checked against the store once, get a fresh review table (the editor's key names the batch)."""
    intake.check_duplicates(batch, load_events())
    problems = [str(p) for p in batch.problems]
    problems += [f"{name}: no reported military activity found in this text" for name in batch.empty]
    st.session_state.ing_drafts, st.session_state.ing_problems = batch.drafts, problems
    st.session_state.ing_left_out = batch.left_out
    st.session_state.ing_batch = st.session_state.get("ing_batch", 0) + 1


def add_back(i: int) -> None:
    """A left-out mention joins the drafts (a new review table: unapplied edits there are reset)."""
    d = st.session_state.ing_left_out.pop(i)
    st.session_state.ing_drafts = [*(st.session_state.get("ing_drafts") or []), d]
    st.session_state.ing_batch += 1

st.title("Ingest")
st.caption("Paste a report or upload a file. Sortie drafts the events it reports, each with the sentence "
           "that supports it; review them below. Nothing is saved until you approve.")
if not account().can("approve"):
    st.caption("Your role saves drafts: a reviewer approves or merges them on the Events page.")

paste, upload = st.tabs(["Paste text", "Upload a file"])
with paste:
    text = st.text_area("Report text (or HTML)", height=200, max_chars=MAX_PASTE, key="ing_text",
                        placeholder="On Friday, two Russian Tu-95MS strategic bombers and ...")
    c1, c2, c3 = st.columns([1, 2, 2])
    published = c1.date_input("Published", value=date.today(), key="ing_published",
                              help="Relative dates ('on Friday', 'last month') count from this day.")
    url = c2.text_input("Source URL", key="ing_url", max_chars=2000)
    outlet = c3.text_input("Outlet", key="ing_outlet", max_chars=200)
    if st.button("Extract events", type="primary", key="ing_extract"):
        if not text.strip():
            st.error("Paste the text of a report first.")
        else:
            with st.spinner("Reading the report…"):
                batch = intake.read_text(text, published, url.strip(), outlet.strip())
            new_batch(batch)
with upload:
    f = st.file_uploader("Article (.txt .html .md .json), feed (.xml .rss .atom) or events (.csv .geojson .kml)",
                         type=formats.suffixes(), key="ing_file")
    fallback = st.date_input("Publication date for articles that carry none", value=None, key="ing_file_date")
    if st.button("Read file", type="primary", key="ing_read", disabled=f is None) and f is not None:
        with st.spinner(f"Reading {f.name}…"):
            batch = intake.read_upload(f.name, f.getvalue(), fallback)
        new_batch(batch)

if msg := st.session_state.pop("ing_message", None):
    st.success(msg)
for p in st.session_state.get("ing_problems", []):
    st.warning(p)

left_out = st.session_state.get("ing_left_out") or []
if left_out:
    with st.expander(f"Left out: {len(left_out)} mention(s) the report presents as not having happened"):
        st.caption("Planned, hypothetical or denied activity is not drafted. Add one back if the report does "
                   "say it happened, or to record it as it is.")
        for i, d in enumerate(left_out):
            a, b = st.columns([6, 1])
            a.markdown(f"**{et.label(d.event.type)}** · {d.event.modality} · {d.origin}")
            a.text(d.event.evidence[:400])
            b.button("Add to drafts", key=f"ing_add_{st.session_state.ing_batch}_{i}", on_click=add_back, args=(i,))

drafts = st.session_state.get("ing_drafts") or []
if not drafts:
    st.stop()

st.subheader(f"{len(drafts)} draft event(s) to review")
draft_frame = events_frame([d.event for d in drafts])
show_map(events_map(draft_frame, inline=True), key="ingest_map", height=380)

st.caption("Set **action** per row: *save draft* stores it for a reviewer to approve, *approve* saves it "
           "as a new event, *merge* folds it into the stored event it duplicates (the stored one keeps its "
           "history), *discard* drops it. Lists are separated by `;`; countries are ISO alpha-3 codes.")
edited = st.data_editor(
    review_table(drafts),
    key=f"ing_editor_{st.session_state.ing_batch}",
    hide_index=True,
    width="stretch",
    placeholder="",  # an empty cell reads blank, not "None"
    disabled=["confidence", "duplicate_of", "why_duplicate", "id"],
    column_config={
        "action": st.column_config.SelectboxColumn("Action", options=list(ACTIONS), required=True, pinned=True),
        "confidence": st.column_config.ProgressColumn("Confidence", min_value=0.0, max_value=1.0, format="%.2f",
                                                      help="How sure the extractor is of this draft"),
        "duplicate_of": st.column_config.TextColumn("Possible duplicate of", width="medium",
                                                    help="The stored event this draft may repeat: merge folds it in"),
        "why_duplicate": st.column_config.TextColumn("Why", width="medium",
                                                     help="What the draft and the stored event share"),
        "type": st.column_config.SelectboxColumn("Type", options=list(et.EVENT_TYPES), required=True,
                                                 format_func=et.label,  # labels shown, codes stored
                                                 help="; ".join(f"{t.label}: {t.description}" for t in et.REGISTRY)),
        "date_start": st.column_config.DateColumn("Start", required=True),
        "date_end": st.column_config.DateColumn("End"),
        "actors": "Actors",
        "observers": "Approached / reacting",
        "places": "Places",
        "assets": "Assets",
        "closest_approach_km": st.column_config.NumberColumn("Closest (km)", min_value=0),
        "evidence": st.column_config.TextColumn("Evidence", width="large"),
        "id": "Draft id",
    },
)

c1, c2 = st.columns([1, 4])
if c1.button("Apply decisions", type="primary", key="ing_apply"):
    store = get_store()
    decisions = decide(edited, {d.event.id: d.event for d in drafts}, store)
    if decisions.errors:
        for err in decisions.errors:
            st.error(str(err))
        st.info("Nothing was saved: fix the rows above and apply again.")
    elif not decisions.decided:
        st.info("No row has an action yet: set approve, merge or discard.")
    else:
        try:
            commit(store, decisions)
        except (ValueError, Denied) as exc:
            st.error(f"Nothing was saved: {exc}." if isinstance(exc, Denied) else str(exc))
            st.stop()
        refresh()
        done = done_ids(edited, decisions)
        st.session_state.ing_drafts = [d for d in drafts if d.event.id not in done]
        st.session_state.ing_message = decisions.summary()
        st.rerun()
c2.caption("Approved events appear on the Map page with their evidence; edit them later on the Events page.")
