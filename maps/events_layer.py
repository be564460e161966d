"""The events of a map as one element: icons, routes, areas, links, legend and timeline.

All drawing happens in the scripts of ``static/sortie/`` (``Sortie.addEvents`` in events.js and
the modules it wires); this element passes it the events (inline, or the URLs of cached files:
drawing columns, and card details fetched on the first click) and the styling options, and
declares the JS files so streamlit-folium loads them like any folium plugin's.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template
from folium.utilities import JsCode

from maps.assets import sortie_js


def script_json(text: str) -> JsCode:
    """JSON text as a JS expression inside <script>, embedded as it is (never parsed and re-encoded):
    outside strings JSON has no '<', '>' or '&', and inside them the \\u escapes mean the same."""
    return JsCode(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _embedded(data: bytes | str) -> JsCode:
    """A pack file as ``{"b64": ...}`` (base64 has no character that could end a script), or a URL."""
    if isinstance(data, bytes):
        return JsCode(json.dumps({"b64": base64.b64encode(data).decode("ascii")}))
    return script_json(json.dumps(data))


class EventsLayer(JSCSSMixin, MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Sortie.addEvents({{ this._parent.get_name() }}, {{ this.source.js_code }}, {{ this.cards.js_code }},
                         {{ this.options|tojson }}, {{ this.control.get_name() if this.control else "null" }});
        {% endmacro %}
        """
    )
    default_js = sortie_js("canvas", "canvas-draw", "canvas-shapes", "canvas-density", "cards", "legend", "timeline",
                           "permalink", "wheel", "keyboard", "selection", "events")

    def __init__(self, source: bytes | str, cards: bytes | str, options: dict[str, Any], control: Any = None):
        """``source``/``cards``: :mod:`maps.pack` files to embed (bytes, as base64), or the URLs
        the browser fetches them from (str)."""
        super().__init__()
        self._name = "EventsLayer"
        self.source, self.cards = _embedded(source), _embedded(cards)
        self.options = options
        self.control = control
