"""Trends: events per day, week or month by type, country or area, against a trailing baseline;
records and firsts; the events behind any bar; a check of a reported count against the collection."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from events import event_types as et
from events.event_types import EVENT_TYPES
from events.schema import country_name
from maps import trends as tr
from ui.entry import ensure_entrypoint
from ui.event_table import events_table
from ui.exports import export_name
from ui.filters import sidebar_filter
from ui.loaders import get_store, load_events
from ui.markdown import md

ensure_entrypoint()


store = get_store()
revision = store.revision()
df = load_events()
flt = sidebar_filter(df)  # the map page's filters, shared through the URL
view = flt.apply(df)
base = df if flt.drafts else df[df["status"] == "approved"]  # the collection: what counts, before other filters
fkey = tuple(sorted(flt.to_params().items()))


@st.cache_data(show_spinner="Counting events…", max_entries=16)
def _trend(url: str, rev: int, fkey: tuple, period: str, by: str, window: int, since: date | None,
           _view: pd.DataFrame) -> tr.Trend:
    return tr.trend(_view, period, by, window, since=since)


@st.cache_data(show_spinner=False, max_entries=16)
def _flags(url: str, rev: int, fkey: tuple, period: str, since: date | None, _view: pd.DataFrame,
           _base: pd.DataFrame) -> tuple[list[tr.Flag], list[tr.Flag]]:
    return tr.records(_view, period, since=since), tr.firsts(_base, among=_view.index)


@st.cache_data(show_spinner=False, max_entries=12)
def _file(fmt: str, url: str, rev: int, fkey: tuple, period: str, by: str, window: int, _trend: tr.Trend,
          _flags: list[tr.Flag], title: str) -> bytes:
    if fmt == "csv":
        return tr.trend_csv(_trend)
    return tr.chart_image(tr.trend_chart(_trend, _flags, title=title, select=False), fmt)


st.title("Trends")
st.caption("How often things happen: events per day, week or month against a baseline of the periods before, "
           "the records and firsts of the collection, and the events behind every bar. The sidebar filters are the "
           "map's; only approved events count unless drafts are included.")

if view.empty:
    st.info("No event matches the filters in the sidebar.")
else:
    lo, hi = flt.date_from or view["date_start"].min(), flt.date_to or view["date_end"].dropna().max()
    auto = tr.default_period(lo, hi)
    c1, c2, c3 = st.columns([2, 2, 1])
    choice = c1.radio("Bars per", ["auto", *tr.PERIODS], horizontal=True, key="tr_period",
                      format_func=lambda p: f"auto ({auto})" if p == "auto" else p,
                      help="Auto: days up to about 3 months shown, weeks up to about 3 years, then months.")
    period = auto if choice == "auto" else choice
    by = c2.selectbox("Broken down by", list(tr.DIMENSIONS), format_func=tr.DIMENSIONS.get, key="tr_by")
    window = int(c3.number_input("Baseline periods", min_value=2, max_value=26, value=4, step=1, key="tr_window",
                                 help="The baseline of a period is the mean of this many periods before it."))
    unit = period

    trend = _trend(store.url, revision, fkey, period, by, window, flt.date_from, view)
    records, firsts = _flags(store.url, revision, fkey, period, flt.date_from, view, base)

    last = trend.totals.iloc[-1]
    m1, m2, m3 = st.columns(3)
    m1.metric("Events shown", f"{len(view):,}", help=f"of {len(base):,} in the collection")
    compare = by in ("type", "area") and not pd.isna(last["baseline"])  # bars are events: baseline comparable
    m2.metric(f"Latest {unit} ({tr.period_label(last['period_key'], period)})", f"{int(last['distinct']):,}",
              delta=f"{last['distinct'] - last['baseline']:+.1f} vs baseline" if compare else None,
              delta_color="off", help="The latest period may not be over yet.")
    busiest = trend.totals.loc[trend.totals["distinct"].idxmax()]
    m3.metric(f"Busiest {unit}", f"{int(busiest['distinct']):,}", help=tr.period_label(busiest["period_key"], period))

    title = f"Events per {unit} by {tr.DIMENSIONS[by].lower()}"
    chart = tr.trend_chart(trend, records, title=title)
    state = st.altair_chart(chart, on_select="rerun", selection_mode="pick", key=f"trend_chart_{period}_{by}",
                            width="stretch")
    notes = ["Each event counts in the period it starts"
             + (f" (or on {flt.date_from}, if it began before the window)"
                if flt.date_from and view["date_start"].min() < flt.date_from else "") + "."]
    if by in ("actor", "observer"):
        notes.append("An event of two countries counts once for each, so bars are country-events.")
    if by == "area":
        notes.append("The area is the first place the report names, as written.")
    if by in tr.OTHER and tr.OTHER[by] in trend.groups:
        notes.append(f"Past the 8 largest, the rest are pooled as {tr.OTHER[by]}.")
    st.caption(" ".join(notes) + " Click a bar to list its events below; double-click clears.")

    d1, d2, d3, _ = st.columns([1, 1, 1, 3])
    for col, fmt, mime in ((d1, "png", "image/png"), (d2, "svg", "image/svg+xml"), (d3, "csv", "text/csv")):
        col.download_button(
            fmt.upper(), key=f"tr_dl_{fmt}", mime=mime, on_click="ignore", icon=":material/download:",
            width="stretch", file_name=export_name(flt, fmt, view, suffix=f"_trend_{period}_{by}"),
            data=lambda fmt=fmt: _file(fmt, store.url, revision, fkey, period, by, window, trend, records, title),
            help="The numbers behind the chart: one row per period and group" if fmt == "csv"
            else "The chart as an image, drawn on the server (no browser needed)")

    st.subheader("Events behind a bar")
    picked = tr.selected(state)
    keys = sorted(trend.bars["period_key"].unique(), reverse=True)
    sizes = trend.totals.set_index("period_key")["distinct"]
    chosen = st.selectbox("Period", keys, index=None, key=f"tr_pick_{period}",
                          placeholder="Click a bar on the chart, or pick a period here",
                          format_func=lambda k: f"{tr.period_label(k, period)} · {int(sizes[k]):,} event(s)")
    if picked:
        key, group = picked
        whole = st.toggle(f"All of the {unit}, not only {md(group)}", key="tr_whole") if group else True
        rows = tr.behind(view, trend, key, None if whole else group)
        what = tr.period_label(key, period) + ("" if whole or not group else f", {group}")
    elif chosen:
        key, rows, what = chosen, tr.behind(view, trend, chosen), tr.period_label(chosen, period)
    else:
        rows, what = None, ""
    if rows is not None:
        st.markdown(f"**{len(rows):,} event(s): {md(what)}**")
        events_table(rows.sort_values(["date_start", "id"], ascending=False), key="tr_events")

    st.subheader("Records and firsts")
    first_day = base["date_start"].min() if len(base) else None
    st.caption(f"Records are within the events shown, per {unit}; firsts are the first in the collection, which "
               f"starts on {first_day}: nothing earlier is known to it, so an early first may only be the first "
               "on record.")
    r1, r2 = st.columns(2)
    with r1:
        st.markdown("**Records**")
        if not records:
            st.write("None yet.")
        for f in records:
            new = " · **in the latest period**" if f.latest else ""
            st.markdown(f"- {md(f.text)}{new}", help=f"{len(f.ids):,} event(s): " + md(", ".join(f.ids[:12]))
                        + (" …" if len(f.ids) > 12 else ""))
    with r2:
        st.markdown(f"**Firsts among the events shown** ({len(firsts):,})")
        if not firsts:
            st.write("None: every kind of event shown happened before, with the same countries.")
        for f in firsts[:8]:
            st.markdown(f"- {md(f.text)}")
        if len(firsts) > 8:
            with st.expander(f"{len(firsts) - 8:,} more"):
                for f in firsts[8:]:
                    st.markdown(f"- {md(f.text)}")


st.subheader("Check a claim")
st.caption("Analysts and officials write counts such as '30 missions over the past month'. Enter one to see "
           "how many events of that type the collection holds in the window (all countries and places, whatever "
           "the sidebar shows; approved events only unless drafts are included).")
text = st.text_input("Claim", key="tr_claim_text", max_chars=200,
                     placeholder="30 bomber approaches in the month to 2021-11-23",
                     help="A count, a type and a window: 'N <type> in the week/month/year/N days to YYYY-MM-DD' "
                          "or 'N <type> between YYYY-MM-DD and YYYY-MM-DD'. Empty: use the fields below.")
k1, k2, k3, k4, k5 = st.columns([1, 2, 1, 1, 2])
count = int(k1.number_input("Count", min_value=0, value=30, step=1, key="tr_claim_n"))
ctype = k2.selectbox("Type", EVENT_TYPES, index=EVENT_TYPES.index("bomber_approach") if "bomber_approach"
                     in EVENT_TYPES else 0, format_func=et.label, key="tr_claim_type")
length = k3.selectbox("Window", ["week", "month", "30 days", "quarter", "year"], index=1, key="tr_claim_len")
latest_day = base["date_end"].dropna().max() if base["date_end"].notna().any() else date.today()
end = k4.date_input("Ending on", value=latest_day, key="tr_claim_end", format="YYYY-MM-DD")
actors = sorted(base["actors"].explode().dropna().unique())
actor = k5.selectbox("Acting country", actors, index=None, placeholder="any", key="tr_claim_actor",
                     format_func=lambda c: f"{country_name(c)} ({c})")
if text.strip():
    claim = tr.parse_claim(text)
    if claim is None:
        st.warning("Could not read that claim. Write it as '30 bomber approaches in the month to 2021-11-23', "
                   "or clear the box and use the fields.")
    elif actor:
        claim = tr.Claim(claim.count, claim.type, claim.date_from, claim.date_to, actor)
else:
    lo_day, hi_day = tr.window_to(end, length)
    claim = tr.Claim(count, ctype, lo_day, hi_day, actor)
if claim is not None:
    result = tr.check_claim(base, claim)
    st.info(result.text, icon=":material/fact_check:")
    if result.overlapping:
        with st.expander(f"The {result.overlapping:,} event(s)"):
            events_table(base[base["id"].isin(result.ids)].sort_values("date_start"), key="tr_claim_events")
