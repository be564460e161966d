"""A person's edits applied to an event: one path for the Events page form and the review table.

Widgets give text for lists ("RUS; CHN"), blank strings or NaN for "not given" and GeoJSON as
text; this turns them into Event fields and validates the result, so both pages report the
same errors, named by row and field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from events.schema import LIST_FIELDS, Event, FieldError, FieldErrors, parse_event, utcnow

OPTIONAL = ("date_end", "closest_approach_km", "source_url", "source_name", "published", "geometry")


def list_text(values: list[str]) -> str:
    """A list field as one editable text."""
    return "; ".join(values)


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())


def apply_edits(base: Event, values: Mapping[str, Any], row: int | None = None, **fixed: Any) -> Event:
    """``base`` with ``values`` (only the fields given) applied and validated.

    The id and creation time stay those of ``base``; ``fixed`` sets fields the caller decides
    (e.g. ``status="approved"`` on approval). Raises :class:`FieldErrors` naming ``row``.
    """
    data = base.model_dump()
    for k, v in values.items():
        if k not in data or k in ("id", "created_at", "updated_at"):
            continue
        if k in LIST_FIELDS:
            data[k] = "" if _blank(v) else v
        elif k == "geometry" and isinstance(v, str) and v.strip():
            try:
                data[k] = json.loads(v)
            except json.JSONDecodeError as exc:
                raise FieldErrors([FieldError(row, "geometry", f"not valid GeoJSON ({exc.msg})")]) from None
        elif _blank(v):
            data[k] = None if k in OPTIONAL else ("" if isinstance(data[k], str) else v)
        else:
            data[k] = v
    data.update(fixed)
    data["updated_at"] = utcnow()
    return parse_event(data, row)
