"""What a candidate answer is: a place, how it was found, and how precise it is.

Why its own module: the resolver, the phrase operations (``geo.compound``) and the geocoder
all build or read matches; keeping the type here lets them import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .gazetteer import Place

PRECISIONS = ("exact", "place", "area", "country", "unknown")
# A facility's point is within a few km of anything reported "at" it.
_FACILITY_KINDS = frozenset({"air base", "naval base", "army base"})
# Kinds that are areas even when the gazetteer only has their point.
_POINT_AREA_KINDS = frozenset({"island group", "archipelago", "range", "plateau", "desert", "plain", "basin",
                               "continent", "valley", "lowland", "tundra", "foothills", "wetlands", "area",
                               "region", "adiz", "sea", "ocean", "gulf"})


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate place and how it was found.

    ``info`` holds what a phrase operation adds to ``Location.raw`` (``kind`` and ``precision``
    overrides, ``anchor``, ``distance_km``, ``bearing_deg``, ``anchors``...); empty otherwise."""

    place: Place
    confidence: float  # 0-1
    method: str  # exact | news-form | fuzzy | phrase | reverse
    matched: str  # the normalised key that matched
    qualifier: str = ""  # e.g. "border", "near", "airspace" when the query said so
    info: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def precision_of(place: Place) -> str:
    """How precisely the place pins a report: exact (a facility), place (a point feature: city,
    island, strait point), area (a shape or a wide feature), country; unknown for online hits."""
    if place.kind == "country":
        return "country"
    if place.kind == "online":
        return "unknown"
    if place.has_shape or place.kind in _POINT_AREA_KINDS:
        return "area"
    if place.kind in _FACILITY_KINDS:
        return "exact"
    return "place"
