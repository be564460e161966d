"""Possible duplicates: is a new draft an activity the store already has?

Several outlets report one bomber patrol, and one outlet reports it again the next day. A
reviewer should merge those, not approve them twice, so every draft is checked against the
stored events. A stored event is a *possible duplicate* when it has the same type, dates that
overlap (a day falls inside a month-precision event), a place that matches (same name once
normalised, or representative points within ``max_km``; a country or area point never rules a
match out) and actors that overlap. A side that
lacks places or actors neither confirms nor rules out a match; it only lowers the score.

The check is vectorised: type and dates filter all rows with numpy first, then actors, places
and distances are compared on the few rows left, so one candidate against 100,000 stored
events takes milliseconds (see ``tests/test_dedupe.py`` for the measured figure). The
comparison itself (:func:`match`, on pairs of rows) is shared with :mod:`events.corroboration`,
which finds the same activity reported by different outlets among the stored events.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from events.frame import events_frame
from events.geo_precision import COARSE
from events.schema import Event

EARTH_KM = 6371.0088
DEFAULT_MAX_KM = 300.0
UNKNOWN = 0.3  # component score when one side has nothing to compare (no actors, no place)
FRAME_COLUMNS = ("id", "type", "date_start", "date_end", "date_precision", "actors", "observers", "places",
                 "lat", "lon", "geo_precision", "source_url", "evidence", "status")

Duplicate = tuple[str, float, list[str]]


@lru_cache(maxsize=65_536)
def normalise_place(name: str) -> str:
    """'The  Sea of Japan.' -> 'sea of japan': case, accents, punctuation and a leading 'the' differ by outlet."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    s = re.sub(r"[\W_]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _days(values: pd.Series) -> np.ndarray:
    """Dates (objects, strings or datetimes) -> int64 days since 1970, vectorised."""
    return pd.to_datetime(values).to_numpy().astype("datetime64[D]").astype(np.int64)


