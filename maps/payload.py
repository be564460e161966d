"""The events a map draws, for the scripts of static/sortie/: drawing columns and cards.

The columns (id, type, days, point, precision, tooltip, links, and the shapes of routes and
areas) are what the canvas needs to draw; the cards (dates in words, countries, places, assets,
evidence, source) are most of the bytes and are only needed on a click, so they are a second
file. Both travel in :mod:`maps.pack`'s compact encoding. Report text travels as plain strings
and is rendered with textContent in the browser, so no HTML is built here. The dashboard serves
both as static files named by content hash (fetched once, cached by the browser) instead of
sending them over Streamlit's websocket on every rerun; exports embed them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd

from events import event_types as et
from events.frame import decode_json
from events.geo_precision import GEO_PRECISIONS  # indices shared with static/sortie
from events.schema import country_name
from maps.border_approach import place_on_borders
from maps.text import date_text, tooltip_text

STATIC = Path(__file__).resolve().parent.parent / "static"
CACHE = STATIC / "cache"
CACHE_URL = "/app/static/cache/"
KEEP_FILES = 32
EPOCH = date(1970, 1, 1)


def day_number(d: date) -> int:
    return (d - EPOCH).days


def _text(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


DRAW_COLUMNS = ("id", "t", "d0", "d1", "lat", "lon", "gp", "km", "tip", "rel", "inf")


FIELDS = ("id", "type", "date_start", "date_end", "date_precision", "actors", "observers", "places", "assets",
          "evidence", "source_name", "source_url", "published", "status", "lat", "lon", "geo_precision",
          "closest_approach_km", "related", "geometry", "modality")  # what prepare() reads


def _dump(v: Any) -> str:
    """Compact UTF-8 JSON by orjson: a card per event made json.dumps most of an export's time."""
    return orjson.dumps(v).decode("utf-8")



_GEOM_TYPE = re.compile(r'"type"\s*:\s*"(\w+)"')


def _geom_type(g: Any) -> str:
    """A geometry's type, from its dict or (without parsing the coordinates) its JSON text."""
    if isinstance(g, dict):
        return g["type"]
    if g.startswith('{"type":"Point"'):  # most events, as SQLite stores them
        return "Point"
    m = _GEOM_TYPE.search(g)
    return m.group(1) if m else ""


def _json(v: Any) -> str:
    """A list or geometry column's value as JSON text; a frame read with ``json_text`` already has it."""
    return v if isinstance(v, str) else _dump(v)


def drawn_index(df: pd.DataFrame) -> pd.Index:
    """The rows of ``df`` the map draws, in its order: :func:`prepare`'s, without preparing them."""
    return df.index[df["geometry"].notna()]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    """Every located event as the map needs it: drawing columns, route/area geometry, card as JSON text.

    Made once per store write and cached by the app; the map of any filter is then a selection
    of rows and a few joins (milliseconds at 100,000 events). List and geometry columns may be
    decoded or JSON text (``Store.scan(json_text=True)``): the card copies the text as it is.
    """
    loc = df.loc[drawn_index(df)]
    col = {f: loc[f].tolist() for f in FIELDS}
    when: dict[tuple[Any, Any, Any], str] = {}  # (start, end, precision) repeat: each date text made once
    gtypes = [_geom_type(g) for g in col["geometry"]]
    cards, tips = [], []
    # plain column lists: DataFrame.to_dict("records") alone took half the time at 100,000 events
    col["who"] = decode_json(col["actors"])  # for the tooltips; the card copies the text as it is
    for (etype, start, end, dprec, actors, who, observers, places, assets, evidence, sname, surl, published, status,
         modality) in zip(*(col[f] for f in ("type", "date_start", "date_end", "date_precision", "actors", "who",
                                               "observers", "places", "assets", "evidence", "source_name",
                                               "source_url", "published", "status", "modality")), strict=True):
        key = (start, end, dprec)
        if key not in when:
            when[key] = _dump(date_text(start, end, dprec))
        scalars = _dump([evidence or "", _text(sname), _text(surl),
                         published.isoformat() if isinstance(published, date) else None, status,
                         None if modality == "reported" else modality])
        cards.append(f"[{when[key]},{_json(actors)},{_json(observers)},{_json(places)},{_json(assets)},{scalars[1:]}")
        tips.append(tooltip_text({"type": etype, "actors": who, "date_start": start}))
    type_index = {t: i for i, t in enumerate(et.EVENT_TYPES)}
    gp_index = {g: i for i, g in enumerate(GEO_PRECISIONS)}
    km = pd.to_numeric(pd.Series(col["closest_approach_km"], index=loc.index, dtype=object), errors="coerce")

    def days(values: list[date]) -> np.ndarray:
        return np.fromiter((d.toordinal() for d in values), np.int64, len(values)) - EPOCH.toordinal()

    out = pd.DataFrame({
        "id": pd.Series(col["id"], index=loc.index, dtype=object),
        "t": loc["type"].map(type_index).astype(np.int64),
        "d0": days(col["date_start"]), "d1": days(col["date_end"]),
        "lat": loc["lat"].astype(float).round(4), "lon": loc["lon"].astype(float).round(4),
        "gp": loc["geo_precision"].map(gp_index).astype(np.int64),
        "km": km.astype(object).where(km.notna(), None),
        "tip": pd.Series(tips, index=loc.index, dtype=object),
        "rel": pd.Series([r or None for r in decode_json(col["related"])],
                         index=loc.index, dtype=object),
        # a line through named places is our drawing, not a reported track
        "inf": [int(g in ("LineString", "MultiLineString") and p != "exact")
                for g, p in zip(gtypes, col["geo_precision"], strict=True)],
        # routes and areas as dict or JSON text (maps.pack reads both); a point is drawn at lat/lon
        "geom": pd.Series([None if t in ("Point", "MultiPoint") else g for t, g in zip(gtypes, col["geometry"],
                                                                                      strict=True)],
                          index=loc.index, dtype=object),
        "card": pd.Series(cards, index=loc.index, dtype=object),
    }, index=loc.index)
    place_on_borders(out, loc)
    return out


def country_names(df: pd.DataFrame) -> dict[str, str]:
    codes = {c for col in ("actors", "observers") for cs in df[col] for c in cs}
    return {c: country_name(c) for c in sorted(codes)}


_HASH_CHARS = 16  # of a published file's content hash, in its name


def publish(data: Any, kind: str = "events") -> str:
    """Write data under static/cache/, named by content hash; return its URL. Bytes (a
    :mod:`maps.pack` file, gzip'd already) are written as they are, as ``.gz``; anything else
    as gzip'd JSON, ``.json.gz`` (``Sortie.load`` unzips it).

    Gzip'd once here, not per visitor: Streamlit serves a ``.gz`` file as ``application/gzip``,
    which its HTTP compression skips, where it compressed the JSON (and re-compressed the packs)
    on every request, CPU in proportion to the events for every page view."""
    if isinstance(data, bytes):
        raw, suffix = data, "gz"
    else:
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        raw, suffix = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0), "json.gz"
    name = f"{kind}-{hashlib.sha1(raw).hexdigest()[:_HASH_CHARS]}.{suffix}"
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / name
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(raw)
        tmp.replace(target)
        mine = CACHE.glob(f"{kind}-{'[0-9a-f]' * _HASH_CHARS}.{suffix}")  # not "events-zones-..." for "events"
        old = sorted(mine, key=lambda p: p.stat().st_mtime)[:-KEEP_FILES]
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
        for p in CACHE.glob(f"{kind}-*.*"):
            p.unlink(missing_ok=True)
            gone += 1
    return gone
