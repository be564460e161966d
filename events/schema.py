"""The event record: one reported military activity, validated on the way in.

Modelled on what ACLED and PLOVER record (who, what, when, where, source), narrowed to the
activities Sortie maps. Every way into the store (CSV/GeoJSON import, extraction, edits in
the app) goes through :class:`Event`, so a bad value is caught once, with the field named.
"""

from __future__ import annotations

import math
import uuid
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pycountry
import shapely
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from shapely.geometry import shape

from events.event_types import EVENT_TYPES
from events.geo_precision import GEO_PRECISIONS

DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "range", "unknown")
STATUSES: tuple[str, ...] = ("draft", "approved")
# How the report presents the activity; only "reported" (it happened) is drafted by default, the
# others are what the extractor left out, kept so a reviewer can add them back.
MODALITIES: tuple[str, ...] = ("reported", "planned", "hypothetical", "negated", "background")

# Literal[tuple] spells out the registries' names for pydantic: a new type is only a registry entry.
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
DatePrecision = Literal[DATE_PRECISIONS]  # type: ignore[valid-type]
GeoPrecision = Literal[GEO_PRECISIONS]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]

LIST_FIELDS: tuple[str, ...] = ("actors", "observers", "places", "assets", "related")  # lists of strings
GEOMETRY_TYPES = {"Point", "LineString", "Polygon", "MultiPolygon", "MultiLineString", "MultiPoint"}
MAX_TEXT = 5_000  # one evidence sentence or note; a whole article does not belong in a field


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, user-assigned but used by the EU and NATO)."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


# Names as news reports write them; ISO's formal names ("Russian Federation", "Korea,
# Republic of") read badly on a map card.
SHORT_NAMES = {
    "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "USA": "United States",
    "GBR": "United Kingdom", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "LAO": "Laos",
    "MDA": "Moldova", "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania", "XKX": "Kosovo",
}


def country_name(code: str) -> str:
    """Short English name for an alpha-3 code, for display."""
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or (c.name if c else code)


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _walk_positions(coords: Any) -> list[tuple[float, float]]:
    if coords and isinstance(coords[0], (int, float)):
        return [tuple(coords[:2])]  # type: ignore[list-item]
    out: list[tuple[float, float]] = []
    for c in coords or []:
        out.extend(_walk_positions(c))
    return out


def check_geometry(geom: dict[str, Any]) -> dict[str, Any]:
    """Reject anything that is not a sane WGS84 GeoJSON geometry, with a reason."""
    if not isinstance(geom, dict) or geom.get("type") not in GEOMETRY_TYPES:
        raise ValueError(f"geometry type must be one of {sorted(GEOMETRY_TYPES)}")
    positions = _walk_positions(geom.get("coordinates"))
    if not positions:
        raise ValueError("geometry has no coordinates")
    for lon, lat in positions:
        if not (isinstance(lon, (int, float)) and isinstance(lat, (int, float))):
            raise ValueError("coordinates must be numbers")
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError("coordinates must be finite")
        if not -180 <= lon <= 180:
            raise ValueError(f"longitude {lon} out of range -180..180")
        if not -90 <= lat <= 90:
            raise ValueError(f"latitude {lat} out of range -90..90")
    if geom["type"] == "Point":
        return geom  # fully checked above; skipping shapely here halves a 100k-row import
    try:
        shape(geom)
    except Exception as exc:  # shapely raises several types for malformed input
        raise ValueError(f"malformed {geom['type']}: {exc}") from None
    return geom


CHECKED_GEOMETRY = "checked_geometry"  # validation context key: geometry objects already known good


