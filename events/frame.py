"""Events as one columnar frame: the shape the map, filters, duplicate checks and exports read.

One row per event with every :class:`~events.schema.Event` field plus its representative
point (``lat``/``lon``); list fields are lists and ``geometry`` is a GeoJSON dict (or None), so
nothing downstream parses JSON again. Stored events arrive through :meth:`Store.frame`, drafts
under review through :func:`events_frame`; both give the same set of columns.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import orjson
import pandas as pd

from events.schema import Event

FIELDS: tuple[str, ...] = tuple(Event.model_fields)
COLUMNS: tuple[str, ...] = (*FIELDS[:FIELDS.index("geometry") + 1], "lat", "lon",
                            *FIELDS[FIELDS.index("geometry") + 1:])
_DATES = ("date_start", "date_end", "published")
_NUMERIC = ("lat", "lon", "closest_approach_km", "confidence", "version")
_CODES = ("type", "status", "date_precision", "geo_precision", "modality")


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events not (yet) in a store, as a frame shaped like ``Store.frame()``."""
    rows = []
    for e in events:
        d = dict(e)  # attribute values as they are: lists, dates, dicts; no serialisation
        d["lat"], d["lon"] = e.point or (None, None)
        rows.append(d)
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    return _absent_as_none(df)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic collector runs whenever enough containers have been allocated, and each
    full pass walks every object alive: building a frame of 100,000 events (a million lists and
    dicts, none of them garbage) paid 2 of its 4 s in collections. Paused for such a build, then
    back as it was. Process-wide: another thread's allocations go uncollected for those seconds,
    which reference counting covers; a cycle made meanwhile is collected after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def decode_json(values: Iterable[Any]) -> list[Any]:
    """JSON texts (list and geometry columns read with ``Store.scan(json_text=True)``) -> values;
    anything not text (None, an already decoded list) is kept. Equal texts are decoded once and
    share the value (country lists repeat across thousands of events): read it, never change it."""
    memo: dict[str, Any] = {}
    out = []
    for v in values:
        if isinstance(v, str):
            if v not in memo:
                memo[v] = orjson.loads(v)
            v = memo[v]
        out.append(v)
    return out


def rows_frame(rows: list[Any], columns: list[str], text_dates: bool = False) -> pd.DataFrame:
    """Result rows of the events table -> a frame of those columns.

    Built column by column: handing pandas the row objects costs ten times more (it probes
    each row for record fields). Text columns stay Python strings (object dtype): exports
    iterate them, and converting each chunk to Arrow strings and back cost more than it saved.
    ``text_dates``: the date columns came as ISO text (read so, as the C ``fromisoformat``
    is far quicker than the driver's per-value parsing) and become ``date``s here.
    """
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    data: dict[str, Any] = {}
    for c, v in zip(columns, values, strict=True):
        if text_dates and c in _DATES:
            v = [date.fromisoformat(d) if d else None for d in v]
        elif c in _CODES:  # a few distinct values: one string object each, not one per row
            v = [sys.intern(x) if isinstance(x, str) else x for x in v]
        data[c] = pd.Series(list(v), dtype=object) if c not in _NUMERIC else list(v)
    return _absent_as_none(pd.DataFrame(data))


def _absent_as_none(df: pd.DataFrame) -> pd.DataFrame:
    for f in ("geometry", "source_url", "source_name"):
        if f in df:
            df[f] = df[f].astype(object).where(df[f].notna(), None)  # None, not NaN, for absent values
    return df


def frame_events(df: pd.DataFrame) -> Iterator[Event]:
    """Rows back to Events (the file writers take Events), one at a time for long exports."""
    fields = [f for f in FIELDS if f in df.columns]
    for values in zip(*(df[f].tolist() for f in fields), strict=True):
        d: dict[str, Any] = {}
        for k, v in zip(fields, values, strict=True):
            if v is None or (isinstance(v, float) and v != v):
                continue
            d[k] = v.to_pydatetime() if hasattr(v, "to_pydatetime") else v
        yield Event.model_validate(d)
