"""The Natural Earth countries as Mercator rings, parsed once per process and culled per view."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from matplotlib.collections import PolyCollection

from maps.snapshot.extent import Extent, merc_y
from maps.style import BORDER, LAND

# The file maps.basemap serves to Leaflet; read directly so a snapshot need not import folium.
BASEMAP = Path(__file__).resolve().parents[2] / "data" / "ne" / "basemap.geojson"


@lru_cache(maxsize=1)
def _rings() -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """Outer rings in x/Mercator-y, each ring's (xmin, xmax, ymin, ymax) for culling, and its country code.

    Holes are skipped: in admin-0 countries they are enclaves, which are countries themselves.
    """
    rings: list[np.ndarray] = []
    codes: list[str] = []
    for feat in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]:
        g = feat["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for poly in polys:
            a = np.array(poly[0], dtype=float)[:, :2]
            a[:, 1] = merc_y(a[:, 1])
            rings.append(a)
            codes.append(feat["properties"].get("iso_a3") or "")
    boxes = np.array([[r[:, 0].min(), r[:, 0].max(), r[:, 1].min(), r[:, 1].max()] for r in rings])
    return rings, boxes, np.array(codes)


def _visible(extent: Extent, only: np.ndarray | None = None) -> list[np.ndarray]:
    """Rings that touch the view, copied one turn east or west where the view crosses 180°."""
    rings, boxes, _codes = _rings()
    (x0, x1), (y0, y1) = extent.xlim(), extent.ylim()
    verts: list[np.ndarray] = []
    for turn in (-360.0, 0.0, 360.0):
        hit = (boxes[:, 0] + turn <= x1) & (boxes[:, 1] + turn >= x0) & (boxes[:, 2] <= y1) & (boxes[:, 3] >= y0)
        if only is not None:
            hit &= only
        for i in np.flatnonzero(hit):
            verts.append(rings[i] + (turn, 0.0) if turn else rings[i])
    return verts


def land(extent: Extent, linewidth: float = 0.5) -> PolyCollection:
    """The countries in view, filled with the land colour: the whole basemap in one artist."""
    return PolyCollection(_visible(extent), facecolors=LAND, edgecolors=BORDER, linewidths=linewidth, zorder=1)


def outlines(codes: set[str], extent: Extent, color: str, linewidth: float) -> PolyCollection | None:
    """Dashed borders of the given countries (those that bomber approaches were aimed at)."""
    if not codes:
        return None
    verts = _visible(extent, np.isin(_rings()[2], sorted(codes)))
    if not verts:
        return None
    return PolyCollection(verts, facecolors="none", edgecolors=color, linewidths=linewidth, linestyles="--",
                          alpha=0.85, zorder=2)
