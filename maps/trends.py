"""Trends: events per day, week or month, a trailing baseline, records, firsts and claim checks.

Computation and chart building only (no Streamlit), vectorised so 100,000 events take a
fraction of a second: list columns are exploded once and everything else is a groupby.

Honest simplifications, stated wherever the numbers are shown:

- an event is counted in the period of its **start date** (a month-long exercise counts once,
  in the period it began; with a ``since`` date, events that began earlier count at ``since``);
- broken down by acting or approached country, an event of two countries counts **once for
  each** (a Russia–China patrol adds to Russia and to China), so bars are country-events;
- the "area" is the **first place the report names**, as written ("Sea of Japan");
- asset counts read the ``x N`` of an asset ("Tu-95MS x2"); an asset without one ("fighter
  jets") counts as 1, and "(30 missions)" is a mission count, not aircraft.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import altair as alt
import numpy as np
import pandas as pd

from events import event_types as et
from events.corroboration import same_activity
from events.schema import country_name

PERIODS: tuple[str, ...] = ("day", "week", "month")
_FREQ = {"day": "D", "week": "W-MON", "month": "MS"}
DIMENSIONS: dict[str, str] = {
    "type": "Event type",
    "actor": "Acting country",
    "observer": "Approached / reacting country",
    "area": "Area (first place named)",
}
_COLUMN = {"actor": "actors", "observer": "observers"}
OTHER = {"actor": "Other countries", "observer": "Other countries", "area": "Other places"}  # pooled past the top
NONE_LABEL = {"actor": "(no acting country)", "observer": "(none named)", "area": "(no place named)"}
# groups that are not event types: a colour-blind-safe categorical palette, then greys
PALETTE = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F")
OTHER_COLOR, NONE_COLOR = "#BAB0AC", "#DDDDDD"
BASELINE_COLOR, RECORD_COLOR = "#222222", "#B2182B"

# what an asset string is: "aircraft carrier" is a ship; designators such as Tu-95MS, H-6K, Su-30SM, F-15J
_SHIP = re.compile(r"ship|destroyer|frigate|corvette|cruiser|submarine|vessel|carrier|boat|cutter", re.I)
_AIRCRAFT = re.compile(
    r"bomber|fighter|\bjets?\b|warplane|plane|helicopter|drone|tanker|interceptor|aircraft(?!\s+carrier)|"
    r"\b(?:Tu|Su|MiG|Il|An|Ka|Mi|Yak|Be|H|J|JH|KJ|Y|Z|WZ|GJ|B|F|FA|EA|E|P|RC|KC|MQ|RQ|U)-\d", re.I)
_X_COUNT = r"\bx\s*(\d+)\s*$"
_MISSIONS = r"\((\d+)\s+(?:missions?|sorties|flights)\)"


# --- periods ---------------------------------------------------------------------------------

def to_datetime(values: pd.Series) -> pd.Series:
    """A column of ``date`` objects (or ISO strings) as datetime64, same index; None -> NaT."""
    return pd.to_datetime(pd.Series(values, copy=False), errors="coerce")


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The first day of each date's period: the day, the Monday of its week, the 1st of its month."""
    d = dates.dt.normalize()
    if period == "day":
        return d
    if period == "week":
        return d - pd.to_timedelta(d.dt.day_of_week, unit="D")
    if period == "month":
        return d - pd.to_timedelta(d.dt.day - 1, unit="D")
    raise ValueError(f"unknown period {period!r}: one of {', '.join(PERIODS)}")


def period_end(starts: pd.Series | pd.DatetimeIndex, period: str) -> pd.Series | pd.DatetimeIndex:
    """The day after each period (exclusive end)."""
    if period == "day":
        return starts + pd.Timedelta(days=1)
    if period == "week":
        return starts + pd.Timedelta(days=7)
    return starts + pd.offsets.MonthBegin(1)


def calendar(lo: pd.Timestamp, hi: pd.Timestamp, period: str) -> pd.DatetimeIndex:
    """Every period from the one holding ``lo`` to the one holding ``hi``, empty ones included."""
    first = period_start(pd.Series([lo]), period).iloc[0]
    last = period_start(pd.Series([hi]), period).iloc[0]
    return pd.date_range(first, last, freq=_FREQ[period])


