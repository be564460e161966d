"""The events a map draws, as JSON for the scripts of static/sortie/: drawing columns and cards.

The columns (id, type, days, point, precision, tooltip, links, and the shapes of routes and
areas) are what the canvas needs to draw; the cards (dates in words, countries, places, assets,
evidence, source) are most of the bytes and are only needed on a click, so they are a second
file. Report text travels as plain strings and is rendered with textContent in the browser, so
no HTML is built here. The dashboard serves both as static files named by content hash
(fetched once, cached by the browser) instead of sending them over Streamlit's websocket on
every rerun; exports embed them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from events import event_types as et
from events.geo_precision import GEO_PRECISIONS  # indices shared with static/sortie
from events.schema import country_name
from maps.text import date_text, tooltip_text

STATIC = Path(__file__).resolve().parent.parent / "static"
CACHE = STATIC / "cache"
CACHE_URL = "/app/static/cache/"
KEEP_FILES = 32
EPOCH = date(1970, 1, 1)


def day_number(d: date) -> int:
    return (d - EPOCH).days


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(coords, 4)
    return [_round(c) for c in coords]


def _text(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


DRAW_COLUMNS = ("id", "t", "d0", "d1", "lat", "lon", "gp", "km", "tip", "rel", "inf")


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    """Every located event as the map needs it: drawing columns, geometry and card as JSON text.

    Made once per store write and cached by the app; the map of any filter is then a selection
    of rows and a few joins (milliseconds at 100,000 events).
    """
    loc = df[df["geometry"].notna()]
    type_index = {t: i for i, t in enumerate(et.EVENT_TYPES)}
    gp_index = {g: i for i, g in enumerate(GEO_PRECISIONS)}
    fields = ("id", "type", "date_start", "date_end", "date_precision", "actors", "observers", "places", "assets",
              "evidence", "source_name", "source_url", "published", "status", "lat", "lon", "geo_precision",
              "closest_approach_km", "related", "geometry", "modality")
    rows = []
    # plain column lists: DataFrame.to_dict("records") alone took half the time at 100,000 events
    for (eid, etype, start, end, dprec, actors, observers, places, assets, evidence, sname, surl, published,
         status, lat, lon, gprec, km, related, geom, modality) in zip(*(loc[f].tolist() for f in fields), strict=True):
        line = geom["type"] in ("LineString", "MultiLineString")
        card = [date_text(start, end, dprec), actors, observers, places, assets, evidence or "", _text(sname),
                _text(surl), published.isoformat() if isinstance(published, date) else None, status,
                None if modality == "reported" else modality]
        rows.append((
            eid, type_index[etype], day_number(start), day_number(end), round(float(lat), 4), round(float(lon), 4),
            gp_index[gprec], None if km is None or km != km else float(km),
            tooltip_text({"type": etype, "actors": actors, "date_start": start}), related,
            # a line through named places is our drawing, not a reported track
            int(line and gprec != "exact"),
            "" if geom["type"] == "Point" else json.dumps(
                {"type": geom["type"], "coordinates": _round(geom["coordinates"])}, separators=(",", ":")),
            json.dumps(card, ensure_ascii=False, separators=(",", ":")),
        ))
    return pd.DataFrame(rows, index=loc.index, columns=[*DRAW_COLUMNS, "geom", "card"])


def columns_text(prep: pd.DataFrame) -> str:
    """The drawing data as JSON columns (far smaller and faster to parse than one object per event)."""
    cols = {c: prep[c].tolist() for c in DRAW_COLUMNS}
    cols["km"] = [None if v != v else v for v in cols["km"]]  # pandas stores a missing float as NaN
    head = json.dumps(cols, ensure_ascii=False, separators=(",", ":"))[:-1]
    geoms = ",".join(f'"{i}":{g}' for i, g in enumerate(prep["geom"]) if g)
    return head + ',"geom":{' + geoms + "}}"


def cards_text(prep: pd.DataFrame) -> str:
    """Card details row by row, aligned with :func:`columns_text`; fetched on the first click."""
    return "[" + ",".join(prep["card"]) + "]"


def country_names(df: pd.DataFrame) -> dict[str, str]:
    codes = {c for col in ("actors", "observers") for cs in df[col] for c in cs}
    return {c: country_name(c) for c in sorted(codes)}


def publish(data: Any, kind: str = "events") -> str:
    """Write JSON data (or JSON text) under static/cache/, named by content hash; return its URL."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    raw = text.encode("utf-8")
    name = f"{kind}-{hashlib.sha1(raw).hexdigest()[:16]}.json"
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / name
    if not target.exists():
        tmp = target.with_suffix(".part")
        tmp.write_bytes(raw)
        tmp.replace(target)
        old = sorted(CACHE.glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime)[:-KEEP_FILES]
        for p in old:
            p.unlink(missing_ok=True)
    else:
        target.touch()
    return CACHE_URL + name


def unpublish(kinds: tuple[str, ...] = ("events", "cards")) -> int:
    """Remove published files of these kinds (a deployment turning accounts on: event data must
    not stay readable under /app/static/); returns how many."""
    gone = 0
    for kind in kinds:
        for p in CACHE.glob(f"{kind}-*.json"):
            p.unlink(missing_ok=True)
            gone += 1
    return gone
