"""Helpers to read what the folium component received inside an AppTest run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from maps.pack import unpack_cards, unpack_columns

STATIC = Path(__file__).resolve().parent.parent / "static"


def map_args(at: AppTest, index: int = 0) -> dict[str, Any]:
    """The arguments st_folium sent to the browser: script, css_links, js_links..."""
    comps = [e for e in at.main if getattr(e, "type", None) == "component_instance"]
    return json.loads(comps[index].proto.json_args)


def map_file(at: AppTest, kind: str = "events", index: int = 0) -> Any:
    """A pack file the map script loads from static/cache/, decoded: ``events`` (drawing columns) or ``cards``."""
    script = map_args(at, index)["script"]
    url = re.search(rf'"/app/static/(cache/{kind}-[0-9a-f]+\.bin)"', script)
    assert url, f"the map script does not load a {kind} file"
    blob = (STATIC / url.group(1)).read_bytes()
    return unpack_columns(blob) if kind == "events" else unpack_cards(blob)


def ids_on_map(at: AppTest, index: int = 0) -> set[str]:
    return set(map_file(at, "events", index)["id"])


def open_page(page: str, timeout: float = 90) -> AppTest:
    """The app as a browser opens it (through app.py's navigation), switched to ``pages/<page>``."""
    at = AppTest.from_file("../app.py", default_timeout=timeout)
    at.run()
    at.switch_page(f"pages/{page}").run()
    assert not at.exception
    return at