def _widen(start: np.ndarray, end: np.ndarray, precision: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Month (or unknown) precision covers the whole month: '2024-06' overlaps 4 June."""
    coarse = np.isin(precision, ("month", "unknown"))
    if not coarse.any():
        return start, end
    m0 = start.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    m1 = ((end.astype("datetime64[D]").astype("datetime64[M]") + 1).astype("datetime64[D]").astype(np.int64)) - 1
    return np.where(coarse, m0, start), np.where(coarse, m1, end)


def day_bounds(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's first and last day (days since 1970), a month-precision date covering its month."""
    return _widen(_days(df["date_start"]), _days(df["date_end"]), df["date_precision"].to_numpy(object))


def _haversine(lat: float | np.ndarray, lon: float | np.ndarray, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _fmt_dates(start: object, end: object, precision: str) -> str:
    if precision == "month":
        return str(start)[:7] + " (month)"
    return str(start) if str(start) == str(end) else f"{start}..{end}"


@dataclass(frozen=True)
class Side:
    """A frame's columns as the matcher compares them, read once however many pairs use them.

    Country and place lists repeat (thousands of RUS+CHN patrols over the Sea of Japan), so each
    distinct list becomes a set once (:class:`Sets`).
    """

    lo: np.ndarray  # first and last day, days since 1970; month precision covers the month
    hi: np.ndarray
    actors: Sets
    places: Sets  # normalised names (:func:`normalise_place`)
    lat: np.ndarray
    lon: np.ndarray
    precise: np.ndarray  # a point that can be measured from (not a country or sea-area centroid)
    url: np.ndarray  # "" where absent
    evidence: np.ndarray
    url_hash: np.ndarray  # int64 hashes of the texts above (0: absent), compared before the texts
    evidence_hash: np.ndarray

    @classmethod
    def of(cls, df: pd.DataFrame, bounds: tuple[np.ndarray, np.ndarray] | None = None) -> Side:
        """``bounds``: the rows' (lo, hi) when the caller has them already (see :func:`day_bounds`)."""
        n = len(df)
        lo, hi = bounds if bounds is not None else day_bounds(df)

        def num(col: str) -> np.ndarray:
            return pd.to_numeric(df[col], errors="coerce").to_numpy(float) if col in df else np.full(n, np.nan)

        def text(col: str) -> tuple[np.ndarray, np.ndarray]:
            if col not in df:
                return np.full(n, "", dtype=object), np.zeros(n, dtype=np.int64)
            values = df[col].fillna("").to_numpy(object)
            codes, uniq = pd.factorize(values)
            return values, np.array([hash(x) if x else 0 for x in uniq] + [0], dtype=np.int64)[codes]

        precise = ~df["geo_precision"].isin(COARSE).to_numpy(bool) if "geo_precision" in df else np.zeros(n, bool)
        (url, url_h), (ev, ev_h) = text("source_url"), text("evidence")
        return cls(lo, hi, Sets.of(df["actors"]), Sets.of(df["places"], normalise_place), num("lat"), num("lon"),
                   precise, url, ev, url_h, ev_h)


@dataclass(frozen=True)
class Sets:
    """A list column as a code per row into its distinct sets, and those sets as rows of string
    hashes (padded to ``PAD`` items), so the overlap of a million pairs is a few array compares."""

    code: np.ndarray
    sets: list[frozenset[str]]
    size: np.ndarray  # items per set
    hashes: np.ndarray  # (len(sets), width) int64; columns past a set's size are padding

    @classmethod
    def of(cls, values: pd.Series, norm: Callable[[str], str] | None = None) -> Sets:
        """Each row's list as a set (normalised by ``norm``, blanks dropped)."""
        codes, uniq = pd.factorize(values.map(lambda v: tuple(v) if isinstance(v, (list, tuple)) else ()))
        sets = [frozenset(map(norm, t)) - {""} if norm else frozenset(t) for t in uniq] or [frozenset()]
        size = np.array([len(x) for x in sets], dtype=np.int64)
        width = int(min(max(size.max(), 1), PAD))
        hashes = np.zeros((len(sets), width), dtype=np.int64)
        for k, x in enumerate(sets):
            h = [hash(v) for v in sorted(x)][:width]
            hashes[k, :len(h)] = h
        return cls(codes.astype(np.int64), sets, size, hashes)


PAD = 4  # a set of more items (an event naming five places) is intersected as Python sets


def _shared(a: Sets, ia: np.ndarray, b: Sets, ib: np.ndarray) -> np.ndarray:
    """How many items each pair (a[ia[k]], b[ib[k]]) shares.

    Few distinct sets (country lists): a table of the distinct pairs met, no sort. Many (the place
    lists of a large store): the padded hashes compared column by column (distinct strings with
    one 64-bit hash are not a practical concern), and sets past ``PAD`` items as Python sets."""
    ca, cb = a.code[ia], b.code[ib]
    if not len(ca):
        return np.zeros(0, dtype=np.int64)
    width = len(b.sets)
    cells = len(a.sets) * width
    if cells <= _DENSE_CELLS:
        key = ca * width + cb
        seen = np.zeros(cells, dtype=bool)
        seen[key] = True
        keys = np.flatnonzero(seen)
        table = np.zeros(cells, dtype=np.int64)
        table[keys] = [len(a.sets[k // width] & b.sets[k % width]) for k in keys.tolist()]
        return table[key]
    sa, sb = a.size[ca], b.size[cb]
    out = np.zeros(len(ca), dtype=np.int64)
    for x in range(a.hashes.shape[1]):
        hx, vx = a.hashes[ca, x], sa > x
        for y in range(b.hashes.shape[1]):
            out += (hx == b.hashes[cb, y]) & vx & (sb > y)
    big = np.flatnonzero((sa > PAD) | (sb > PAD))
    out[big] = [len(a.sets[p] & b.sets[q]) for p, q in zip(ca[big].tolist(), cb[big].tolist(), strict=True)]
    return out


_DENSE_CELLS = 4_000_000


def _same_text(ha: np.ndarray, ta: np.ndarray, ia: np.ndarray, hb: np.ndarray, tb: np.ndarray,
               ib: np.ndarray) -> np.ndarray:
    """Pairs whose texts are equal and not empty: integer hashes first (comparing millions of
    Python strings is slow), the texts themselves only where the hashes agree."""
    same = (ha[ia] == hb[ib]) & (ha[ia] != 0)
    hits = np.flatnonzero(same)
    same[hits] = ta[ia[hits]] == tb[ib[hits]]
    return same


@dataclass(frozen=True)
class Match:
    """How row ``ia[k]`` of one side matches row ``ib[k]`` of the other, component by component."""

    score: np.ndarray  # 0..1
    inter_days: np.ndarray  # days the two windows share (<= 0: only within the tolerance)
    actors_known: np.ndarray  # both sides name actors
    actor_bad: np.ndarray  # ... and none is shared: rules the pair out
    place_hit: np.ndarray  # a place name in common
    dist: np.ndarray  # km between representative points; NaN when a side has none, or a name matched
    place_near: np.ndarray
    place_bad: np.ndarray  # both points precise, no name in common, farther than max_km: rules out
    same_src: np.ndarray
    same_ev: np.ndarray

    def keep(self, min_score: float) -> np.ndarray:
        return ~self.actor_bad & ~self.place_bad & (self.score >= min_score)


def actor_overlap(a: Side, ia: np.ndarray, b: Side, ib: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair: actors shared, actors of each side. Cheap (a table of the few distinct country
    lists), so a caller with many pairs can drop those it rules out before :func:`match`."""
    return _shared(a.actors, ia, b.actors, ib), a.actors.size[a.actors.code[ia]], b.actors.size[b.actors.code[ib]]


def match(a: Side, ia: np.ndarray, b: Side, ib: np.ndarray, *, max_km: float = DEFAULT_MAX_KM) -> Match:
    """Score the pairs (a[ia[k]], b[ib[k]]), vectorised: what both :func:`possible_duplicates` (one
    candidate against the store) and the corroboration groups (the store against itself) use."""
    a_lo, a_hi, b_lo, b_hi = a.lo[ia], a.hi[ia], b.lo[ib], b.hi[ib]
    inter = np.minimum(a_hi, b_hi) - np.maximum(a_lo, b_lo) + 1
    union = np.maximum(a_hi, b_hi) - np.minimum(a_lo, b_lo) + 1
    date_score = np.where(inter > 0, 0.5 + 0.5 * np.clip(inter, 0, None) / union, 0.4)

    hit, a_len, b_len = actor_overlap(a, ia, b, ib)
    actors_known = (a_len > 0) & (b_len > 0)
    actor_score = np.where(actors_known, hit / np.maximum(a_len + b_len - hit, 1), UNKNOWN)
    actor_bad = actors_known & (hit == 0)

    p_hit = _shared(a.places, ia, b.places, ib) > 0
    dist = np.full(len(ia), np.nan)
    need = ~p_hit  # a shared name decides the place; the distance is only read without one
    dist[need] = _haversine(a.lat[ia[need]], a.lon[ia[need]], b.lat[ib[need]], b.lon[ib[need]])
    has_dist = np.isfinite(dist)
    p_near = has_dist & (dist <= max_km)
    place_score = np.where(p_hit, 1.0, np.where(p_near, 1.0 - 0.5 * np.nan_to_num(dist) / max_km, UNKNOWN))
    # A country or sea-area point (Japan's centroid for "Japanese airspace") says little about
    # where it happened: distance rules a pair out only when both points are precise.
    place_bad = ~p_hit & has_dist & ~p_near & a.precise[ia] & b.precise[ib]

    same_src = _same_text(a.url_hash, a.url, ia, b.url_hash, b.url, ib)
    same_ev = _same_text(a.evidence_hash, a.evidence, ia, b.evidence_hash, b.evidence, ib)
    score = 0.3 * date_score + 0.35 * place_score + 0.35 * actor_score + 0.1 * same_src + 0.1 * same_ev
    return Match(np.minimum(score, 1.0), inter, actors_known, actor_bad, p_hit, dist, p_near, place_bad,
                 same_src, same_ev)


def possible_duplicates(
    candidate: Event,
    stored: pd.DataFrame,
    *,
    max_km: float = DEFAULT_MAX_KM,
    tolerance_days: int = 1,
    min_score: float = 0.5,
    limit: int = 10,
) -> list[Duplicate]:
    """Stored events that may report the same activity as ``candidate``, best first.

    ``stored`` is a frame as :meth:`events.store.Store.frame` returns (or :func:`events.frame.events_frame`).
    Returns ``[(event_id, score, reasons), ...]`` with score in 0..1 and reasons readable by a
    reviewer ("same place: Sea of Japan", "actors overlap: RUS, CHN"). ``tolerance_days`` absorbs
    a report dated in another time zone. The candidate's own id is never returned.
    """
    if stored is None or stored.empty:
        return []
    # ---- stage 1: type and dates over every row, pure numpy ------------------------------------
    mask = (stored["type"] == candidate.type).to_numpy(dtype=bool) & (stored["id"] != candidate.id).to_numpy(bool)
    if not mask.any():
        return []
    sub = stored.loc[mask]
    s_lo, s_hi = day_bounds(sub)
    c_end = candidate.date_end or candidate.date_start
    c_lo, c_hi = _widen(np.array([(candidate.date_start - _EPOCH).days]), np.array([(c_end - _EPOCH).days]),
                        np.array([candidate.date_precision], dtype=object))
    c_lo0, c_hi0 = int(c_lo[0]), int(c_hi[0])
    near = (s_lo <= c_hi0 + tolerance_days) & (s_hi >= c_lo0 - tolerance_days)
    if not near.any():
        return []
    sub = sub.iloc[np.flatnonzero(near)]
    n = len(sub)
    pos = np.arange(n)

    # ---- stage 2: actors, places, distance, source on the survivors ---------------------------
    m = match(Side.of(events_frame([candidate])), np.zeros(n, dtype=np.int64), Side.of(sub, (s_lo[near], s_hi[near])),
              pos, max_km=max_km)
    score = m.score
    keep = m.keep(min_score)
    order = pos[keep][np.argsort(-score[keep], kind="stable")][:limit]
    cand_places = {normalise_place(p) for p in candidate.places} - {""}
    p_hit, p_near, dist, actors_known = m.place_hit, m.place_near, m.dist, m.actors_known
    has_dist, same_src, same_ev = np.isfinite(dist), m.same_src, m.same_ev

    out: list[Duplicate] = []
    ids = sub["id"].to_numpy(object)
    c_dates = _fmt_dates(candidate.date_start, c_end, candidate.date_precision)
    for i in order:
        row = sub.iloc[i]
        s_dates = _fmt_dates(row["date_start"], row["date_end"], row["date_precision"])
        reasons = [f"same type: {candidate.type}", f"dates overlap: {c_dates} and {s_dates}"]
        if p_hit[i]:
            shared = [p for p in row["places"] if normalise_place(p) in cand_places]
            reasons.append(f"same place: {', '.join(dict.fromkeys(shared))}")
        elif p_near[i]:
            reasons.append(f"{dist[i]:.0f} km apart")
        elif has_dist[i]:
            reasons.append(f"{dist[i]:.0f} km apart, but one place is only a country or area")
        else:
            reasons.append("no place to compare")
        if actors_known[i]:
            reasons.append(f"actors overlap: {', '.join(a for a in candidate.actors if a in set(row['actors']))}")
        else:
            reasons.append("no actors to compare")
        if same_src[i]:
            reasons.append("same source")
        if same_ev[i]:
            reasons.append("same evidence sentence")
        if row.get("status") == "draft":
            reasons.append("stored event is a draft")
        out.append((str(ids[i]), round(float(score[i]), 3), reasons))
    return out


_EPOCH = pd.Timestamp(0).date()
