"""All events of one type as a single Leaflet GeoJSON layer (never one folium object per event).

Styling, point markers and popups are done by a few lines of JavaScript over the feature
properties, so the Python side only builds one FeatureCollection: fast to build, small to send.
Data is embedded with Jinja's ``tojson``, which escapes ``<`` so report text cannot close the
script tag; popup HTML was escaped by :mod:`maps.popup`.
"""

from __future__ import annotations

from typing import Any

from folium.map import Layer
from folium.template import Template


class EventLayer(Layer):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data|tojson }}, {
            style: function (f) {
                if (f.geometry.type === "Point") { return {}; }
                var area = f.geometry.type.indexOf("Polygon") >= 0;
                return {color: {{ this.color|tojson }}, weight: area ? 1.5 : 3,
                        opacity: 0.9, fillOpacity: area ? 0.18 : 0,
                        dashArray: f.properties.inferred ? "6 6" : null};
            },
            pointToLayer: function (f, latlng) {
                var coarse = f.properties.precision === "country" || f.properties.precision === "area";
                return L.circleMarker(latlng, {radius: coarse ? 11 : 7, color: "#222", weight: 1,
                    fillColor: {{ this.color|tojson }}, fillOpacity: coarse ? 0.45 : 0.9,
                    dashArray: coarse ? "3 3" : null});
            },
            onEachFeature: function (f, layer) {
                layer.bindPopup(f.properties.popup, {maxWidth: 360});
                layer.bindTooltip(f.properties.tip);
            }
        });
        // Registry read by the browser tests and the timeline: which events are drawn.
        window.sortieLayers = window.sortieLayers || {};
        window.sortieLayers[{{ this.etype|tojson }}] = {{ this.get_name() }};
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any], etype: str, name: str, color: str, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "EventLayer"
        self.etype = etype
        self.data = data
        self.color = color
