"""One look per event type, shared by the interactive map, the legend and exports."""

from __future__ import annotations

# Okabe-Ito based: distinguishable with the common colour-vision deficiencies.
TYPE_COLORS: dict[str, str] = {
    "joint_patrol": "#D55E00",
    "exercise": "#0072B2",
    "bomber_approach": "#9B59B6",
    "scramble": "#E69F00",
    "incursion": "#B2182B",
    "transit": "#009E73",
    "other": "#555555",
}

TYPE_LABELS: dict[str, str] = {
    "joint_patrol": "Joint patrol",
    "exercise": "Exercise",
    "bomber_approach": "Bomber approach",
    "scramble": "Scramble",
    "incursion": "ADIZ / airspace incursion",
    "transit": "Strait transit",
    "other": "Other",
}

LAND = "#efe9dc"
BORDER = "#a89f91"
SEA = "#cfe3ef"

# Type glyphs as SVG path data in a 24x24 box: drawn on the map canvas (Path2D) and in the
# legend and static exports, so no icon font or CDN is needed. Filled with the even-odd rule.
TYPE_ICONS: dict[str, str] = {
    # two chevrons: two air forces flying together
    "joint_patrol": "M12 1L22 10.5H17.6L12 5.4L6.4 10.5H2Z M12 11L22 20.5H17.6L12 15.4L6.4 20.5H2Z",
    # crosshair: drills and live fire
    "exercise": "M12 3a9 9 0 1 0 .01 0Z M12 6a6 6 0 1 0 .01 0Z M12 9.5a2.5 2.5 0 1 0 .01 0Z "
                "M11 0h2v3h-2Z M11 21h2v3h-2Z M0 11h3v2H0Z M21 11h3v2h-3Z",
    # aircraft
    "bomber_approach": "M12 1.5c.8 0 1.4.8 1.4 1.8V9l8.1 4.6v2.2l-8.1-2.4v5.1l2.4 1.8V22l-3.8-1.1L8.2 22v-1.7"
                       "l2.4-1.8v-5.1l-8.1 2.4v-2.2L10.6 9V3.3c0-1 .6-1.8 1.4-1.8Z",
    # upward arrow: jets scrambled
    "scramble": "M12 1L21 11H15.5V23H8.5V11H3Z",
    # warning sign: airspace or ADIZ entered
    "incursion": "M12 1.5L23.5 22H.5Z M10.8 8h2.4v7.5h-2.4Z M10.8 17.2h2.4v2.4h-2.4Z",
    # ship
    "transit": "M1.5 14h21l-3.8 7H5.3Z M6 8.5h12V13H6Z M10.5 3h3v5h-3Z",
    # diamond
    "other": "M12 2L22 12L12 22L2 12Z",
}
