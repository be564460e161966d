"""Which part of the world a snapshot shows, in Web Mercator like the interactive map.

Longitudes are kept continuous across the antimeridian: a view of the western Pacific from
150°E to 150°W has west=150, east=210, and every shape is shifted by whole turns into that
window, so a patrol from Kamchatka to the Aleutians is one short line, not two across the world.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

MAX_LAT = 85.0  # Web Mercator's usual limit; beyond it y grows without bound
EARTH_KM_PER_DEG = 111.32  # along the equator (WGS84 semi-major axis)
DEFAULT = (95.0, 10.0, 165.0, 58.0)  # East Asia, the base map's default view, for an empty selection


def merc_y(lat: np.ndarray | float) -> np.ndarray:
    """Web Mercator northing in degree units, so x (longitude) and y share one scale."""
    lat = np.clip(np.asarray(lat, dtype=float), -MAX_LAT, MAX_LAT)
    return np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))


def unwrap(lons: np.ndarray) -> np.ndarray:
    """Remove jumps of ~360° between consecutive vertices (a route drawn across the antimeridian)."""
    return np.unwrap(np.asarray(lons, dtype=float), period=360.0)


class BadBBox(ValueError):
    """A --bbox the user must fix; the message says how."""


@dataclass(frozen=True)
class Extent:
    """West/south/east/north in degrees; ``east`` may exceed 180 when the view crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @property
    def center_lat(self) -> float:
        return (self.south + self.north) / 2

    def km_per_x_unit(self) -> float:
        """Ground distance of one degree of x at the view's central latitude (Mercator scale)."""
        return EARTH_KM_PER_DEG * math.cos(math.radians(self.center_lat))

    def xlim(self) -> tuple[float, float]:
        return self.west, self.east

    def ylim(self) -> tuple[float, float]:
        return float(merc_y(self.south)), float(merc_y(self.north))

    def aspect(self) -> float:
        """Height / width of the map in projected units."""
        y0, y1 = self.ylim()
        return (y1 - y0) / (self.east - self.west)

    def shift_for(self, lons: np.ndarray) -> float:
        """Whole turns to add to a shape so its middle is nearest the view's middle."""
        mid = (float(np.min(lons)) + float(np.max(lons))) / 2
        return -360.0 * round((mid - (self.west + self.east) / 2) / 360.0)

    def with_aspect(self, lo: float, hi: float) -> Extent:
        """Grow the short side so height/width lies within [lo, hi]; a sliver map reads badly."""
        ext = self
        a = ext.aspect()
        if a > hi:  # too tall: widen
            y0, y1 = ext.ylim()
            want = (y1 - y0) / hi
            pad = (want - (ext.east - ext.west)) / 2
            ext = Extent(ext.west - pad, ext.south, ext.east + pad, ext.north)
        elif a < lo:  # too wide: heighten (in Mercator y, then back to latitude)
            y0, y1 = ext.ylim()
            want = (ext.east - ext.west) * lo
            pad = (want - (y1 - y0)) / 2
            south, north = _inv_merc(y0 - pad), _inv_merc(y1 + pad)
            ext = Extent(ext.west, max(south, -MAX_LAT), ext.east, min(north, MAX_LAT))
        if ext.east - ext.west > 360:
            mid = (ext.west + ext.east) / 2
            ext = Extent(mid - 180, ext.south, mid + 180, ext.north)
        return ext


def _inv_merc(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def parse_bbox(text: str) -> Extent:
    """``W,S,E,N`` in degrees; W > E means the box crosses the antimeridian (e.g. ``150,40,-150,65``)."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise BadBBox(f"--bbox needs 4 numbers W,S,E,N, got {len(parts)}: {text!r}")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise BadBBox(f"--bbox needs numbers W,S,E,N, got {text!r}") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise BadBBox("--bbox values must be finite numbers")
    if not (-180 <= w <= 180 and -180 <= e <= 180):
        raise BadBBox(f"--bbox longitudes must be within -180..180, got W={w:g} E={e:g}")
    if not (-90 <= s <= 90 and -90 <= n <= 90):
        raise BadBBox(f"--bbox latitudes must be within -90..90, got S={s:g} N={n:g}")
    if s >= n:
        raise BadBBox(f"--bbox south ({s:g}) must be less than north ({n:g})")
    if w == e:
        raise BadBBox("--bbox west and east are equal: the box has no width")
    if e < w:
        e += 360.0  # crosses the antimeridian
    return Extent(w, max(s, -MAX_LAT), e, min(n, MAX_LAT))


def window_start(lons: Iterable[float]) -> float:
    """West edge of the narrowest longitude window holding every value (antimeridian-aware)."""
    a = np.unique(np.mod(np.fromiter(lons, dtype=float), 360.0))
    if a.size == 0:
        return -180.0
    if a.size == 1:
        return _norm(a[0])
    gaps = np.diff(np.append(a, a[0] + 360.0))
    i = int(np.argmax(gaps))
    return _norm(a[(i + 1) % a.size])


def _norm(lon: float) -> float:
    return ((float(lon) + 180.0) % 360.0) - 180.0


def fit(xs: np.ndarray, lats: np.ndarray, min_span: float = 12.0, pad_frac: float = 0.08) -> Extent:
    """A padded view around already window-shifted x and latitudes, at least ``min_span`` degrees across."""
    if xs.size == 0:
        return Extent(*DEFAULT)
    w, e = float(xs.min()), float(xs.max())
    s, n = float(np.clip(lats.min(), -MAX_LAT, MAX_LAT)), float(np.clip(lats.max(), -MAX_LAT, MAX_LAT))
    dx = max(e - w, min_span)
    dy = max(n - s, min_span * 0.6)
    cx, cy = (w + e) / 2, (s + n) / 2
    w, e = cx - dx / 2 * (1 + 2 * pad_frac), cx + dx / 2 * (1 + 2 * pad_frac)
    s, n = cy - dy / 2 * (1 + 2 * pad_frac), cy + dy / 2 * (1 + 2 * pad_frac)
    return Extent(w, max(s, -MAX_LAT), e, min(n, MAX_LAT))
