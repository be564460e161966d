"""Helpers to read what the folium component received inside an AppTest run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

STATIC = Path(__file__).resolve().parent.parent / "static"


def map_args(at: AppTest, index: int = 0) -> dict[str, Any]:
    """The arguments st_folium sent to the browser: script, css_links, js_links..."""
    comps = [e for e in at.main if getattr(e, "type", None) == "component_instance"]
    return json.loads(comps[index].proto.json_args)


def map_payload(at: AppTest, index: int = 0) -> dict[str, Any]:
    """The events payload the map script loads (served from static/cache/)."""
    script = map_args(at, index)["script"]
    url = re.search(r'"/app/static/(cache/events-[0-9a-f]+\.json)"', script)
    assert url, "the map script does not load an events file"
    return json.loads((STATIC / url.group(1)).read_text(encoding="utf-8"))


def ids_on_map(at: AppTest, index: int = 0) -> set[str]:
    return {f["properties"]["id"] for f in map_payload(at, index)["features"]}
