"""The interactive map as one HTML file that works from disk, with no network and no server.

The app's map page loads Leaflet, plugins and our CSS/JS from ``/app/static/...``, which only
exists while Streamlit serves it. Here every such ``<script src>`` and stylesheet ``<link>``
is replaced by the file's content, and any other ``/app/static/`` reference left (an icon in
CSS or JS) becomes a ``data:`` URI, so the file keeps working when mailed or archived.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from maps import assets
from maps.build import events_map

PREFIX = "/app/static/"
_SCRIPT = re.compile(r'<script\s+src="(/app/static/[^"]+)"\s*>\s*</script>')
_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="(/app/static/[^"]+)"\s*/?>')
_ANY = re.compile(r"/app/static/[A-Za-z0-9._~/%-]+")


def static_file(url: str) -> bytes:
    """The bytes behind a ``/app/static/...`` URL: our static folder, or the vendored CDN copy."""
    rel = url[len(PREFIX):].split("?", 1)[0].split("#", 1)[0]
    path = (assets.STATIC / rel).resolve()
    if assets.STATIC.resolve() not in path.parents:
        raise LookupError(f"{url} points outside static/")
    if path.is_file():
        return path.read_bytes()
    assets.install()  # writes static/vendor/ if this process has not yet
    if path.is_file():
        return path.read_bytes()
    raise LookupError(f"no local file for {url}; the standalone map would be incomplete")


def _data_uri(url: str) -> str:
    mime = mimetypes.guess_type(url.split("?", 1)[0])[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(static_file(url)).decode('ascii')}"


def _text(url: str) -> str:
    # Files loaded by other files (an icon in the CSS) become data URIs inside the inlined text too.
    return _ANY.sub(lambda m: _data_uri(m.group(0)), static_file(url).decode("utf-8"))


def inline_assets(html: str) -> str:
    """Replace every local script, stylesheet and remaining static reference by its content."""
    html = _SCRIPT.sub(lambda m: "<script>" + _text(m.group(1)).replace("</script", "<\\/script") + "</script>", html)
    html = _LINK.sub(lambda m: "<style>" + _text(m.group(1)).replace("</style", "<\\/style") + "</style>", html)
    return _ANY.sub(lambda m: _data_uri(m.group(0)), html)


def _caption(title: str, n: int) -> str:
    return (
        '<div style="position:fixed;top:8px;left:54px;z-index:1000;background:rgba(255,255,255,.92);'
        'padding:4px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);font:13px system-ui,sans-serif">'
        f"<b>{escape(title)}</b> · {n:,} event{'s' if n != 1 else ''} · Sortie</div>"
    )


def standalone_html(df: pd.DataFrame, title: str = "Sortie map", start: date | None = None,
                    end: date | None = None, prepared: pd.DataFrame | None = None, cards: bytes | None = None,
                    zone_entries: list[list[Any]] | None = None) -> str:
    """One self-contained page of the map of ``df``: popups, layers, legend and timeline.

    ``start``/``end`` bound the timeline (the filter's window); the events are embedded in the
    page (``inline``, in :mod:`maps.pack`'s encoding), never fetched from the app's cache.
    ``prepared``/``cards``/``zone_entries``: :func:`maps.payload.prepare` of ``df``, its packed
    cards and :func:`maps.zones.zone_entries`, when the caller made them chunk by chunk.
    """
    html = events_map(df, start, end, inline=True, prepared=prepared, cards=cards,
                      zone_entries=zone_entries).get_root().render()
    html = inline_assets(html)
    head = f"<title>{escape(title)}</title>"
    html = html.replace("<head>", "<head>\n    " + head, 1)
    return html.replace("</body>", _caption(title, len(df)) + "\n</body>", 1)


def write_standalone(df: pd.DataFrame, path: Path | str, title: str = "Sortie map", start: date | None = None,
                     end: date | None = None) -> Path:
    path = Path(path)
    path.write_text(standalone_html(df, title, start, end), encoding="utf-8")
    return path
