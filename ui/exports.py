"""Download buttons for the current view: images, interactive page, animation and data.

Files are made only when a button is clicked (``st.download_button`` with a callable) and
cached by what determines them: the format, the filter, the title and the store revision plus
the ids shown, so a rerun never renders anything and a second click is instant.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from events import io as formats
from events.query import EventFilter
from maps.snapshot.extent import BadBBox, parse_bbox
from maps.snapshot.outputs import MIME, OUTPUTS, Request, make

# Pictures offered in the panel: (label, format, width, dpi, help). A screen PNG at 1600 px and
# a print PNG of 16 in at 300 dpi; then every data format the registry can write.
PICTURES: tuple[tuple[str, str, int | None, int, str], ...] = (
    ("PNG", "png", 1600, 100, "Image for screens and slides, 1600 px wide"),
    ("PNG (print)", "png", 4800, 300, "Image for print: 16 in at 300 dpi"),
    ("SVG", "svg", 1600, 100, OUTPUTS["svg"].help),
    ("PDF", "pdf", 1600, 100, OUTPUTS["pdf"].help),
    ("HTML", "html", None, 100, OUTPUTS["html"].help),
    ("GIF", "gif", 1200, 100, OUTPUTS["gif"].help),
)
BUTTONS = PICTURES + tuple((f.label, f.name, None, 100, f.help) for f in formats.writable())


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:30]


def export_name(flt: EventFilter, ext: str, view: pd.DataFrame | None = None, suffix: str = "") -> str:
    """File name after the view, e.g. ``sortie_2021-10-01_2021-11-30_RUS-CHN.png``.

    Dates are the filter's window, else the span of ``view``; then acting countries, ``to-``
    approached countries, types and a search-text slug, when set. Safe on every file system.
    """
    lo = flt.date_from or (min(view["date_start"]) if view is not None and len(view) else None)
    hi = flt.date_to or (max(view["date_end"]) if view is not None and len(view) else None)
    parts = ["sortie"]
    if lo or hi:
        parts += [lo.isoformat() if lo else "start", hi.isoformat() if hi else "end"]
    if flt.actors:
        parts.append("-".join(flt.actors))
    if flt.observers:
        parts.append("to-" + "-".join(flt.observers))
    if flt.types:
        parts.append("-".join(flt.types))
    if flt.text and _slug(flt.text):
        parts.append(_slug(flt.text))
    stem = "_".join(parts)[:150] + suffix
    return f"{stem}.{ext.lower().lstrip('.')}"


def view_key(view: pd.DataFrame) -> str:
    """Digest of the ids shown: with the store revision, it names the exact content of a file."""
    return hashlib.sha1("\n".join(map(str, view["id"])).encode()).hexdigest()[:16]


@st.cache_data(show_spinner=False, max_entries=24)
def _cached(fmt: str, params: tuple[tuple[str, str], ...], revision: int, ids: str, title: str,
            width: int | None, dpi: int, bbox: str | None, _view: pd.DataFrame, _flt: EventFilter) -> bytes:
    # Underscored arguments are not hashed: the key is the filter, revision and ids above.
    return make(_view, _flt, Request(fmt=fmt, title=title, width=width, dpi=dpi, bbox=bbox))


def file_bytes(view: pd.DataFrame, flt: EventFilter, title: str, fmt: str, width: int | None = None,
               dpi: int = 100, revision: int = 0, bbox: str | None = None) -> bytes:
    """The export file for ``fmt``, from the cache when the same view was exported before."""
    params = tuple(sorted(flt.to_params().items()))
    return _cached(fmt, params, revision, view_key(view), title, width, dpi, bbox, view, flt)


def _revision() -> int:
    from ui.loaders import get_store

    return get_store().revision()


def export_panel(view: pd.DataFrame, flt: EventFilter, title: str, *, bbox: str | None = None) -> None:
    """One download button per format, named after the view; nothing is rendered until a click.

    ``bbox`` (``W,S,E,N``, e.g. :meth:`maps.permalink.MapLink.bbox` of the map's view) frames the
    images and the animation as the user panned the map; without it they fit the events.
    """
    if bbox:
        try:
            parse_bbox(bbox)
        except BadBBox:
            bbox = None  # a bad extent must not break the downloads: fit the events instead
    revision = _revision()
    cols = st.columns(len(BUTTONS) // 3 + (len(BUTTONS) % 3 > 0))
    for i, (label, fmt, width, dpi, help_text) in enumerate(BUTTONS):
        suffix = "_print" if width and dpi >= 300 else ""
        cols[i % len(cols)].download_button(
            label,
            data=lambda fmt=fmt, width=width, dpi=dpi: file_bytes(view, flt, title, fmt, width, dpi, revision, bbox),
            file_name=export_name(flt, fmt, view, suffix),
            mime=MIME[fmt],
            key=f"export_{fmt}{suffix}",
            help=help_text,
            on_click="ignore",  # a download must not rerun the page
            icon=":material/download:",
            width="stretch",
        )
