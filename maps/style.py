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
