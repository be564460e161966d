"""Sources: who reported what. Per-outlet counts for the sidebar filter, and every activity that two
or more outlets report, their claims side by side with the disagreements flagged.

Each report is its own stored event, so Yonhap's and Japan's Joint Staff's accounts of one patrol
are two events; :mod:`events.corroboration` groups them and says where they differ (2 bombers or 4,
which day, a joint patrol or an ADIZ incursion). Report text is shown as data or escaped Markdown,
never as HTML.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from events import corroboration as co
from events.query import EventFilter
from maps.permalink import MapLink
from ui.entry import ensure_entrypoint
from ui.filters import sidebar_filter
from ui.loaders import filtered, get_store, load_events
from ui.markdown import md

ensure_entrypoint()

PER_PAGE = 10  # groups drawn per run: each is a table, and a dense store has thousands
TABLE_FIELDS = tuple(k for k in co.FIELDS if k != "evidence")  # sentences go under the table, in full
ROW_PX = 35  # st.dataframe's row height


def map_link(flt: EventFilter, event_id: str) -> str | None:
    """The map with this filter and the event's card open (a new page load: the map reads the
    ``event`` key when a session starts, see maps/permalink.py); None for an id a link cannot carry."""
    if MapLink.from_params({"event": event_id}).event != event_id:
        return None
    return "./?" + urlencode({**flt.to_params(), "event": event_id})


store = get_store()  # with accounts on and nobody signed in, the page stops here
revision = store.revision()
df = load_events()
flt = sidebar_filter(df)  # the map's filters, shared through the URL
view = filtered(flt).frame


@st.cache_resource(show_spinner="Comparing sources…", max_entries=16)
def _groups(url: str, rev: int, flt: EventFilter, _view: pd.DataFrame) -> list[co.Group]:
    # one computation per (store revision, filter), shared by every session; read-only
    return co.groups(_view)


@st.cache_resource(show_spinner=False, max_entries=16)
def _outlets(url: str, rev: int, flt: EventFilter, _view: pd.DataFrame, _groups: list[co.Group]) -> pd.DataFrame:
    return co.outlet_table(_view, _groups)


st.title("Sources")
st.caption("Who reported what: the outlets behind the events the sidebar selects, and every activity that two or "
           "more outlets report, each outlet's claim side by side with the differences flagged. An outlet is the "
           "event's source name, else the web site of its link.")

if view.empty:
    st.info("No event matches the filters in the sidebar.")
    st.stop()

found = _groups(store.url, revision, flt, view)
table = _outlets(store.url, revision, flt, view, found)
disputed = [g for g in found if g.disagreements]

m1, m2, m3, m4 = st.columns(4)
m1.metric("Outlets", f"{int((table['outlet'] != co.NO_SOURCE).sum()):,}",
          help="Source names, else the web sites of the links; events with neither are listed as "
               f"{co.NO_SOURCE}")
m2.metric("Events shown", f"{len(view):,}")
m3.metric("Reported by several outlets", f"{len(found):,}", help="Activities that two or more outlets report")
m4.metric("Where they disagree", f"{len(disputed):,}")

st.subheader("Outlets")
st.dataframe(table, hide_index=True, width="stretch", key="src_outlets", column_config={  # widths: fit ~950 px
    "outlet": st.column_config.TextColumn("Outlet", width=270),
    "events": st.column_config.NumberColumn("Events", format="%d", width=60),
    "first": st.column_config.DateColumn("First", format="YYYY-MM-DD", width=90),
    "last": st.column_config.DateColumn("Last", format="YYYY-MM-DD", width=90),
    "types": st.column_config.TextColumn("Types", width=250),
    "grouped": st.column_config.NumberColumn("Also elsewhere", format="%d", width=100,
                                             help="Its events that another outlet reports too"),
    "disputed": st.column_config.NumberColumn("Disputed", format="%d", width=75,
                                              help="Of those, the events on which the outlets differ"),
})

st.subheader("Same activity, several sources")
st.caption("Events from different outlets are grouped when they match as possible duplicates do: a type that may "
           "describe the same activity (a joint patrol, a bomber approach and an ADIZ incursion can be one flight), "
           "overlapping dates, a shared or nearby place, and overlapping countries; one event per outlet in a group. "
           f"{co.FLAG} marks a field on which they differ; something an outlet does not state is not a disagreement.")
only = st.toggle("Only groups where sources disagree", key="src_disputed")
shown = disputed if only else found
if not shown:
    st.info("No activity among the events shown is reported by more than one outlet." if not found
            else "The outlets agree on every activity they both report.")
    st.stop()

pages = -(-len(shown) // PER_PAGE)
page = 1
if pages > 1:
    a, b = st.columns([1, 4], vertical_alignment="bottom")
    page = int(a.number_input("Page", min_value=1, max_value=pages, value=1, step=1,
                              key=f"src_page_{only}"))  # the toggle changes the page count: its own pager
    b.caption(f"Groups {(page - 1) * PER_PAGE + 1:,}–{min(page * PER_PAGE, len(shown)):,} of {len(shown):,}, "
              "disagreements first, then the most recent.")

for n, group in enumerate(shown[(page - 1) * PER_PAGE: page * PER_PAGE], start=(page - 1) * PER_PAGE):
    with st.container(border=True, key=f"src_group_{n}"):
        outlets = group.outlets
        st.markdown(f"**{md(group.title())}**  \n{len(group.claims)} reports from {len(outlets)} outlets: "
                    + md(", ".join(outlets)))
        if group.disagreements:
            st.caption(f"{co.FLAG} The sources disagree on " + md(", ".join(
                dict.fromkeys(co.FIELDS[d.field].lower() for d in group.disagreements))) + ":  \n"
                + "  \n".join(f"{co.FLAG} " + md(d.text) for d in group.disagreements))
        else:
            st.caption("The sources agree on every field they both state.")
        claims = co.claims_table(group, TABLE_FIELDS)
        st.dataframe(claims, hide_index=True, width="stretch", key=f"src_table_{n}",
                     height=ROW_PX * (len(claims) + 1) + 3,  # every row, no scrolling inside the card
                     column_config={"Field": st.column_config.TextColumn("Field", pinned=True, width="medium")})
        with st.expander("What each report says"):
            for header, claim in zip(co.headers(group), group.claims, strict=True):
                st.markdown(f"**{md(header)}**: {md(claim.evidence) or '(no sentence kept)'}")
        links = []
        for header, claim in zip(co.headers(group), group.claims, strict=True):
            link = map_link(flt, claim.id)
            links.append(f"[{md(header)}]({link})" if link else f"{md(header)}: {md(claim.id)}")
        st.markdown("On the map: " + " · ".join(links))
