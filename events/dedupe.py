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
events takes milliseconds (see ``tests/test_dedupe.py`` for the measured figure).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

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


def _haversine(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _fmt_dates(start: object, end: object, precision: str) -> str:
    if precision == "month":
        return str(start)[:7] + " (month)"
    return str(start) if str(start) == str(end) else f"{start}..{end}"


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
    s_lo, s_hi = _widen(_days(sub["date_start"]), _days(sub["date_end"]), sub["date_precision"].to_numpy(object))
    c_end = candidate.date_end or candidate.date_start
    c_lo, c_hi = _widen(np.array([(candidate.date_start - _EPOCH).days]), np.array([(c_end - _EPOCH).days]),
                        np.array([candidate.date_precision], dtype=object))
    c_lo0, c_hi0 = int(c_lo[0]), int(c_hi[0])
    near = (s_lo <= c_hi0 + tolerance_days) & (s_hi >= c_lo0 - tolerance_days)
    if not near.any():
        return []
    sub, s_lo, s_hi = sub.iloc[np.flatnonzero(near)], s_lo[near], s_hi[near]
    n = len(sub)
    pos = np.arange(n)

    # ---- stage 2: actors, places, distance, source on the survivors ---------------------------
    inter = np.minimum(s_hi, c_hi0) - np.maximum(s_lo, c_lo0) + 1
    union = np.maximum(s_hi, c_hi0) - np.minimum(s_lo, c_lo0) + 1
    date_score = np.where(inter > 0, 0.5 + 0.5 * np.clip(inter, 0, None) / union, 0.4)

    cand_actors = set(candidate.actors)
    actors = sub["actors"].reset_index(drop=True)
    a_len = actors.map(len).to_numpy()
    a_ex = actors.explode()
    a_hit = np.bincount(a_ex.index.to_numpy()[a_ex.isin(cand_actors).to_numpy()], minlength=n)
    actors_known = (a_len > 0) & bool(cand_actors)
    actor_score = np.where(actors_known, a_hit / np.maximum(a_len + len(cand_actors) - a_hit, 1), UNKNOWN)
    actor_bad = actors_known & (a_hit == 0)

    cand_places = {normalise_place(p) for p in candidate.places} - {""}
    places = sub["places"].reset_index(drop=True).explode().dropna()
    p_hit = np.zeros(n, dtype=bool)
    if cand_places and len(places):
        hit_rows = places.index.to_numpy()[places.map(normalise_place).isin(cand_places).to_numpy()]
        p_hit[hit_rows] = True
    pt = candidate.point
    lat = sub["lat"].to_numpy(dtype=float) if "lat" in sub else np.full(n, np.nan)
    lon = sub["lon"].to_numpy(dtype=float) if "lon" in sub else np.full(n, np.nan)
    dist = _haversine(pt[0], pt[1], lat, lon) if pt else np.full(n, np.nan)
    has_dist = np.isfinite(dist)
    p_near = has_dist & (dist <= max_km)
    place_score = np.where(p_hit, 1.0, np.where(p_near, 1.0 - 0.5 * np.nan_to_num(dist) / max_km, UNKNOWN))
    # A country or sea-area point (Japan's centroid for "Japanese airspace") says little about
    # where it happened: distance rules a row out only when both points are precise.
    s_precise = ~sub["geo_precision"].isin(COARSE).to_numpy(bool) if "geo_precision" in sub else np.zeros(n, bool)
    precise = s_precise & (candidate.geo_precision not in COARSE)
    place_bad = ~p_hit & has_dist & ~p_near & precise

    same_src = (sub["source_url"] == candidate.source_url).to_numpy(bool) if candidate.source_url else np.zeros(n, bool)
    same_ev = (sub["evidence"] == candidate.evidence).to_numpy(bool) if candidate.evidence else np.zeros(n, bool)
    score = 0.3 * date_score + 0.35 * place_score + 0.35 * actor_score + 0.1 * same_src + 0.1 * same_ev
    score = np.minimum(score, 1.0)
    keep = ~actor_bad & ~place_bad & (score >= min_score)
    order = pos[keep][np.argsort(-score[keep], kind="stable")][:limit]

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
