"""Events frame -> shapes in map coordinates (x = longitude in the view's window, y = Mercator).

Reading the shapes once per snapshot (and once per animation, not per frame) is what keeps a
1,000-event image well under a second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from events.geo_precision import RINGED  # drawn as a large dashed ring, as on the interactive map
from maps.snapshot.extent import Extent, fit, merc_y, unwrap, window_start


@dataclass
class EventShape:
    """One event's drawable parts; ``parts`` are (N, 2) lon/lat arrays, later x/y."""

    row: int  # position in the frame
    etype: str
    kind: str  # "point", "line" or "area"
    coarse: bool
    exact: bool  # a line that is not exact was drawn through named places: shown dashed
    parts: list[np.ndarray]
    holes: list[list[np.ndarray]] = field(default_factory=list)  # per area part
    anchor: tuple[float, float] = (0.0, 0.0)  # where the label points (lon/lat, later x/y)


def _parts(geom: dict[str, Any]) -> tuple[str, list[np.ndarray], list[list[np.ndarray]]]:
    t, c = geom["type"], geom["coordinates"]
    if t == "Point":
        return "point", [np.array([c[:2]], dtype=float)], []
    if t == "MultiPoint":
        return "point", [np.array([p[:2]], dtype=float) for p in c], []
    if t == "LineString":
        return "line", [np.array([p[:2] for p in c], dtype=float)], []
    if t == "MultiLineString":
        return "line", [np.array([p[:2] for p in ln], dtype=float) for ln in c], []
    polys = [c] if t == "Polygon" else c
    shells = [np.array([p[:2] for p in poly[0]], dtype=float) for poly in polys]
    holes = [[np.array([p[:2] for p in r], dtype=float) for r in poly[1:]] for poly in polys]
    return "area", shells, holes


def event_shapes(df: pd.DataFrame) -> list[EventShape]:
    """Every located event of the frame as lon/lat parts, each part unwrapped across 180°."""
    out: list[EventShape] = []
    geoms, types, precs = df["geometry"].tolist(), df["type"].tolist(), df["geo_precision"].tolist()
    lats, lons = df["lat"].tolist(), df["lon"].tolist()
    for i, (g, t, p, la, lo) in enumerate(zip(geoms, types, precs, lats, lons, strict=True)):
        if not isinstance(g, dict):
            continue
        kind, parts, holes = _parts(g)
        for a in parts:
            a[:, 0] = unwrap(a[:, 0])
        anchor = (float(lo), float(la)) if pd.notna(lo) and pd.notna(la) else (parts[0][0, 0], parts[0][0, 1])
        # Same window as its first part, so the label sits on the shape.
        anchor = (anchor[0] + 360.0 * round((parts[0][0, 0] - anchor[0]) / 360.0), anchor[1])
        out.append(EventShape(i, t, kind, p in RINGED, p == "exact", parts, holes, anchor))
    return out


def _shift(s: EventShape, dx: float) -> None:
    if dx:
        for a in s.parts:
            a[:, 0] += dx
        for hs in s.holes:
            for h in hs:
                h[:, 0] += dx
        s.anchor = (s.anchor[0] + dx, s.anchor[1])


def _mid(s: EventShape) -> float:
    return float(np.mean([a[:, 0].mean() for a in s.parts]))


def place(shapes: list[EventShape], extent: Extent | None) -> Extent:
    """Shift shapes into one longitude window and return the view: ``extent`` or one fitted to them."""
    if extent is not None:
        for s in shapes:
            _shift(s, extent.shift_for(np.concatenate([a[:, 0] for a in s.parts])))
        return extent
    start = window_start(_mid(s) for s in shapes)
    for s in shapes:  # each shape's middle into [start, start + 360)
        _shift(s, -360.0 * math.floor((_mid(s) - start + 1e-6) / 360.0))
    xs = np.concatenate([a[:, 0] for s in shapes for a in s.parts]) if shapes else np.empty(0)
    ys = np.concatenate([a[:, 1] for s in shapes for a in s.parts]) if shapes else np.empty(0)
    return fit(xs, ys)


def project(shapes: list[EventShape]) -> None:
    """Latitudes -> Mercator y, in place (after :func:`place`)."""
    for s in shapes:
        for a in s.parts:
            a[:, 1] = merc_y(a[:, 1])
        for hs in s.holes:
            for h in hs:
                h[:, 1] = merc_y(h[:, 1])
        s.anchor = (s.anchor[0], float(merc_y(s.anchor[1])))
