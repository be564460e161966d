"""What the page's filters keep of a map's events, as the browser applies it (static/sortie/selection.js).

The app's map is built once per store revision with every event; a filter change sends this
instead of a new map: one bit per event of the map's order (gzip'd, base64: a few kB at 100,000
events, less when most are kept), the timeline's days, the approached borders and the extent of
what is kept. The browser hides the rest as its timeline hides events, so nothing is re-sent
or rebuilt, and the map behaves as if it had been built from the filtered events.
"""

from __future__ import annotations

import base64
import gzip
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from maps.build import approached, day_range, fit_box


def selection(key: str, order: pd.Index, view: pd.DataFrame, start: date | None, end: date | None) -> dict[str, Any]:
    """``key``: the map's ``selection`` option (it names the map and its revision); ``order``: the
    index of the map's events in their drawn order (``maps.payload.prepare``'s rows); ``view``: the
    filtered events; ``start``/``end``: the sidebar's dates, as ``events_map`` takes them."""
    keep = np.packbits(order.isin(view.index), bitorder="little")
    lo, hi = day_range(view, start, end)
    return {"sortie": "select", "key": key, "n": len(order),
            "keep": base64.b64encode(gzip.compress(keep.tobytes(), compresslevel=6, mtime=0)).decode("ascii"),
            "start": lo, "end": hi, "borders": approached(view), "bounds": fit_box(view)}
