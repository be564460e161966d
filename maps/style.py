"""Basemap colours shared by the interactive map and static exports (type looks: events.event_types)."""

from __future__ import annotations

LAND = "#efe9dc"
BORDER = "#a89f91"
SEA = "#cfe3ef"

# The dark offline base: mid-dark tones rather than black, so the event colours (Okabe-Ito,
# drawn with a white outline) and their route lines stay readable; borders light.
DARK_LAND = "#3b424b"
DARK_BORDER = "#8d98a5"
DARK_SEA = "#1f2933"

# Place names: small grey text with a halo in the base's own colour, so a name never hides a
# border or coast more than it must. Countries a shade lighter than cities (they are larger).
NAMES_LIGHT = {"country": "#7a7266", "city": "#3f3f3f", "halo": "#ffffff"}
NAMES_DARK = {"country": "#a3adb8", "city": "#e2e6ea", "halo": "#1f2933"}
