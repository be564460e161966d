"""Charts beside the map, in the map's colours.

The time histogram bins events itself instead of leaving it to Vega-Lite's ``yearweek``: over
several years a weekly bar is a hairline (one 2024 event next to 2021 is invisible), one event
stretched to the chart's full width, and Vega's week numbers are not ISO weeks ("2022 W00").
Here the bin (day, week, month, quarter, year) follows the span of the dates so that there are
at most :data:`MAX_BINS` bars, every bin in the span is drawn (gaps stay visible), a short span
is padded to :data:`MIN_BINS` bins, and the labels are the ones analysts write ("2021 W46",
"2024-03", "2024 Q1").
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import altair as alt
import pandas as pd

from events import event_types as et

Bin = Literal["day", "week", "month", "quarter", "year"]
BINS: tuple[Bin, ...] = ("day", "week", "month", "quarter", "year")
MAX_BINS = 60  # more bars than this on a dashboard-wide chart become hairlines
MIN_BINS = 15  # a lone event is one bar among empty neighbours, not a full-width block
# Streamlit fits the whole chart (title, slanted labels, legend) in this height; the bars get ~60%
CHART_HEIGHT = 280
AXIS_TITLES: dict[Bin, str] = {"day": "Day", "week": "ISO week", "month": "Month", "quarter": "Quarter",
                               "year": "Year"}


def bin_start(d: date, unit: Bin) -> date:
    """The first day of the bin holding ``d`` (weeks start on Monday, as ISO weeks do)."""
    if unit == "day":
        return d
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return date(d.year, 1, 1)


def next_bin(d: date, unit: Bin) -> date:
    """The first day of the bin after the one that starts on ``d``."""
    if unit == "day":
        return d + timedelta(days=1)
    if unit == "week":
        return d + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def prev_bin(d: date, unit: Bin) -> date:
    """The first day of the bin before the one that starts on ``d``."""
    return bin_start(d - timedelta(days=1), unit)


def bin_label(d: date, unit: Bin) -> str:
    """How an analyst names the bin holding ``d``: ISO week numbers come from ``isocalendar``
    (29 Dec 2025 is in "2026 W01"; 1 Jan 2022 is in "2021 W52", never "2022 W00")."""
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        iso = d.isocalendar()
        return f"{iso.year} W{iso.week:02d}"
    if unit == "month":
        return f"{d.year}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year} Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


def bins_between(first: date, last: date, unit: Bin) -> list[date]:
    """Start days of every bin from the one holding ``first`` to the one holding ``last``."""
    out, d, end = [], bin_start(first, unit), bin_start(last, unit)
    while d <= end:
        out.append(d)
        d = next_bin(d, unit)
    return out


def choose_bin(first: date, last: date, max_bins: int = MAX_BINS) -> Bin:
    """The finest bin that shows ``first``..``last`` in at most ``max_bins`` bars."""
    for unit in BINS:
        if len(bins_between(first, last, unit)) <= max_bins:
            return unit
    return "year"


def padded_bins(first: date, last: date, unit: Bin, min_bins: int = MIN_BINS) -> list[date]:
    """The bins of the span, with empty ones added on both sides up to ``min_bins``."""
    starts = bins_between(first, last, unit)
    before = True
    while len(starts) < min_bins:  # alternate sides so the data stays in the middle
        starts = [prev_bin(starts[0], unit), *starts] if before else [*starts, next_bin(starts[-1], unit)]
        before = not before
    return starts


def binned_counts(v: pd.DataFrame, max_bins: int = MAX_BINS) -> tuple[pd.DataFrame, list[str], Bin]:
    """Events per (bin, type): the rows to draw, every bin label in order, and the bin chosen."""
    days = pd.to_datetime(pd.Series(v["date_start"], dtype=object)).dt.date
    if days.empty:
        return pd.DataFrame(columns=["bin", "start", "type", "events", "order"]), [], "day"
    unit = choose_bin(days.min(), days.max(), max_bins)
    starts = padded_bins(days.min(), days.max(), unit)
    order = {t: i for i, t in enumerate(et.EVENT_TYPES)}
    rows = pd.DataFrame({"start": days.map(lambda d: bin_start(d, unit)), "code": list(v["type"])})
    counts = rows.groupby(["start", "code"]).size().reset_index(name="events")
    counts["bin"] = counts["start"].map(lambda d: bin_label(d, unit))
    counts["type"] = counts["code"].map(et.label)
    counts["order"] = counts["code"].map(lambda c: order.get(c, len(order)))
    counts["start"] = counts["start"].map(date.isoformat)
    return counts[["bin", "start", "type", "events", "order"]], [bin_label(d, unit) for d in starts], unit


def weekly_chart(v: pd.DataFrame, max_bins: int = MAX_BINS) -> alt.Chart:
    """Events over time by type, stacked in the map's colours; the bin (day/week/month/quarter)
    follows the date span and is named in the chart title (the name is kept for pages/map.py)."""
    counts, labels, unit = binned_counts(v, max_bins)
    types = [et.LABELS[t] for t in et.COLORS]
    return (
        alt.Chart(counts, title=alt.Title(f"Events per {unit} by type", anchor="start", fontSize=14))
        .mark_bar()
        .encode(
            # every bin of the span is on the axis, so empty weeks/months read as gaps
            x=alt.X("bin:O", title=AXIS_TITLES[unit], scale=alt.Scale(domain=labels, paddingInner=0.15),
                    axis=alt.Axis(labelAngle=-45 if unit in ("day", "week") else 0, labelOverlap="greedy")),
            y=alt.Y("sum(events):Q", title="Events", axis=alt.Axis(values=count_ticks(counts), format="d")),
            color=alt.Color("type:N", scale=alt.Scale(domain=types, range=list(et.COLORS.values())),
                            legend=alt.Legend(title=None, orient="right")),
            order=alt.Order("order:Q"),
            tooltip=[alt.Tooltip("bin:N", title=AXIS_TITLES[unit]),
                     alt.Tooltip("start:N", title="From"), alt.Tooltip("type:N", title="Type"),
                     alt.Tooltip("sum(events):Q", title="Events")],
        )
        .properties(height=CHART_HEIGHT)
    )


def count_ticks(counts: pd.DataFrame, most: int = 6) -> list[int]:
    """Whole-number ticks up to the tallest stack (counts are never 0.5)."""
    top = int(counts.groupby("bin")["events"].sum().max()) if len(counts) else 1
    step = max(1, -(-top // most))
    return list(range(0, top + step, step))


def chart_bin(v: pd.DataFrame, max_bins: int = MAX_BINS) -> Bin:
    """The bin :func:`weekly_chart` uses for these events (for a caption or title elsewhere)."""
    return binned_counts(v, max_bins)[2]
