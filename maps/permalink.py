"""The map's own state in a link: extent, timeline position and the open event.

Filters travel as their own query parameters (events.query.EventFilter); these four describe
what the map shows within them. The browser keeps them current in the page URL
(static/sortie/permalink.js); here they are read back, leniently, when a link is opened.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

LINK_KEYS = ("view", "t", "w", "event")
WINDOWS = (0, 6, 29)  # days before the date still shown; absent = everything up to the date
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


@dataclass(frozen=True)
class MapLink:
    center: tuple[float, float] | None = None
    zoom: int | None = None
    t: date | None = None
    w: int | None = None
    event: str | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> MapLink:
        """A bad or hand-edited value is dropped, never an error: the rest of the link still works."""
        center = zoom = None
        try:
            lat, lon, z = (float(x) for x in (params.get("view") or "").split(","))
            if -85 <= lat <= 85 and -180 <= lon <= 180 and 2 <= z <= 12:
                center, zoom = (lat, lon), int(z)
        except ValueError:
            pass
        try:
            t = date.fromisoformat(params.get("t") or "")
        except ValueError:
            t = None
        try:
            w = int(params.get("w") or "")
        except ValueError:
            w = None
        event = params.get("event") or None
        return cls(center, zoom, t, w if w in WINDOWS else None, event if event and _ID.match(event) else None)

    def bbox(self, width_px: int = 1100, height_px: int = 640) -> str | None:
        """``W,S,E,N`` that a map of that size shows at this centre and zoom (Web Mercator, 256 px
        tiles); W > E when it straddles the antimeridian. For framing exports like the screen."""
        if not self.center or self.zoom is None:
            return None
        deg_per_px = 360.0 / (256 * 2**self.zoom)
        lat, lon = self.center
        y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

        def to_lat(yy: float) -> float:
            return max(-85.0, min(85.0, math.degrees(2 * math.atan(math.exp(math.radians(yy))) - math.pi / 2)))

        half_w = width_px / 2 * deg_per_px
        if half_w >= 180:
            west, east = -180.0, 180.0
        else:
            west, east = ((lon - half_w + 180) % 360) - 180, ((lon + half_w + 180) % 360) - 180
        south, north = to_lat(y - height_px / 2 * deg_per_px), to_lat(y + height_px / 2 * deg_per_px)
        return f"{west:.4f},{south:.4f},{east:.4f},{north:.4f}"

    def to_params(self) -> dict[str, str]:
        p: dict[str, str] = {}
        if self.center and self.zoom is not None:
            p["view"] = f"{self.center[0]:.3f},{self.center[1]:.3f},{self.zoom}"
        if self.t:
            p["t"] = self.t.isoformat()
        if self.w is not None:
            p["w"] = str(self.w)
        if self.event:
            p["event"] = self.event
        return p
