"""Show a folium map in Streamlit without reruns on pan or zoom."""

from __future__ import annotations

import json
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def show_map(m: folium.Map, key: str, height: int = 520, returned_objects: list[str] | None = None) -> dict[str, Any]:
    # returned_objects=[] means panning and zooming send nothing back, so the script does not
    # rerun; pass e.g. ["last_object_clicked"] where a page reacts to clicks.
    return st_folium(m, key=key, height=height, use_container_width=True,
                     returned_objects=returned_objects or [])


def _post(msg: dict[str, Any], keep: bool = False, scroll: bool = False) -> None:
    """A message to the page's maps (static/sortie), which only listen to this page's origin;
    ``keep`` also leaves it on the page's window for a map that is still loading."""
    text = json.dumps(msg).replace("<", "\\u003c")
    st.iframe(
        f"""<!DOCTYPE html><html><body><script>
        var p = window.parent, m = {text};
        {"p.sortieSelection = m;" if keep else ""}
        p.document.querySelectorAll('{MAP_FRAME}').forEach(function (f) {{
          f.contentWindow.postMessage(m, p.location.origin);
          {'f.scrollIntoView({block: "center"});' if scroll else ""}
        }});
        </script></body></html>""",
        height="content",  # a script alone: no height
    )


def select_on_map(selection: dict[str, Any]) -> None:
    """Apply the page's filters to its map where the events already are (:mod:`maps.selection`):
    the page sends a new selection only when it changes, the map is not rebuilt."""
    _post(selection, keep=True)


def open_on_map(event_id: str) -> None:
    """Fly the page's map to an event and open its card, without rebuilding the map: a message
    to the map's frame (static/sortie/keyboard.js), which only listens to this page's origin."""
    _post({"sortie": "open", "id": event_id}, scroll=True)  # the table is below the map: bring the map into view
