"""Event cards as HTML in which every piece of report or user text is escaped.

Report text is hostile by default: an evidence sentence may carry ``<img onerror=...>``.
Leaflet puts popup and tooltip strings into ``innerHTML``, so escaping happens here, once,
before anything reaches the browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any

from events.schema import country_name
from maps.style import TYPE_COLORS, TYPE_LABELS


def _text(v: Any) -> str:
    """Frame cells hold NaN for missing text; treat anything that is not a string as absent."""
    return v if isinstance(v, str) else ""


def _names(codes: Iterable[str]) -> str:
    return ", ".join(escape(country_name(c)) for c in codes) or "—"


def date_text(start: date, end: date | None, precision: str) -> str:
    if precision == "month" and (end is None or (start.year, start.month) == (end.year, end.month)):
        return start.strftime("%B %Y")
    if end is None or end == start:
        return start.isoformat()
    suffix = " (date uncertain)" if precision == "unknown" else ""
    return f"{start.isoformat()} – {end.isoformat()}{suffix}"


def card_html(ev: dict[str, Any]) -> str:
    """The popup of one event (a row of the events frame, as a dict)."""
    color = TYPE_COLORS.get(ev["type"], "#555")
    rows = [
        ("When", escape(date_text(ev["date_start"], ev.get("date_end"), ev.get("date_precision", "day")))),
        ("Who", _names(ev.get("actors") or [])),
        ("Towards", _names(ev.get("observers") or [])),
        ("Where", escape("; ".join(ev.get("places") or [])) or "—"),
    ]
    if ev.get("assets"):
        rows.append(("Assets", escape("; ".join(ev["assets"]))))
    km = ev.get("closest_approach_km")
    if isinstance(km, (int, float)) and km == km:  # km == km is False for NaN
        rows.append(("Closest approach", f"{km:g} km"))
    rows.append(("Location", escape(_text(ev.get("geo_precision")) or "unknown") + " precision"))
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    source = escape(_text(ev.get("source_name")) or "source")
    url = _text(ev.get("source_url"))
    link = (
        f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{source}</a>'
        if url
        else source
    )
    published = f", {escape(str(ev['published']))}" if isinstance(ev.get("published"), date) else ""
    status = "" if ev.get("status", "approved") == "approved" else " <em>(draft)</em>"
    label = escape(TYPE_LABELS.get(ev["type"], ev["type"]))
    return (
        f'<div class="sortie-card">'
        f'<div class="sortie-card-type" style="color:{color}">{label}{status}</div>'
        f"<table>{table}</table>"
        f'<blockquote>{escape(_text(ev.get("evidence")))}</blockquote>'
        f'<div class="sortie-card-source">{link}{published}</div>'
        f"</div>"
    )


def tooltip_text(ev: dict[str, Any]) -> str:
    who = "/".join(ev.get("actors") or []) or "?"
    return escape(f"{TYPE_LABELS.get(ev['type'], ev['type'])} · {who} · {ev['date_start']}")
