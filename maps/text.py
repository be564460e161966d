"""Short texts about events for maps, tables and exports: dates in words, tooltip lines, readable rows.

They are plain text: the browser renders them with textContent (static/sortie/) and exports
escape them for their own format.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from events import event_types as et
from events.schema import country_name

TABLE_COLUMNS = ("when", "type", "actors", "observers", "places", "assets", "closest_approach_km", "evidence",
                 "source_name", "source_url")


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


def readable_table(view: pd.DataFrame) -> pd.DataFrame:
    """The events of a frame as a person reads them: dates in words, type labels, country names."""
    return view.assign(
        type=view["type"].map(et.label),
        when=[date_text(*d) for d in zip(view["date_start"], view["date_end"], view["date_precision"], strict=True)],
        actors=view["actors"].map(lambda cs: ", ".join(country_name(c) for c in cs)),
        observers=view["observers"].map(lambda cs: ", ".join(country_name(c) for c in cs)),
        places=view["places"].map("; ".join),
        assets=view["assets"].map("; ".join),
    )[list(TABLE_COLUMNS)]
