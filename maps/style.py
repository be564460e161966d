"""Basemap colours shared by the interactive map and static exports (type looks: events.event_types)."""

from __future__ import annotations

LAND = "#efe9dc"
BORDER = "#a89f91"
SEA = "#cfe3ef"