def default_period(lo: date | None, hi: date | None) -> str:
    """Bars a person can read: days up to ~3 months, weeks up to ~3 years, then months."""
    if lo is None or hi is None:
        return "week"
    span = (hi - lo).days
    return "day" if span <= 92 else "week" if span <= 3 * 366 else "month"


def period_key(starts: pd.Series | pd.DatetimeIndex, period: str) -> pd.Series | pd.Index:
    """A period as text, the chart's selection value: ``2021-11-19``, ``2021-11-15`` (its Monday), ``2021-11``."""
    return starts.strftime("%Y-%m" if period == "month" else "%Y-%m-%d")


def period_label(key: str, period: str) -> str:
    """``week of 2021-11-15``, ``November 2021``, ``2021-11-19``."""
    if period == "month":
        return pd.Timestamp(key + "-01").strftime("%B %Y")
    return f"week of {key}" if period == "week" else key


def window_of(key: str, period: str) -> tuple[date, date]:
    """First and last day (inclusive) of a period given by its key."""
    start = pd.Timestamp(key + "-01" if period == "month" else key)
    end = period_end(pd.DatetimeIndex([start]), period)[0] - pd.Timedelta(days=1)
    return start.date(), end.date()


# --- break-downs -----------------------------------------------------------------------------

def _country_label(code: str) -> str:
    return f"{country_name(code)} ({code})"


def grouped(df: pd.DataFrame, by: str) -> pd.Series:
    """One row per (event, group): the event's index label repeated, the group's label as value.

    ``type`` and ``area`` give one group per event; ``actor`` and ``observer`` one per country.
    """
    if by == "type":
        return df["type"].map(et.LABELS).fillna(df["type"])  # a type the registry no longer has reads as itself
    if by == "area":
        first = df["places"].str[0].astype("string").str.strip()
        return first.where(first.notna() & (first != ""), NONE_LABEL["area"]).astype(object)
    if by not in _COLUMN:
        raise ValueError(f"unknown break-down {by!r}: one of {', '.join(DIMENSIONS)}")
    codes = df[_COLUMN[by]].explode()
    labels = {c: _country_label(c) for c in codes.dropna().unique()}
    return codes.map(labels).astype(object).fillna(NONE_LABEL[by])


@dataclass
class Trend:
    """Bars per (period, group), totals per period with the baseline, and what lies behind each bar."""

    period: str
    by: str
    window: int
    bars: pd.DataFrame  # period, end, period_key, group, events, period_total
    totals: pd.DataFrame  # period, end, mid, period_key, events (bar height), distinct, baseline
    groups: list[str]  # legend order
    colors: list[str]
    long: pd.DataFrame = field(repr=False)  # index: event index labels; period (start, datetime), group

    @property
    def empty(self) -> bool:
        return self.bars.empty