class Event(BaseModel):
    """One activity as reported: who did what, where, when, and the sentence that says so."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    type: EventType
    date_start: date
    date_end: date | None = None
    date_precision: DatePrecision = "day"
    actors: list[str] = Field(default_factory=list)
    observers: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    geometry: dict[str, Any] | None = None
    geo_precision: GeoPrecision = "unknown"
    closest_approach_km: float | None = Field(default=None, ge=0, le=20_000)
    assets: list[str] = Field(default_factory=list)
    source_url: str | None = Field(default=None, max_length=2_000)
    source_name: str | None = Field(default=None, max_length=200)
    published: date | None = None
    evidence: str = Field(default="", max_length=MAX_TEXT)
    status: Status = "approved"
    related: list[str] = Field(default_factory=list, description="ids of linked events (a scramble's trigger)")
    notes: str = Field(default="", max_length=MAX_TEXT)
    confidence: float | None = Field(default=None, ge=0, le=1, description="the extractor's; None if typed by a person")
    modality: Modality = "reported"
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = Field(default=1, ge=1, description="counts saves; an edit of an older one is refused")
    created_by: str | None = Field(default=None, max_length=100, description="account that first saved it")
    updated_by: str | None = Field(default=None, max_length=100, description="account that saved this version")

    @field_validator("actors", "observers", mode="before")
    @classmethod
    def _split_codes(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = [p for p in v.replace(",", ";").split(";")]
        return v

    @field_validator("actors", "observers")
    @classmethod
    def _iso3(cls, v: list[str]) -> list[str]:
        out = []
        for code in v:
            code = code.strip().upper()
            if not code:
                continue
            if code not in country_codes():
                raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code")
            if code not in out:
                out.append(code)
        return out

    @field_validator("places", "assets", "related", mode="before")
    @classmethod
    def _split_list(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = v.split(";")
        if isinstance(v, list):
            v = [str(x).strip() for x in v if str(x).strip()]
        return v

    @field_validator("geometry", mode="wrap")
    @classmethod
    def _geometry(cls, v: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> dict[str, Any] | None:
        # CHECKED_GEOMETRY in the context: that very object is known good (the gazetteer's own outline,
        # drawn from its checked data), so a draft does not walk and rebuild a sea's polygon again
        if v is not None and info.context and any(v is g for g in info.context.get(CHECKED_GEOMETRY, ())):
            return v
        v = handler(v)
        return None if v is None else check_geometry(v)

    @field_validator("source_url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        # Only web links: a javascript: or data: URL in a popup link would run on click.
        if not v:
            return None
        if not v.lower().startswith(("http://", "https://")):
            raise ValueError("source_url must start with http:// or https://")
        return v

    @field_validator("closest_approach_km")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        if v is not None and not math.isfinite(v):
            raise ValueError("must be a finite number")
        return v

    @model_validator(mode="after")
    def _dates(self) -> Event:
        if self.date_end is None:
            # validate_assignment would re-enter this validator; set the raw attribute.
            object.__setattr__(self, "date_end", self.date_start)
        if self.date_end < self.date_start:
            raise ValueError(f"date_end {self.date_end} is before date_start {self.date_start}")
        return self

    @property
    def point(self) -> tuple[float, float] | None:
        """(lat, lon) of a representative point inside the geometry, for markers and tables."""
        if not self.geometry:
            return None
        if self.geometry["type"] == "Point":
            lon, lat = self.geometry["coordinates"][:2]
            return (lat, lon)
        g = shape(self.geometry)
        west, _, east, _ = g.bounds
        if east - west > 180:  # crosses the antimeridian (Bering Sea): work in 0..360 longitudes
            g = shapely.transform(g, lambda c: np.column_stack([np.mod(c[:, 0], 360), c[:, 1]]))
        if g.geom_type in ("LineString", "MultiLineString"):
            p = g.interpolate(0.5, normalized=True)  # the middle of a route, not one of its ends
        else:
            p = g.representative_point()
        return (p.y, (p.x + 180) % 360 - 180)


class FieldError(ValueError):
    """A validation failure located by row (1-based, as a user counts them) and field."""

    def __init__(self, row: int | None, field: str, message: str):
        self.row, self.field, self.message = row, field, message
        where = f"row {row}: " if row is not None else ""
        super().__init__(f"{where}{field}: {message}")


def field_errors(exc: ValidationError, row: int | None = None) -> list[FieldError]:
    """Flatten pydantic's error list into one readable error per field."""
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "event"
        msg = err["msg"].removeprefix("Value error, ")
        out.append(FieldError(row, loc, msg))
    return out


def parse_event(data: dict[str, Any], row: int | None = None) -> Event:
    """Validate ``data`` into an Event, raising a :class:`FieldErrors` that names each field."""
    try:
        return Event.model_validate(data)
    except ValidationError as exc:
        raise FieldErrors(field_errors(exc, row)) from None


class FieldErrors(ValueError):
    """All the field errors of one record, so a user fixes them in one pass."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))
