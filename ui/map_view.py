"""Show a folium map in Streamlit without reruns on pan or zoom."""

from __future__ import annotations

import json
from typing import Any

import folium
import streamlit.components.v1 as components
from streamlit_folium import st_folium

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def show_map(m: folium.Map, key: str, height: int = 520, returned_objects: list[str] | None = None) -> dict[str, Any]:
    # returned_objects=[] means panning and zooming send nothing back, so the script does not
    # rerun; pass e.g. ["last_object_clicked"] where a page reacts to clicks.
    return st_folium(m, key=key, height=height, use_container_width=True,
                     returned_objects=returned_objects or [])


def open_on_map(event_id: str) -> None:
    """Fly the page's map to an event and open its card, without rebuilding the map: a message
    to the map's frame (static/sortie/keyboard.js), which only listens to this page's origin."""
    msg = json.dumps({"sortie": "open", "id": event_id}).replace("<", "\\u003c")
    components.html(
        f"""<script>
        var p = window.parent;
        p.document.querySelectorAll('{MAP_FRAME}').forEach(function (f) {{
          f.contentWindow.postMessage({msg}, p.location.origin);
          f.scrollIntoView({{block: "center"}});  // the table is below the map: bring the map into view
        }});
        </script>""",
        height=0,
    )
