"""The events a map draws, as one compact JSON payload for static/sortie/sortie-map.js.

Report text travels as plain strings and is rendered with textContent in the browser, so no
HTML is built here. At 100,000 events the payload is tens of megabytes: the dashboard serves it
as a static file (fetched once, cached by the browser) instead of sending it over Streamlit's
websocket on every rerun; exports embed it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

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


def event_features(df: pd.DataFrame) -> list[dict[str, Any]]:
    """One GeoJSON feature per located event, with short property names."""
    feats = []
    for ev in df[df["geometry"].notna()].to_dict("records"):
        geom = json.loads(ev["geometry"])
        geom["coordinates"] = _round(geom["coordinates"])
        km = ev.get("closest_approach_km")
        km = None if km is None or km != km else float(km)
        feats.append({
            "type": "Feature",
            "geometry": geom,
            "properties": {
                "id": ev["id"], "t": ev["type"],
                "d0": day_number(ev["date_start"]), "d1": day_number(ev["date_end"]),
                "dt": date_text(ev["date_start"], ev["date_end"], ev["date_precision"]),
                "a": ev["actors"], "o": ev["observers"], "p": ev["places"], "as": ev["assets"],
                "km": km, "ev": ev["evidence"] or "", "sn": _text(ev["source_name"]),
                "su": _text(ev["source_url"]),
                "pub": ev["published"].isoformat() if isinstance(ev["published"], date) else None,
                "st": ev["status"], "gp": ev["geo_precision"], "rel": ev["related"],
                # a line through named places is our drawing, not a reported track
                "inf": geom["type"] in ("LineString", "MultiLineString") and ev["geo_precision"] != "exact",
                "rp": [round(float(ev["lat"]), 4), round(float(ev["lon"]), 4)],
                "tip": tooltip_text(ev),
            },
        })
    return feats


def payload(df: pd.DataFrame) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": event_features(df)}


def feature_texts(df: pd.DataFrame) -> pd.Series:
    """Each located event's feature as JSON text, indexed like ``df``.

    Made once per store revision and cached by the app, so the map of any filter is a join of
    strings (milliseconds at 100,000 events) instead of rebuilding every feature (seconds).
    """
    located = df[df["geometry"].notna()]
    texts = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in event_features(located)]
    return pd.Series(texts, index=located.index, dtype=object)


def collection_text(texts: pd.Series) -> str:
    return '{"type":"FeatureCollection","features":[' + ",".join(texts) + "]}"


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
