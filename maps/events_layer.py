"""The events of a map as one element: icons, routes, areas, links, legend and timeline.

All drawing happens in ``static/sortie/sortie-map.js``; this element passes it the events
(inline, or the URLs of cached files: drawing columns, and card details fetched on the first
click) and the styling options, and registers the JS file so
streamlit-folium loads it like any folium plugin.
"""

from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

SCRIPT_URL = "/app/static/sortie/sortie-map.js"


class EventsLayer(JSCSSMixin, MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Sortie.addEvents({{ this._parent.get_name() }}, {{ this.source|tojson }}, {{ this.cards|tojson }},
                         {{ this.options|tojson }}, {{ this.control.get_name() if this.control else "null" }});
        {% endmacro %}
        """
    )
    default_js = [("sortie_map", SCRIPT_URL)]

    def __init__(self, source: dict[str, Any] | str, cards: list[Any] | str, options: dict[str, Any],
                 control: Any = None):
        super().__init__()
        self._name = "EventsLayer"
        self.source = source
        self.cards = cards
        self.options = options
        self.control = control
