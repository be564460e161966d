"""Many events on a picture: hexagon counts per type instead of a glyph per event.

Past a few thousand events every area of a snapshot became a solid block of overlapping
symbols. Here each event is a point (its label point: a route or area counts where it is
labelled), points are binned in hexagons by matplotlib's ``hexbin``, and each hexagon is
filled with its most frequent type's colour, darker the more events it holds. An event alone
in its hexagon keeps its own symbol at its own position, so the outliers still read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba

from events import event_types as et
from maps.snapshot.extent import Extent, merc_y, window_start

# events per hexagon -> fill alpha; the legend shows the whole scale
COUNT_CLASSES: tuple[tuple[int, int | None, float], ...] = ((1, 9, 0.35), (10, 99, 0.55), (100, 999, 0.75),
                                                            (1_000, None, 0.95))


@dataclass
class Points:
    """Located events as x (longitude in one window), latitude, then Mercator y; type per point."""

    x: np.ndarray
    lat: np.ndarray
    types: np.ndarray
    rows: np.ndarray  # position in the frame
    y: np.ndarray = field(default_factory=lambda: np.empty(0))

    def subset(self, mask: np.ndarray) -> Points:
        return Points(self.x[mask], self.lat[mask], self.types[mask], self.rows[mask], self.y[mask])

    def into(self, extent: Extent) -> None:
        """Shift each point by whole turns nearest the view's middle; project to Mercator y."""
        mid = (extent.west + extent.east) / 2
        self.x = self.x - 360.0 * np.round((self.x - mid) / 360.0)
        self.y = merc_y(self.lat)


def density_points(df: pd.DataFrame) -> Points:
    """The frame's located events, their longitudes in the narrowest window that holds them all."""
    lat = df["lat"].to_numpy(dtype=float, na_value=np.nan)
    lon = df["lon"].to_numpy(dtype=float, na_value=np.nan)
    ok = np.isfinite(lat) & np.isfinite(lon)
    lon, lat = lon[ok], lat[ok]
    start = window_start(lon)
    x = lon - 360.0 * np.floor((lon - start + 1e-6) / 360.0)
    return Points(x, lat, df["type"].to_numpy(dtype=object)[ok], np.flatnonzero(ok))


def alpha_for(count: np.ndarray) -> np.ndarray:
    out = np.full(count.shape, COUNT_CLASSES[-1][2])
    for _lo, hi, alpha in reversed(COUNT_CLASSES[:-1]):  # smaller classes last: they win
        out[count <= hi] = alpha
    return out


def draw_hexagons(ax: Axes, pts: Points, extent: Extent, map_px: float, hex_px: float,
                  linewidth: float) -> tuple[object, np.ndarray, np.ndarray]:
    """Hexagons of ``hex_px`` on a map ``map_px`` wide; returns (collection, count per drawn
    hexagon, indices of the points alone in theirs)."""
    codes = np.array([et.EVENT_TYPES.index(t) for t in pts.types], dtype=int) if len(pts.types) else np.empty(0, int)
    cells: list[np.ndarray] = []

    def register(idx: np.ndarray) -> float:  # hexbin calls this once per non-empty hexagon
        cells.append(np.asarray(idx, dtype=int))
        return float(len(cells) - 1)

    y0, y1 = extent.ylim()
    gx = max(4, int(math.ceil(map_px / hex_px)))
    gy = max(2, int(round(gx * (y1 - y0) / (extent.east - extent.west) / math.sqrt(3))))
    coll = ax.hexbin(pts.x, pts.y, C=np.arange(len(pts.x)), reduce_C_function=register, gridsize=(gx, gy),
                     extent=(extent.west, extent.east, y0, y1), mincnt=1, linewidths=linewidth, edgecolors="white",
                     zorder=4)
    which = np.asarray(coll.get_array(), dtype=int)
    members = [cells[k] for k in which]
    count = np.array([len(m) for m in members], dtype=int)
    top = [int(np.bincount(codes[m]).argmax()) for m in members]
    face = np.array([to_rgba(et.COLORS[et.EVENT_TYPES[t]]) for t in top]).reshape(-1, 4)
    face[:, 3] = alpha_for(count)
    alone = count == 1
    face[alone, 3] = 0.0  # drawn as the event's own symbol instead
    edge = np.tile(to_rgba("white", 0.8), (len(count), 1))
    edge[alone, 3] = 0.0
    coll.set_array(None)  # colours are ours, not a colormap's
    coll.set_facecolors(face)
    coll.set_edgecolors(edge)
    singles = np.array([m[0] for m, a in zip(members, alone, strict=True) if a], dtype=int)
    return coll, count, singles
