"""How well an event's location is known: one list, read by schema, map, images and duplicates.

The order is the index the map's payload sends to the browser (``static/sortie``), from the
most to the least precise. ``ring`` is the cue drawn around an icon so that a sea-wide or
country-wide event never looks like a pinpoint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class GeoPrecision:
    name: str
    label: str  # card and legend text
    ring: Literal["", "dashed", "dotted"]  # cue around the icon
    precise: bool  # a point that can be measured from: distance labels, duplicate checks by distance


REGISTRY: tuple[GeoPrecision, ...] = (
    GeoPrecision("exact", "exact position", "", True),
    GeoPrecision("place", "named place", "", True),
    GeoPrecision("area", "area-level location", "dashed", False),
    GeoPrecision("country", "country-level location", "dotted", False),
    GeoPrecision("unknown", "location unknown", "", False),
)

GEO_PRECISIONS: tuple[str, ...] = tuple(p.name for p in REGISTRY)
BY_NAME: dict[str, GeoPrecision] = {p.name: p for p in REGISTRY}
COARSE: frozenset[str] = frozenset(p.name for p in REGISTRY if not p.precise)
RINGED: frozenset[str] = frozenset(p.name for p in REGISTRY if p.ring)


def browser_options() -> list[dict[str, object]]:
    """The list as the map script reads it (index = the payload's ``gp`` code)."""
    return [{"name": p.name, "label": p.label, "ring": p.ring, "precise": p.precise} for p in REGISTRY]
