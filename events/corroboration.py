"""Corroboration: one activity as each outlet reported it, side by side, with the disagreements.

Yonhap and Japan's Joint Staff both report a joint bomber patrol; each report is its own
stored event. An analyst wants to see who said what: one source counts 2 bombers and another
4, one dates it a day later, one calls it a joint patrol and the other an ADIZ incursion.

Grouping reuses the possible-duplicate comparison of :mod:`events.dedupe` (:func:`~events.dedupe.match`:
dates overlap, a place matches or lies close, actors overlap), applied to pairs of stored events
from *different* outlets whose types may describe one flight: a joint patrol, a bomber approach
and an ADIZ incursion are often the same aircraft seen from different capitals (see
:data:`FAMILIES`). Pairs that match are joined into groups (connected components).

Cheap at 100,000 events: rows are sorted by (type family, first day) and a binary search finds
how far each row's window reaches, so only rows whose dates overlap are ever paired; the
comparison then runs vectorised on those pairs (``python bench/views.py`` times it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from events import event_types as et
from events.dedupe import DEFAULT_MAX_KM, Side, _haversine, actor_overlap, day_bounds, match, normalise_place
from events.query import outlets
from events.schema import country_name

# Types that one activity may be reported as; any other type only matches itself. A scramble is
# the reacting country's own event (linked by ``related``), never the same claim as the flight.
FAMILIES: dict[str, str] = {"joint_patrol": "flight", "bomber_approach": "flight", "incursion": "flight"}
MIN_SCORE = 0.6  # above dedupe's 0.5: two reports with neither actors nor places never group on dates alone
CHUNK_PAIRS = 2_000_000  # candidate pairs scored at a time: bounds memory on a dense store

# The rows of a side-by-side table, in order; the keys are what a Disagreement names.
FIELDS: dict[str, str] = {
    "event": "Event", "type": "Type", "dates": "Dates", "actors": "Acting", "observers": "Approached / reacting",
    "assets": "Assets", "count": "Count", "places": "Places", "closest": "Closest approach",
    "published": "Published", "evidence": "Evidence",
}
FLAG = "⚠"
NO_SOURCE = "(no source)"  # the outlet of events with neither a source name nor a link

_TRAILING = re.compile(r"^(?P<what>.*?)\s*[x×]\s*(?P<n>\d{1,5})$", re.I)  # "Tu-95MS x2"
_LEADING = re.compile(r"^(?P<n>\d{1,5})\s+(?P<what>.+)$")  # "2 Tu-95MS"
_DESIGNATOR = re.compile(r"\b([A-Za-z]{1,3}-\d{1,3}[A-Za-z]{0,3}\d?)\b")  # Tu-95MS, H-6K, F-15J, Su-35S


def family(event_type: str) -> str:
    """The group of types one activity may be reported as (the type itself when it has none)."""
    return FAMILIES.get(event_type, event_type)


@lru_cache(maxsize=1)
def _number_words() -> list[tuple[str, int]]:
    """The extractor's number words, longest first ("a pair of" before "a"). Imported only when
    an asset starts with a word: loading the extractor package takes about half a second."""
    from events.extract.assets import NUMBER_WORDS

    return sorted(((w, n) for w, n in NUMBER_WORDS.items() if n > 0), key=lambda wn: -len(wn[0]))


@lru_cache(maxsize=65_536)  # asset strings repeat ("Tu-95MS x2") across thousands of events
def asset_count(asset: str) -> tuple[str, int | None]:
    """'Tu-95MS x2', '2 Tu-95MS', 'two Tu-95MS bombers' -> ('Tu-95MS', 2) (the platform as
    written, without the number); 'fighter jets' -> ('fighter jets', None): no number stated."""
    s = " ".join(str(asset).split())
    if m := _TRAILING.match(s):
        return m["what"] or s, int(m["n"])
    if m := _LEADING.match(s):
        return m["what"], int(m["n"])
    if s[:1].isalpha() and " " in s:
        low = s.casefold()
        for word, n in _number_words():
            if low.startswith(word + " "):
                return s[len(word) + 1:], n
    return s, None


def platform_key(what: str) -> str:
    """What two outlets' assets are compared on: the designator ('tu-95ms') when there is one,
    else the words, case-folded and singular ('fighter jet')."""
    if m := _DESIGNATOR.search(what):
        return m[1].casefold()
    words = what.casefold().split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


@dataclass(frozen=True)
class Claim:
    """What one stored event (one outlet's report) says about the activity."""

    id: str
    outlet: str
    type: str
    date_start: date
    date_end: date
    date_precision: str
    actors: tuple[str, ...]
    observers: tuple[str, ...]
    places: tuple[str, ...]
    assets: tuple[str, ...]
    closest_km: float | None
    lat: float | None
    lon: float | None
    source_url: str | None
    published: date | None
    evidence: str
    status: str

    @property
    def counts(self) -> dict[str, tuple[str, int]]:
        """Platform key -> (platform as written, number) for the assets that state a number."""
        out: dict[str, tuple[str, int]] = {}
        for a in self.assets:
            what, n = asset_count(a)
            if n is not None:
                key = platform_key(what)
                prev = out.get(key)
                out[key] = (what, n + (prev[1] if prev else 0))
        return out

    @property
    def total(self) -> int | None:
        """The number of assets, when every asset states one (else None: not comparable)."""
        parsed = [asset_count(a)[1] for a in self.assets]
        return sum(parsed) if parsed and all(n is not None for n in parsed) else None  # type: ignore[misc]

    @property
    def dates(self) -> str:
        if self.date_precision == "month":
            return f"{self.date_start:%Y-%m} (month)"
        if self.date_start == self.date_end:
            return self.date_start.isoformat()
        unsure = " (uncertain)" if self.date_precision == "unknown" else ""
        return f"{self.date_start.isoformat()} – {self.date_end.isoformat()}{unsure}"


@dataclass(frozen=True)
class Disagreement:
    """One field on which the outlets' claims differ, in plain words."""

    field: str  # a key of FIELDS
    text: str  # "count of Tu-95MS: Yonhap 2; Japan Joint Staff 4"


@dataclass(frozen=True)
class Group:
    """Events from two or more outlets that describe one activity."""

    claims: tuple[Claim, ...]  # oldest report first, then by outlet
    disagreements: tuple[Disagreement, ...]
    score: float  # the weakest match that holds the group together (0..1)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.claims)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.claims))

    @property
    def disputed(self) -> frozenset[str]:
        return frozenset(d.field for d in self.disagreements)

    @property
    def first_day(self) -> date:
        return min(c.date_start for c in self.claims)

    @property
    def last_day(self) -> date:
        return max(c.date_end for c in self.claims)

    def title(self) -> str:
        """'ADIZ / airspace incursion or joint patrol · 2021-11-19 · China, Russia → South Korea'."""
        labels = list(dict.fromkeys(et.label(c.type) for c in self.claims))
        types = " or ".join([labels[0], *map(_lower, labels[1:])])  # labels hold slashes: "ADIZ / airspace …"
        lo, hi = self.first_day, self.last_day
        when = lo.isoformat() if lo == hi else f"{lo.isoformat()} – {hi.isoformat()}"
        actors = ", ".join(country_name(a) for a in dict.fromkeys(a for c in self.claims for a in c.actors))
        observers = ", ".join(country_name(a) for a in dict.fromkeys(o for c in self.claims for o in c.observers))
        who = actors + (f" → {observers}" if observers else "")
        return " · ".join(x for x in (types, when, who) if x)


# ---- grouping ----------------------------------------------------------------------------------

def pairs(df: pd.DataFrame, *, max_km: float = DEFAULT_MAX_KM, tolerance_days: int = 1,
          min_score: float = MIN_SCORE) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions (i, j) of rows from different outlets that report one activity, and their scores.

    Stage 1 pairs only rows of one type family whose date windows overlap (within
    ``tolerance_days``), by sorting; stage 2 scores them with :func:`events.dedupe.match`.
    Rows without an outlet (no source name, no URL) are never paired: nobody to credit.
    """
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if len(df) < 2:
        return empty
    outlet = outlets(df).to_numpy(object)
    o_code = pd.factorize(outlet)[0]
    o_code[outlet == ""] = -1
    t_code, t_uniq = pd.factorize(df["type"])
    fam = pd.factorize(np.array([family(t) for t in t_uniq], dtype=object))[0][t_code].astype(np.int64)
    lo, hi = day_bounds(df)
    rows = np.flatnonzero(o_code >= 0)
    if len(rows) < 2:
        return empty
    base = int(lo[rows].min())
    span = int(hi[rows].max()) + tolerance_days - base + 1  # keys of one family never reach the next's
    key_lo = fam[rows] * span + (lo[rows] - base)
    order = rows[np.argsort(key_lo, kind="stable")]
    k_lo = fam[order] * span + (lo[order] - base)
    k_hi = fam[order] * span + (hi[order] + tolerance_days - base)
    # row k of the sorted order overlaps rows k+1 .. end-1: those starting before it ends
    reach = np.searchsorted(k_lo, k_hi, side="right") - np.arange(len(order)) - 1
    cum = np.cumsum(reach)
    side = Side.of(df, (lo, hi))
    out_i, out_j, out_s = [], [], []
    start = 0
    while start < len(order):
        done = cum[start - 1] if start else 0
        stop = max(int(np.searchsorted(cum, done + CHUNK_PAIRS, side="right")), start + 1)
        ks = np.arange(start, stop)
        c = reach[ks]
        i = np.repeat(ks, c)
        j = i + 1 + (np.arange(int(c.sum())) - np.repeat(np.cumsum(c) - c, c))
        a, b = order[i], order[j]
        other = o_code[a] != o_code[b]
        a, b = a[other], b[other]
        hit, a_len, b_len = actor_overlap(side, a, side, b)
        maybe = (hit > 0) | (a_len == 0) | (b_len == 0)  # both name actors, none shared: ruled out
        a, b = a[maybe], b[maybe]
        if len(a):
            m = match(side, a, side, b, max_km=max_km)
            keep = m.keep(min_score)
            out_i.append(a[keep])
            out_j.append(b[keep])
            out_s.append(m.score[keep])
        start = stop
    if not out_i:
        return empty
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s)


def cluster(outlet_code: np.ndarray, i: np.ndarray, j: np.ndarray, score: np.ndarray) -> list[tuple[list[int], float]]:
    """Matched pairs -> groups of positions, each with its weakest pair score.

    Best pairs first, two groups merge only if every event of one matches every event of the
    other and no outlet would appear twice: one claim per outlet, and no chain of loose matches
    (a month-long "in November" report linking every patrol of that month) grows a group.
    Isolated pairs, most of them in a real store, skip the loop.
    """
    if not len(i):
        return []
    deg = np.bincount(np.concatenate([i, j]))
    alone = (deg[i] == 1) & (deg[j] == 1)
    out = [([a, b], s) for a, b, s in zip(i[alone].tolist(), j[alone].tolist(), score[alone].tolist(), strict=True)]
    i, j, score = i[~alone], j[~alone], score[~alone]
    order = np.lexsort((j, i, -score))
    ii, jj, ss = i[order].tolist(), j[order].tolist(), score[order].tolist()
    codes = outlet_code.tolist()
    scores = {(min(a, b), max(a, b)): s for a, b, s in zip(ii, jj, ss, strict=True)}
    group_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    seen: dict[int, set[int]] = {}  # the outlets of each group
    next_id = 0
    for a, b in zip(ii, jj, strict=True):
        ga, gb = group_of.get(a, -1 - a), group_of.get(b, -1 - b)  # a negative id: not grouped yet
        if ga == gb:
            continue
        xs, ys = members.get(ga, [a]), members.get(gb, [b])
        ox, oy = seen.get(ga, {codes[a]}), seen.get(gb, {codes[b]})
        if not ox.isdisjoint(oy):
            continue
        if (len(xs) > 1 or len(ys) > 1) and not all((min(x, y), max(x, y)) in scores for x in xs for y in ys):
            continue
        if ga < 0 and gb < 0:
            gid, next_id = next_id, next_id + 1
        else:
            gid = ga if ga >= 0 else gb
        for g in (ga, gb):
            members.pop(g, None)
            seen.pop(g, None)
        members[gid], seen[gid] = xs + ys, ox | oy
        for x in members[gid]:
            group_of[x] = gid
    for ms in members.values():
        out.append((sorted(ms), min(scores[(min(x, y), max(x, y))] for x in ms for y in ms if x < y)))
    return out


def _clustered(df: pd.DataFrame, **match_kw: Any) -> tuple[list[tuple[list[int], float]], np.ndarray]:
    """The groups of positions of ``df`` (a fresh 0..n-1 index) and each row's outlet."""
    i, j, score = pairs(df, **match_kw)
    outlet = outlets(df).to_numpy(object)
    return (cluster(pd.factorize(outlet)[0], i, j, score) if len(i) else []), outlet


def same_activity(df: pd.DataFrame) -> list[list[int]]:
    """Positions in ``df`` of the events that two or more outlets report as one activity: the
    groups of :func:`groups` without their claims, for counting an activity once (Trends)."""
    return [pos for pos, _ in _clustered(df.reset_index(drop=True))[0]]


def groups(df: pd.DataFrame, *, max_km: float = DEFAULT_MAX_KM, tolerance_days: int = 1,
           min_score: float = MIN_SCORE) -> list[Group]:
    """Every group of events in ``df`` that two or more outlets report, each with its claims and
    disagreements; groups with disagreements first, then the most recent first."""
    df = df.reset_index(drop=True)
    found, outlet = _clustered(df, max_km=max_km, tolerance_days=tolerance_days, min_score=min_score)
    if not found:
        return []
    rows = np.array(sorted(p for pos, _ in found for p in pos), dtype=np.int64)
    claims = dict(zip(rows.tolist(), _claims(df.iloc[rows], outlet[rows]), strict=True))
    out: list[Group] = []
    for pos, weakest in found:
        cs = sorted((claims[p] for p in pos), key=lambda c: (c.published or c.date_start, c.outlet, c.id))
        out.append(Group(tuple(cs), tuple(disagreements(cs, max_km=max_km)), round(weakest, 3)))
    out.sort(key=lambda g: (not g.disagreements, -g.last_day.toordinal(), g.ids))
    return out


def _claims(df: pd.DataFrame, outlet: np.ndarray) -> list[Claim]:
    """The rows as claims, read column by column (a row at a time costs ten times more)."""
    n = len(df)

    def col(name: str, default: Any = None) -> list[Any]:
        return df[name].tolist() if name in df else [default] * n

    def num(v: Any) -> float | None:
        return float(v) if isinstance(v, (int, float)) and v == v else None

    columns = zip(col("id"), col("type"), col("date_start"), col("date_end"), col("date_precision", "day"),
                  col("actors"), col("observers"), col("places"), col("assets"), col("closest_approach_km"),
                  col("lat"), col("lon"), col("source_url"), col("published"), col("evidence", ""),
                  col("status", ""), outlet.tolist(), strict=True)
    return [Claim(id=str(eid), outlet=str(src), type=str(typ), date_start=start, date_end=end or start,
                  date_precision=str(prec), actors=tuple(actors or ()), observers=tuple(observers or ()),
                  places=tuple(places or ()), assets=tuple(assets or ()), closest_km=num(km), lat=num(lat),
                  lon=num(lon), source_url=url or None, published=pub if isinstance(pub, date) else None,
                  evidence=str(ev or ""), status=str(status or ""))
            for eid, typ, start, end, prec, actors, observers, places, assets, km, lat, lon, url, pub, ev, status, src
            in columns]


# ---- comparing claims --------------------------------------------------------------------------

def _by_outlet(claims: Iterable[Claim], value: Callable[[Claim], str]) -> str:
    """'Yonhap 2; Japan Joint Staff 4': each outlet with its value, an outlet named once per value."""
    return "; ".join(dict.fromkeys(f"{c.outlet} {value(c)}" for c in claims))


def _lower(label: str) -> str:
    """A type label inside a sentence: 'joint patrol', but 'ADIZ / airspace incursion' keeps its acronym."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def _countries(codes: Sequence[str]) -> str:
    return ", ".join(country_name(c) for c in codes)


def disagreements(claims: Sequence[Claim], *, max_km: float = DEFAULT_MAX_KM) -> list[Disagreement]:
    """The fields on which ``claims`` differ, in the order of :data:`FIELDS`. A side that does not
    state something (no count, no closest approach) neither agrees nor disagrees."""
    out: list[Disagreement] = []
    if len({c.type for c in claims}) > 1:
        out.append(Disagreement("type", "type: " + _by_outlet(claims, lambda c: _lower(et.label(c.type)))))
    if len({(c.date_start, c.date_end) for c in claims}) > 1:
        out.append(Disagreement("dates", "dates: " + _by_outlet(claims, lambda c: c.dates)))
    for key, what in (("actors", "acting countries"), ("observers", "approached / reacting countries")):
        stated = [c for c in claims if getattr(c, key)]
        if len({frozenset(getattr(c, key)) for c in stated}) > 1:
            out.append(Disagreement(key, f"{what}: " + _by_outlet(stated, lambda c, k=key: _countries(getattr(c, k)))))
    out += _count_disagreements(claims)
    far = _far_places(claims, max_km)
    if far:
        out.append(Disagreement("places", far))
    stated = [c for c in claims if c.closest_km is not None]
    if len({round(c.closest_km) for c in stated if c.closest_km is not None}) > 1:
        out.append(Disagreement("closest", "closest approach: " + _by_outlet(stated, lambda c: f"{c.closest_km:g} km")))
    return out


def _count_disagreements(claims: Sequence[Claim]) -> list[Disagreement]:
    """A platform two outlets count differently ('count of Tu-95MS: Yonhap 2; Joint Staff 4'); else,
    when every asset of at least two claims is counted, different totals."""
    out: list[Disagreement] = []
    counted = [(c, c.counts) for c in claims]
    keys = dict.fromkeys(k for _, cs in counted for k in cs)
    for key in keys:
        have = [(c, cs[key]) for c, cs in counted if key in cs]
        if len({c.outlet for c, _ in have}) > 1 and len({n for _, (_, n) in have}) > 1:
            what = have[0][1][0]
            name = m[1] if (m := _DESIGNATOR.search(what)) else what  # "Tu-95MS", not "Tu-95MS bombers"
            text = "; ".join(dict.fromkeys(f"{c.outlet} {n}" for c, (_, n) in have))
            out.append(Disagreement("count", f"count of {name}: {text}"))
    if out:
        return out
    totals = [c for c in claims if c.total is not None]
    if len({c.outlet for c in totals}) > 1 and len({c.total for c in totals}) > 1:
        out.append(Disagreement("count", "total count: " + _by_outlet(
            totals, lambda c: f"{c.total} ({', '.join(c.assets)})")))
    return out


def _far_places(claims: Sequence[Claim], max_km: float) -> str | None:
    """Two claims that name no place in common and whose points lie more than ``max_km`` apart."""
    for x, a in enumerate(claims):
        for b in claims[x + 1:]:
            if not (a.places and b.places) or a.lat is None or b.lat is None or a.lon is None or b.lon is None:
                continue
            if {normalise_place(p) for p in a.places} & {normalise_place(p) for p in b.places}:
                continue
            km = float(_haversine(a.lat, a.lon, np.array([b.lat]), np.array([b.lon]))[0])
            if km > max_km:
                return (f"places: {a.outlet} {', '.join(a.places)}; {b.outlet} {', '.join(b.places)} "
                        f"({km:,.0f} km apart)")
    return None


# ---- tables ------------------------------------------------------------------------------------

def headers(group: Group) -> list[str]:
    """One column name per claim: the outlet, numbered when it reported the activity twice."""
    seen: dict[str, int] = {}
    out = []
    for c in group.claims:
        seen[c.outlet] = seen.get(c.outlet, 0) + 1
        n = seen[c.outlet]
        out.append(c.outlet if n == 1 else f"{c.outlet} ({n})")
    return out


def _cells(c: Claim) -> dict[str, str]:
    counts = c.counts
    count = ", ".join(f"{n} {what}" for what, n in counts.values())
    if c.total is not None and len(counts) > 1:
        count += f" (total {c.total})"
    return {
        "event": c.id + (" (draft)" if c.status == "draft" else ""),
        "type": et.label(c.type),
        "dates": c.dates,
        "actors": _countries(c.actors),
        "observers": _countries(c.observers),
        "assets": "; ".join(c.assets),
        "count": count,
        "places": "; ".join(c.places),
        "closest": f"{c.closest_km:g} km" if c.closest_km is not None else "",
        "published": c.published.isoformat() if c.published else "",
        "evidence": c.evidence,
    }


def claims_table(group: Group, fields: Iterable[str] = tuple(FIELDS)) -> pd.DataFrame:
    """The group side by side: a row per field (keys of :data:`FIELDS`, in that order), a column
    per claim; a disputed row has :data:`FLAG` before its name and each of its cells. Plain
    text: show it as data."""
    cols = headers(group)
    cells = [_cells(c) for c in group.claims]
    rows = []
    for key in fields:
        label = FIELDS[key]
        flagged = key in group.disputed
        mark = f"{FLAG} " if flagged else ""
        rows.append({"Field": mark + label, **{h: (mark + cell[key]) if cell[key] else ""
                                                for h, cell in zip(cols, cells, strict=True)}})
    return pd.DataFrame(rows, columns=["Field", *cols])


def outlet_table(df: pd.DataFrame, found: Sequence[Group] = ()) -> pd.DataFrame:
    """Per outlet: events, first and last day, types with counts, and how many of its events
    another outlet reports too (and disagrees on). Most events first."""
    cols = ["outlet", "events", "first", "last", "types", "grouped", "disputed"]
    if not len(df):
        return pd.DataFrame(columns=cols)
    o = outlets(df).replace("", NO_SOURCE)
    base = pd.DataFrame({"outlet": o.to_numpy(), "type": df["type"].to_numpy(), "start": df["date_start"].to_numpy(),
                         "end": df["date_end"].to_numpy(), "id": df["id"].astype(str).to_numpy()})
    grouped = {i for g in found for i in g.ids}
    disputed = {i for g in found if g.disagreements for i in g.ids}
    base["grouped"], base["disputed"] = base["id"].isin(grouped), base["id"].isin(disputed)
    agg = base.groupby("outlet", sort=False).agg(events=("id", "size"), first=("start", "min"), last=("end", "max"),
                                                 grouped=("grouped", "sum"), disputed=("disputed", "sum"))
    per_type = base.groupby(["outlet", "type"], sort=False).size().sort_values(ascending=False, kind="stable")
    types = {o_: ", ".join(f"{et.label(t)} {n}" for (_, t), n in s.items())
             for o_, s in per_type.groupby(level=0, sort=False)}
    agg["types"] = agg.index.map(types)
    agg = agg.reset_index().sort_values(["events", "outlet"], ascending=[False, True], kind="stable")
    return agg[cols].reset_index(drop=True)
