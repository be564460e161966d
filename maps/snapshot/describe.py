"""The words on a snapshot: filters, date window, per-event labels and the sources caption.

A snapshot travels without the app, so it must say what was selected and where each event
came from; these are plain functions of the filter and the frame, tested without drawing.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pandas as pd

from events import event_types as et
from events.query import EventFilter
from events.schema import country_name


def day(d: date | None) -> str:
    return f"{d.day} {d:%b %Y}" if d else "…"


def date_window(flt: EventFilter, df: pd.DataFrame) -> str:
    """The filter's window, else the span of the events shown."""
    lo = flt.date_from or (min(df["date_start"]) if len(df) else None)
    hi = flt.date_to or (max(df["date_end"]) if len(df) else None)
    if lo is None and hi is None:
        return "all dates"
    return day(lo) if lo == hi else f"{day(lo)} – {day(hi)}"


def _names(codes: tuple[str, ...]) -> str:
    return ", ".join(country_name(c) for c in codes)


def filter_text(flt: EventFilter) -> str:
    """Active criteria only; 'all events' when none is set."""
    bits = []
    if flt.actors:
        bits.append(f"acting: {_names(flt.actors)}")
    if flt.observers:
        bits.append(f"approached/reacting: {_names(flt.observers)}")
    if flt.types:
        bits.append("types: " + ", ".join(et.LABELS.get(t, t) for t in flt.types))
    if flt.sources:
        bits.append("sources: " + ", ".join(flt.sources))
    if flt.text:
        bits.append(f'text: "{flt.text}"')
    return "; ".join(bits) if bits else "all countries and event types"


def count_text(df: pd.DataFrame) -> str:
    n = len(df)
    unmapped = int(df["lat"].isna().sum()) if n else 0  # the point of its geometry: none without one
    s = f"{n:,} event{'s' if n != 1 else ''}"
    return s + (f" ({unmapped:,} without a location, not drawn)" if unmapped else "")


def _short_day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def event_label(ev: dict[str, Any]) -> str:
    """Two short lines: who did what, then when and with what."""
    who = "+".join(ev.get("actors") or []) or "?"
    what = et.LABELS.get(ev["type"], ev["type"]).lower()
    start, end = ev["date_start"], ev.get("date_end")
    when = _short_day(start) if not end or end == start else f"{_short_day(start)} – {_short_day(end)}"
    if ev.get("date_precision") == "month":
        when = f"{start:%b %Y}"
    extra = [a for a in (ev.get("assets") or [])][:2]
    km = ev.get("closest_approach_km")
    if isinstance(km, (int, float)) and km == km:
        extra.append(f"closest {km:g} km")
    second = " · ".join([when, *extra])
    return f"{who} {what}\n{second}"


def sources_text(df: pd.DataFrame, limit: int = 8) -> str:
    """'Sources: outlet, date (n events); …' for the events shown, most used first."""
    if not len(df):
        return "Sources: none (no events match)."
    keys = []
    for name, pub, url in zip(df["source_name"], df["published"], df["source_url"], strict=True):
        label = name if isinstance(name, str) and name else _host(url) or "unattributed"
        if isinstance(pub, date):
            label += f", {_short_day(pub)}"
        keys.append(label)
    counts = Counter(keys).most_common()
    shown = [f"{k} ({n} event{'s' if n != 1 else ''})" for k, n in counts[:limit]]
    more = len(counts) - limit
    tail = f"; and {more} more source{'s' if more != 1 else ''}" if more > 0 else ""
    return "Sources: " + "; ".join(shown) + tail + "."


def _host(url: Any) -> str:
    if not isinstance(url, str) or "//" not in url:
        return ""
    return url.split("//", 1)[1].split("/", 1)[0].removeprefix("www.")
