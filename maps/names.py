"""Country and city names on the offline basemap, as a layer-control overlay that is on by default.

An offline basemap of bare polygons leaves a reader guessing which coast is which. The names
come from ``data/ne/places.json`` (scripts/build_places.py), best first; static/sortie/names.js
places them greedily in the browser on every settled view, so at each zoom only the names that
fit are shown and none overlaps a better one. They sit in a pane under every overlay and the
event canvas, so they never cover an event.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from maps.assets import sortie_js
from maps.style import NAMES_DARK, NAMES_LIGHT

PLACES = Path(__file__).resolve().parent.parent / "data" / "ne" / "places.json"
LAYER_NAME = "Country and city names"


@lru_cache(maxsize=1)
def place_names() -> dict[str, Any]:
    """The names table: ``{"attribution", "columns", "places": [[name, lat, lon, min zoom, max
    zoom, kind], ...]}``, best first (kind 0 country, 1 capital, 2 city)."""
    return json.loads(PLACES.read_text(encoding="utf-8"))


class PlaceNames(JSCSSMixin, MacroElement):
    """The names as an overlay of non-interactive text (set with textContent, never as HTML)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Sortie.addPlaceNames({{ this._parent.get_name() }}, {{ this.source|tojson }}, {{ this.looks|tojson }},
                             {{ this.control.get_name() }}, {{ this.label|tojson }});
        {% endmacro %}
        """
    )
    default_js = sortie_js("names")

    def __init__(self, source: dict[str, Any] | str, control: Any):
        super().__init__()
        self._name = "PlaceNames"
        self.source = source
        self.control = control
        self.label = LAYER_NAME
        self.looks = {"light": NAMES_LIGHT, "dark": NAMES_DARK}
