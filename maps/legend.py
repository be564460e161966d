"""A legend control listing the event types shown, in their colours."""

from __future__ import annotations

from html import escape

from branca.element import MacroElement
from folium.template import Template

from maps.style import TYPE_COLORS, TYPE_LABELS


class Legend(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "sortie-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, counts: dict[str, int]):
        super().__init__()
        self._name = "Legend"
        items = "".join(
            f'<div><span class="sortie-swatch" style="background:{TYPE_COLORS[t]}"></span>'
            f"{escape(TYPE_LABELS[t])} <b>{n}</b></div>"
            for t, n in counts.items()
        )
        cue = (
            '<div class="sortie-legend-cue"><span class="sortie-swatch sortie-coarse"></span>'
            "dashed ring: area or country-level location</div>"
        )
        self.html = f"<div class='sortie-legend-title'>Events</div>{items}{cue}"