def trend(df: pd.DataFrame, period: str = "week", by: str = "type", window: int = 4, top: int = 8,
          since: date | None = None) -> Trend:
    """Events of ``df`` per ``period`` broken down ``by`` a dimension of :data:`DIMENSIONS`.

    The baseline of a period is the mean bar height of the ``window`` periods before it (empty
    periods count as 0; none until there are ``window`` earlier periods). Groups past the ``top``
    largest are pooled as "Other countries" / "Other places"; event types are never pooled.
    """
    if not df.index.is_unique:
        raise ValueError("the frame's index must be unique (it names the events behind each bar)")
    starts = to_datetime(df["date_start"])
    if since is not None:
        starts = starts.clip(lower=pd.Timestamp(since))
    p = period_start(starts, period)
    g = grouped(df, by)
    long = pd.DataFrame({"period": p.reindex(g.index), "group": g.values}, index=g.index)
    long = long[long["period"].notna()]

    codes, uniques = pd.factorize(long["group"])  # group by integer codes, not by strings
    sizes = pd.Series(np.bincount(codes, minlength=len(uniques)), index=uniques).sort_values(ascending=False,
                                                                                              kind="stable")
    if by == "type":
        groups = [et.label(t) for t in et.EVENT_TYPES if et.label(t) in sizes.index]
        groups += [x for x in sizes.index if x not in groups]  # a type the registry no longer has
        colors = [et.COLORS.get(t, OTHER_COLOR) for t in et.EVENT_TYPES if et.label(t) in sizes.index]
        colors += [OTHER_COLOR] * (len(groups) - len(colors))
    else:
        none = NONE_LABEL[by]
        named = [x for x in sizes.index if x != none]
        keep, rest = named[:top], named[top:]
        groups = keep + ([OTHER[by]] if rest else []) + ([none] if none in sizes.index else [])
        colors = list(PALETTE[:len(keep)]) + ([OTHER_COLOR] if rest else []) + ([NONE_COLOR] if none in sizes.index
                                                                             else [])

    position = {x: i for i, x in enumerate(groups)}
    pooled = len(groups) - (2 if NONE_LABEL.get(by) in position else 1)  # where "Other ..." sits, if anywhere
    to_group = np.array([position.get(u, pooled) for u in uniques], dtype=int)  # one entry per distinct label
    long["group"] = pd.Categorical.from_codes(to_group[codes], categories=groups)
    bars = long.groupby(["period", "group"], sort=True, observed=True).size().rename("events").reset_index()
    bars["group"] = bars["group"].astype(object)
    if bars.empty:
        totals = pd.DataFrame(columns=["period", "end", "mid", "period_key", "events", "distinct", "baseline"])
        bars = bars.assign(end=pd.Series(dtype="datetime64[ns]"), period_key=pd.Series(dtype=object),
                           period_total=pd.Series(dtype=int), order=pd.Series(dtype=int),
                           top=pd.Series(dtype=int), bottom=pd.Series(dtype=int))
        return Trend(period, by, window, bars, totals, groups, colors, long)

    cal = calendar(bars["period"].min(), bars["period"].max(), period)
    heights = bars.groupby("period")["events"].sum().reindex(cal, fill_value=0)
    distinct = p.value_counts().reindex(cal, fill_value=0)
    totals = pd.DataFrame({"period": cal, "events": heights.to_numpy(), "distinct": distinct.to_numpy()})
    totals["baseline"] = baseline(totals["events"], window)
    totals["end"] = period_end(totals["period"], period)
    totals["mid"] = totals["period"] + (totals["end"] - totals["period"]) / 2
    totals["period_key"] = period_key(totals["period"].dt, period)
    bars["end"] = period_end(bars["period"], period)
    bars["period_key"] = period_key(bars["period"].dt, period)
    bars = bars.merge(totals[["period", "distinct"]].rename(columns={"distinct": "period_total"}), on="period")
    bars["order"] = bars["group"].map({g_: i for i, g_ in enumerate(groups)})
    bars = bars.sort_values(["period", "order"])
    bars["top"] = bars.groupby("period")["events"].cumsum()  # stacked in legend order
    bars["bottom"] = bars["top"] - bars["events"]
    return Trend(period, by, window, bars.reset_index(drop=True), totals, groups, colors,
                 long[["period", "group"]])


def baseline(counts: pd.Series, window: int = 4) -> pd.Series:
    """The mean of the ``window`` values before each one (not including it): what a period is compared with."""
    return counts.shift(1).rolling(window, min_periods=window).mean()


def behind(df: pd.DataFrame, tr: Trend, key: str, group: str | None = None) -> pd.DataFrame:
    """The events of ``df`` behind a bar: a period (``key``), and one group of it when given."""
    start = pd.Timestamp(window_of(key, tr.period)[0])
    sel = tr.long[tr.long["period"] == start]
    if group is not None:
        sel = sel[sel["group"] == group]
    return df.loc[df.index.isin(sel.index)]


def selected(selection: object, param: str = "pick") -> tuple[str, str | None] | None:
    """(period key, group) clicked on the chart, from Streamlit's selection state, else None."""
    try:
        points = selection["selection"][param]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if not points:
        return None
    point = points[0]
    key = point.get("period_key")
    return (str(key), point.get("group")) if key else None


# --- assets, records, firsts -----------------------------------------------------------------

