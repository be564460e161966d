"""Show a folium map in Streamlit without reruns on pan or zoom."""

from __future__ import annotations

from typing import Any

import folium
from streamlit_folium import st_folium


def show_map(m: folium.Map, key: str, height: int = 520, returned_objects: list[str] | None = None) -> dict[str, Any]:
    # returned_objects=[] means panning and zooming send nothing back, so the script does not
    # rerun; pass e.g. ["last_object_clicked"] where a page reacts to clicks.
    return st_folium(m, key=key, height=height, use_container_width=True,
                     returned_objects=returned_objects or [])
