"""Helpers to read what the folium component received inside an AppTest run."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
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
    url = re.search(rf'"/app/static/(cache/{kind}-[0-9a-f]+\.gz)"', script)
    assert url, f"the map script does not load a {kind} file"
    blob = (STATIC / url.group(1)).read_bytes()
    return unpack_columns(blob) if kind == "events" else unpack_cards(blob)


def map_selection(at: AppTest) -> dict[str, Any] | None:
    """The selection (maps/selection.py) the page sent its map, or None if it sent none."""
    for e in at.main:
        doc = getattr(getattr(e, "proto", None), "srcdoc", "")
        if '"sortie": "select"' in doc:
            return json.loads(re.search(r"m = (\{.*?\});\n", doc).group(1))
    return None


def ids_on_map(at: AppTest, index: int = 0) -> set[str]:
    """The events the map draws: those of its file that the page's filters keep (the browser
    hides the rest, static/sortie/selection.js)."""
    ids = map_file(at, "events", index)["id"]
    sel = map_selection(at) if index == 0 else None
    if sel is None:
        return set(ids)
    assert sel["n"] == len(ids), "the selection is not for this map's events"
    bits = np.unpackbits(np.frombuffer(gzip.decompress(base64.b64decode(sel["keep"])), np.uint8), bitorder="little")
    return {i for i, k in zip(ids, bits[:len(ids)], strict=False) if k}


def open_page(page: str, timeout: float = 90) -> AppTest:
    """The app as a browser opens it (through app.py's navigation), switched to ``pages/<page>``."""
    at = AppTest.from_file("../app.py", default_timeout=timeout)
    at.run()
    at.switch_page(f"pages/{page}").run()
    assert not at.exception
    return at