def asset_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Per event: ``aircraft`` and ``ships`` counted from its assets, and ``missions`` it states.

    "Tu-95MS x2" is 2 aircraft, "fighter jets" 1, "aircraft carrier" 1 ship, "troops" neither;
    "strategic bomber (30 missions)" is 1 aircraft and 30 missions.
    """
    a = df["assets"].explode().dropna().astype(str)
    codes, uniques = pd.factorize(a)  # assets repeat ("fighter jets"): read each distinct string once
    u = pd.Series(uniques, dtype=object)
    n = pd.to_numeric(u.str.extract(_X_COUNT, expand=False), errors="coerce").fillna(1)
    ship = u.str.contains(_SHIP)
    air = u.str.contains(_AIRCRAFT) & ~ship
    missions = pd.to_numeric(u.str.extract(_MISSIONS, expand=False), errors="coerce").fillna(0)
    per = pd.DataFrame({"aircraft": n.where(air, 0), "ships": n.where(ship, 0), "missions": missions})
    out = pd.DataFrame(per.to_numpy()[codes], columns=per.columns, index=a.index)
    return out.groupby(level=0).sum().reindex(df.index, fill_value=0).astype(int)


@dataclass(frozen=True)
class Flag:
    """A record or a first, in words, with the events behind it."""

    kind: str  # "record" | "first"
    text: str
    when: str  # a period key (records per period), a day (per day), the event's date (firsts)
    value: int | None
    ids: tuple[str, ...]
    latest: bool = False  # set (or tied) in the latest period shown: news
    at: tuple[str, ...] = ()  # every period (or day) that reached the record, ties included


def _lower(label: str) -> str:
    """A type label inside a sentence: "joint patrol", but "ADIZ / airspace incursion" keeps its acronym."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def _unit(period: str) -> str:
    return {"day": "day", "week": "week", "month": "month"}[period]


def _best(counts: pd.Series, member: pd.Series, df: pd.DataFrame, text: str, unit: str, label: Callable,
          key: Callable, latest: pd.Timestamp | None) -> Flag | None:
    """The record of ``counts`` (per period start): its value, first period, ties, the events behind it."""
    counts = counts[counts > 0]
    if counts.empty:
        return None
    top = counts.max()
    at = counts[counts == top].index.sort_values()
    others = len(at) - 1
    ties = f" (also {others} other {unit}{'s' if others > 1 else ''})" if others else ""
    first = at[0]
    ids = tuple(sorted(df.loc[member[member == first].index, "id"].astype(str)))
    return Flag("record", f"{text}: {int(top):,}, {label(first)}{ties}", key(first), int(top), ids,
                latest=latest is not None and latest in set(at), at=tuple(key(k) for k in at))


