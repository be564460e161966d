"""Serve Leaflet and folium's plugin files locally, so maps render with no internet.

folium points every element at CDN URLs. The ``folium-offline`` package (MIT, Sandia National
Laboratories) ships folium 0.20's exact CDN files keyed by URL; we write the ones we use under
``static/vendor/`` (Streamlit serves ``static/`` at ``/app/static/``) and rewrite the URLs of
every folium class to point there. A URL we have no copy of raises instead of leaking a
request to the internet.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import folium
import folium.plugins  # noqa: F401  (registers the plugin classes we localise below)
from folium.elements import JSCSSMixin
from offlinefolium.elements import _res as OFFLINE_FILES

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
VENDOR = STATIC / "vendor"
URL_PREFIX = "/app/static/vendor/"
SCRIPT_DIR = "/app/static/sortie/"  # our own map scripts, one per feature


def sortie_js(*modules: str) -> list[tuple[str, str]]:
    """folium asset pairs for scripts of static/sortie, core.js first (every module needs it).

    ``modules`` are file names without ``.js``, in load order: a module's dependencies first.
    Elements that share a module declare it under the same name, so folium loads it once.
    """
    return [(f"sortie_{m.replace('-', '_')}", f"{SCRIPT_DIR}{m}.js") for m in ("core", *modules)]


# Files the map does not need: folium adds them for AwesomeMarkers icons, which Sortie does
# not use (our icons are SVG paths), and they would pull web fonts. jQuery stays: folium's
# Popup template calls $().
UNUSED = {"bootstrap", "awesome_markers", "bootstrap_css", "glyphicons_css",
          "awesome_markers_font_css", "awesome_markers_css", "awesome_rotate_css"}


def local_name(url: str) -> str:
    """Stable, collision-free file name for a CDN URL (two plugins ship a 'leaflet.js')."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", url.rsplit("/", 1)[-1])[-60:]
    digest = hashlib.sha1(url.encode()).hexdigest()[:8]
    return f"{digest}-{base}"


def file_text(url: str) -> str:
    """The content of a CDN file, from the folium-offline package."""
    try:
        return OFFLINE_FILES[url]
    except KeyError:
        raise LookupError(f"no offline copy of {url}; add it before using this element") from None


def _all_subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_all_subclasses(sub))
    return out


def _localise(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for name, url in pairs:
        if name in UNUSED:
            continue
        if url.startswith(URL_PREFIX) or url.startswith("/app/static/"):
            out.append((name, url))
            continue
        file_text(url)  # fail loudly now rather than render a CDN link later
        out.append((name, URL_PREFIX + local_name(url)))
    return out


@lru_cache(maxsize=1)
def install() -> Path:
    """Write the vendor files and point folium at them. Idempotent; call before building maps."""
    VENDOR.mkdir(parents=True, exist_ok=True)
    for url, text in OFFLINE_FILES.items():
        target = VENDOR / local_name(url)
        data = text.encode("utf-8")
        if not target.exists() or target.stat().st_size != len(data):
            tmp = target.with_suffix(target.suffix + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(target)  # atomic: a browser never reads half a file
    for cls in [JSCSSMixin, *_all_subclasses(JSCSSMixin)]:
        for attr in ("default_js", "default_css"):
            pairs = cls.__dict__.get(attr)
            if pairs:
                try:
                    setattr(cls, attr, _localise(pairs))
                except LookupError:
                    # A plugin we have no copy of: make it unusable rather than online.
                    setattr(cls, attr, [(n, "/app/static/vendor/missing-" + local_name(u)) for n, u in pairs])
    folium.Map.default_css = [*folium.Map.default_css, ("sortie_css", "/app/static/sortie.css")]
    return VENDOR

