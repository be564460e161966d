"""Short texts about an event for maps and exports: its dates in words, its tooltip line.

They are plain text: the browser renders them with textContent (static/sortie/sortie-map.js)
and exports escape them for their own format.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from events import event_types as et


def date_text(start: date, end: date | None, precision: str) -> str:
    if precision == "month" and (end is None or (start.year, start.month) == (end.year, end.month)):
        return start.strftime("%B %Y")
    if end is None or end == start:
        return start.isoformat()
    suffix = " (date uncertain)" if precision == "unknown" else ""
    return f"{start.isoformat()} – {end.isoformat()}{suffix}"


def tooltip_text(ev: dict[str, Any]) -> str:
    who = "/".join(ev.get("actors") or []) or "?"
    return f"{et.LABELS.get(ev['type'], ev['type'])} · {who} · {ev['date_start']}"