def once_per_activity(df: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` (:func:`asset_counts` of ``df``) with one activity reported by several outlets
    counted once, at its largest report: Yonhap's 9 aircraft and AP's 4 of one patrol are 9 that
    day, not 13 (events.corroboration groups them as the Sources page does)."""
    cols = ["aircraft", "ships"]
    counted = counts[cols].gt(0).any(axis=1).to_numpy()
    if counted.sum() < 2 or "source_name" not in df and "source_url" not in df:
        return counts  # nothing to merge, or no outlets to tell reports apart
    rows = np.flatnonzero(counted)
    out = counts.copy()
    for group in same_activity(df.iloc[rows]):
        at = rows[group]
        for col in cols:
            values = out[col].to_numpy()[at]
            keep = at[int(values.argmax())]
            out.iloc[[p for p in at if p != keep], out.columns.get_loc(col)] = 0
    return out


def records(df: pd.DataFrame, period: str = "week", since: date | None = None) -> list[Flag]:
    """Most events in one period, overall and per type; most aircraft and ships in one day.

    Aircraft and ships per day count single-day events only (an event over a month says
    nothing of one day). Ties are named: the first period that reached the record, and how
    many others matched it. A type with never more than one event a period has no record.
    """
    if df.empty:
        return []
    starts = to_datetime(df["date_start"])
    if since is not None:
        starts = starts.clip(lower=pd.Timestamp(since))
    keys = period_start(starts, period)  # datetimes: text only for the few periods named
    latest = keys.max()
    unit = _unit(period)

    def label(k: pd.Timestamp) -> str:
        return period_label(period_key(pd.DatetimeIndex([k]), period)[0], period)

    def key(k: pd.Timestamp) -> str:
        return period_key(pd.DatetimeIndex([k]), period)[0]

    out: list[Flag | None] = [_best(keys.value_counts(), keys, df, f"Most events in one {unit}", unit, label, key,
                                    latest)]
    by_type = pd.DataFrame({"type": df["type"], "key": keys}).groupby(["type", "key"]).size()
    present = set(by_type.index.get_level_values(0))
    for t in [t for t in et.EVENT_TYPES if t in present]:
        counts = by_type.loc[t]
        if counts.max() < 2:
            continue  # one event a period at most: no record worth the name
        out.append(_best(counts, keys.where(df["type"] == t), df, f"Most {_lower(et.label(t))} events in one {unit}",
                         unit, label, key, latest))

    one_day = df["date_end"].isna() | (df["date_end"] == df["date_start"])
    assets = once_per_activity(df[one_day], asset_counts(df[one_day]))
    days = to_datetime(df.loc[one_day, "date_start"]).dt.normalize()
    last_day = days.max() if len(days) else None

    def iso(k: pd.Timestamp) -> str:
        return k.strftime("%Y-%m-%d")

    for col in ("aircraft", "ships"):
        out.append(_best(assets[col].groupby(days).sum(), days.where(assets[col] > 0), df,
                         f"Most {col} in one day (single-day events)", "day", iso, iso, last_day))
    return [f for f in out if f is not None]


ROLE_TEXT = {"actors": "acting country", "observers": "approached / reacting country"}


def firsts(df: pd.DataFrame, among: pd.Index | None = None) -> list[Flag]:
    """The first event of each type with each country as actor, and as approached/reacting country.

    Found over all of ``df`` (the collection); only those whose event is in ``among`` (the view)
    are returned, newest first. A first means first *in the collection*: nothing earlier is known.
    """
    if df.empty:
        return []
    out: list[Flag] = []
    dates = to_datetime(df["date_start"]).to_numpy()
    types = pd.factorize(df["type"])[0]
    for col, role in ROLE_TEXT.items():
        codes = df[col].explode().dropna()  # one row per (event, country)
        if codes.empty:
            continue
        rows = df.index.get_indexer(codes.index)  # positions of their events
        order = dates[rows].argsort(kind="stable")  # earliest first; ties keep the store's order
        country = pd.factorize(codes)[0]
        pair = types[rows][order].astype(np.int64) * (country.max() + 1) + country[order]
        _, first = np.unique(pair, return_index=True)  # the earliest row of each (type, country)
        pos = order[first]
        hit = df.iloc[rows[pos]].assign(country=codes.to_numpy()[pos])
        if among is not None:
            hit = hit[hit.index.isin(among)]
        for row in hit[["id", "type", "date_start", "places", "country"]].itertuples(index=False):  # a few
            where = row.places[0] if len(row.places) else ""
            at = f", {where}" if where else ""
            out.append(Flag("first", f"First {_lower(et.label(row.type))} event with {_country_label(row.country)} "
                                     f"as {role}: {row.date_start}{at}", str(row.date_start), None, (str(row.id),)))
    out.sort(key=lambda f: (f.when, f.text), reverse=True)
    return out


# --- claims ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """"30 bomber approaches in the month to 2021-11-23": a count, a type, a window (inclusive)."""

    count: int
    type: str
    date_from: date
    date_to: date
    actor: str | None = None


@dataclass(frozen=True)
class ClaimCheck:
    claim: Claim
    overlapping: int  # events of the type whose dates overlap the window
    within: int  # of those, entirely inside it
    missions: int  # missions the reports themselves state ("30 missions"), summed over those events
    ids: tuple[str, ...]
    text: str


def window_to(end: date, length: str) -> tuple[date, date]:
    """The window of ``length`` ("month", "week", "year", "30 days") ending on ``end``, inclusive."""
    length = length.strip().lower()
    m = re.fullmatch(r"(\d{1,4})\s*days?", length)
    if m:
        return end - timedelta(days=int(m.group(1)) - 1), end
    step = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "fortnight": pd.DateOffset(weeks=2),
            "month": pd.DateOffset(months=1), "quarter": pd.DateOffset(months=3), "year": pd.DateOffset(years=1)}
    if length not in step:
        raise ValueError(f"unknown window {length!r}")
    return (pd.Timestamp(end) - step[length]).date() + timedelta(days=1), end


def _singular_words(text: str) -> list[str]:
    words = re.sub(r"[^a-z ]+", " ", text.casefold()).split()
    return [w[:-2] if w.endswith(("ches", "shes", "sses", "xes")) else w[:-1] if w.endswith("s") and
            not w.endswith("ss") else w for w in words]


def type_from_text(text: str) -> str | None:
    """The registry type a phrase names: "US bomber approaches" -> ``bomber_approach``; the longest name wins."""
    words = _singular_words(text)
    best: tuple[int, str] | None = None
    for t in et.REGISTRY:
        for name in {t.label, t.name.replace("_", " "), t.label.split(" / ")[-1]}:
            n = _singular_words(name)
            if any(words[i:i + len(n)] == n for i in range(len(words) - len(n) + 1)):
                if best is None or len(n) > best[0]:
                    best = (len(n), t.name)
    return best[1] if best else None


_CLAIM = re.compile(
    r"^\s*(?P<n>\d[\d,]*)\s+(?P<what>.+?)\s+(?:in|over|during)\s+the\s+(?:past\s+|last\s+|previous\s+)?"
    r"(?P<len>\d{1,4}\s*days?|day|week|fortnight|month|quarter|year)\s+(?:to|before|ending|until|up\s+to)\s+"
    r"(?P<end>\d{4}-\d{2}-\d{2})\s*\.?\s*$", re.I)
_CLAIM_RANGE = re.compile(
    r"^\s*(?P<n>\d[\d,]*)\s+(?P<what>.+?)\s+(?:between|from)\s+(?P<a>\d{4}-\d{2}-\d{2})\s+(?:and|to|-|–)\s+"
    r"(?P<b>\d{4}-\d{2}-\d{2})\s*\.?\s*$", re.I)


def parse_claim(text: str) -> Claim | None:
    """"30 bomber approaches in the month to 2021-11-23", "12 scrambles between 2021-01-01 and 2021-03-31"."""
    m = _CLAIM.match(text or "")
    r = None if m else _CLAIM_RANGE.match(text or "")
    if not (m or r):
        return None
    g = (m or r).groupdict()  # type: ignore[union-attr]
    t = type_from_text(g["what"])
    if t is None:
        return None
    try:
        if m:
            lo, hi = window_to(date.fromisoformat(g["end"]), g["len"])
        else:
            lo, hi = sorted((date.fromisoformat(g["a"]), date.fromisoformat(g["b"])))
    except ValueError:
        return None
    return Claim(int(g["n"].replace(",", "")), t, lo, hi)


def check_claim(df: pd.DataFrame, claim: Claim) -> ClaimCheck:
    """How many events of the claim's type (and actor) the collection ``df`` holds in its window."""
    mask = df["type"] == claim.type
    if claim.actor:
        mask &= df["actors"].explode().eq(claim.actor).groupby(level=0).any().reindex(df.index, fill_value=False)
    end = df["date_end"].where(df["date_end"].notna(), df["date_start"])
    mask &= (df["date_start"] <= claim.date_to) & (end >= claim.date_from)
    hits = df[mask]
    inside = int(((hits["date_start"] >= claim.date_from) & (end[mask] <= claim.date_to)).sum())
    missions = int(asset_counts(hits)["missions"].sum()) if len(hits) else 0
    what = _lower(et.label(claim.type))
    who = f" by {_country_label(claim.actor)}" if claim.actor else ""
    window = f"{claim.date_from.isoformat()} – {claim.date_to.isoformat()}"
    n = len(hits)
    text = (f"The collection holds {n:,} {what} event{'s' if n != 1 else ''}{who} overlapping {window}"
            + (f" ({inside:,} entirely within it)" if n else "") + f"; the claim is {claim.count:,}.")
    if missions:
        text += (f" The reports of these events themselves state {missions:,} missions in all: an event can be "
                 "a report's aggregate, not one flight.")
    if n < claim.count and not missions >= claim.count:
        text += " Fewer events are recorded than claimed: the collection holds only what reports it was given describe."
    return ClaimCheck(claim, n, inside, missions, tuple(hits["id"].astype(str)), text)


# --- charts and files ------------------------------------------------------------------------

def trend_chart(tr: Trend, flags: list[Flag] | None = None, title: str | None = None,
                select: bool = True) -> alt.LayerChart:
    """Stacked bars per period (clickable: selection ``pick`` on period and group), the dashed
    baseline, and a star over the period of the "most events" record."""
    unit = _unit(tr.period)
    sel = alt.selection_point(name="pick", fields=["period_key", "group"], on="click", clear="dblclick")
    x_title = {"day": "Day", "week": "Week (Monday to Sunday)", "month": "Month"}[tr.period]
    # a white edge separates stacked segments; past ~120 bars it would cover them (a bar < 1 px wide)
    edge = {"stroke": "white", "strokeWidth": 0.5} if len(tr.totals) <= 120 else {"strokeWidth": 0}
    bars = alt.Chart(tr.bars).mark_bar(**edge).encode(
        x=alt.X("period:T", title=x_title, scale=alt.Scale(padding=12)),
        x2="end:T",
        y=alt.Y("top:Q", title="Events" if tr.by in ("type", "area") else "Country-events",
                axis=alt.Axis(tickMinStep=1)),
        y2="bottom:Q",
        color=alt.Color("group:N", scale=alt.Scale(domain=tr.groups, range=tr.colors),
                        legend=alt.Legend(title=DIMENSIONS[tr.by], orient="right", labelLimit=220)),
        tooltip=[alt.Tooltip("period_key:N", title=unit.capitalize()),
                 alt.Tooltip("group:N", title=DIMENSIONS[tr.by]), alt.Tooltip("events:Q", title="Events"),
                 alt.Tooltip("period_total:Q", title=f"All events that {unit}")],
    )
    if select:
        bars = bars.add_params(sel).encode(opacity=alt.condition(sel, alt.value(1.0), alt.value(0.35)))
    line = alt.Chart(tr.totals).mark_line(color=BASELINE_COLOR, strokeDash=[5, 3], strokeWidth=1.6).encode(
        x="mid:T", y="baseline:Q",
        tooltip=[alt.Tooltip("period_key:N", title=unit.capitalize()),
                 alt.Tooltip("baseline:Q", title=f"Baseline: mean of the {tr.window} {unit}s before", format=".1f")])
    layers: list[alt.Chart] = [bars, line]
    rec = [f for f in (flags or []) if f.kind == "record" and f.text.startswith("Most events in one")]
    if rec and not tr.totals.empty:
        keys = set(rec[0].at)
        stars = tr.totals[tr.totals["period_key"].isin(keys)].assign(
            note=[rec[0].text] * int(tr.totals["period_key"].isin(keys).sum()))
        layers.append(alt.Chart(stars).mark_text(text="★", dy=-9, fontSize=15, color=RECORD_COLOR).encode(
            x="mid:T", y="events:Q", tooltip=[alt.Tooltip("note:N", title="Record")]))
    sub = (f"Dashed: baseline, the mean of the {tr.window} {unit}s before each. ★ most events in one {unit}. "
           "Counted in the period each event starts.")
    chart = alt.layer(*layers).properties(height=380, title=alt.TitleParams(title or "", subtitle=sub, anchor="start",
                                                                            fontSize=14, subtitleFontSize=11))
    return chart


def chart_image(chart: alt.TopLevelMixin, fmt: str, width: int = 1000, scale: float = 2.0) -> bytes:
    """PNG or SVG of a chart, rendered offline by vl-convert (no browser, no network)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    with alt.data_transformers.disable_max_rows():
        c = chart.properties(width=width)
        if fmt == "png":
            buf = io.BytesIO()
            c.save(buf, format="png", scale_factor=scale)
            return buf.getvalue()
        text = io.StringIO()
        c.save(text, format="svg")
        return text.getvalue().encode("utf-8")


def trend_csv(tr: Trend) -> bytes:
    """The chart's numbers: one row per period and group, with the period's total and baseline."""
    rows = tr.bars.merge(tr.totals[["period", "events", "baseline"]].rename(
        columns={"events": "bar_total", "baseline": "baseline"}), on="period", how="left")
    out = pd.DataFrame({
        "period": rows["period_key"],
        "period_start": rows["period"].dt.strftime("%Y-%m-%d"),
        "period_end": (rows["end"] - pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d"),
        DIMENSIONS[tr.by].lower().replace(" ", "_").replace("/", "").replace("__", "_"): rows["group"],
        "events": rows["events"],
        "events_that_period": rows["period_total"],
        f"baseline_mean_previous_{tr.window}": rows["baseline"].round(3),
    })
    return out.to_csv(index=False).encode("utf-8")
