"""Helpers to read what the folium component received inside an AppTest run."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest


def map_args(at: AppTest, index: int = 0) -> dict[str, Any]:
    """The arguments st_folium sent to the browser: script, css_links, js_links..."""
    comps = [e for e in at.main if getattr(e, "type", None) == "component_instance"]
    return json.loads(comps[index].proto.json_args)
