"""Names of seas, straits and gulfs as an optional map layer, like a nautical chart's labels."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from geo.gazetteer import default_gazetteer, gazetteer_loaded, open_gazetteer
from maps.assets import sortie_js

LAYER_NAME = "Sea and strait names"
FONT_PX = {"ocean": 13, "sea": 12, "gulf": 11, "strait": 11, "bay": 10, "channel": 10, "sound": 10}


@lru_cache(maxsize=1)
def marine_labels() -> list[list[Any]]:
    """[name, lat, lon, font px] of every named marine area in the gazetteer.

    Read from a gazetteer opened for this and then dropped, unless the process already holds
    the shared one: a map or export that geocodes nothing need not keep every place name."""
    gaz = default_gazetteer() if gazetteer_loaded() else open_gazetteer()
    best: dict[str, Any] = {}  # one label per name: a strait's partial outline and its own entry share it
    for p in gaz.places():
        if p.kind in FONT_PX and (p.name not in best or p.rank > best[p.name].rank):
            best[p.name] = p
    return [[p.name, round(p.lat, 3), round(p.lon, 3), FONT_PX[p.kind]] for p in best.values()]


class MarineLabels(JSCSSMixin, MacroElement):
    """The labels as a layer-control overlay, off by default; names are set with textContent."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Sortie.addLabels({{ this._parent.get_name() }}, {{ this.source|tojson }},
                         {{ this.control.get_name() }}, {{ this.label|tojson }});
        {% endmacro %}
        """
    )
    default_js = sortie_js("labels")

    def __init__(self, source: list[list[Any]] | str, control: Any):
        super().__init__()
        self._name = "MarineLabels"
        self.source = source
        self.control = control
        self.label = LAYER_NAME
