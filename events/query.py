"""The dashboard's filters as a value: applied to a frame, and round-tripped through a URL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from events.event_types import EVENT_TYPES
from events.schema import country_codes


@dataclass(frozen=True)
class EventFilter:
    actors: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str = field(default="")
    drafts: bool = False  # extracted events a person has not approved yet are hidden by default

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        """Rows matching every set criterion; an event counts if its dates overlap the window."""
        return df[self.mask(df)]

    @property
    def columns(self) -> tuple[str, ...]:
        """The frame columns :meth:`mask` reads for this filter (a narrow read must include them)."""
        cols = ["status", "type", "date_start", "date_end"]
        cols += ["actors"] * bool(self.actors) + ["observers"] * bool(self.observers)
        if self.text:
            cols += ["evidence", "places", "assets", "source_name", "notes"]
        return tuple(dict.fromkeys(cols))

    def mask(self, df: pd.DataFrame) -> pd.Series:
        """True for the rows :meth:`apply` keeps."""
        mask = pd.Series(True, index=df.index) if self.drafts else df["status"] == "approved"
        if self.types:
            mask &= df["type"].isin(self.types)
        if self.actors:
            want = set(self.actors)
            mask &= df["actors"].map(lambda a: not want.isdisjoint(a))
        if self.observers:
            want_o = set(self.observers)
            mask &= df["observers"].map(lambda a: not want_o.isdisjoint(a))
        if self.date_from:
            mask &= df["date_end"] >= self.date_from
        if self.date_to:
            mask &= df["date_start"] <= self.date_to
        if self.text:
            needle = self.text.casefold()
            hay = (
                df["evidence"].fillna("") + " " + df["places"].map(" ".join) + " " + df["assets"].map(" ".join)
                + " " + df["source_name"].fillna("") + " " + df["notes"].fillna("")
            ).str.casefold()
            mask &= hay.str.contains(needle, regex=False)
        return mask

    def to_params(self) -> dict[str, str]:
        """Short, readable query parameters; empty criteria are left out."""
        p: dict[str, str] = {}
        if self.actors:
            p["actors"] = ",".join(self.actors)
        if self.observers:
            p["observers"] = ",".join(self.observers)
        if self.types:
            p["types"] = ",".join(self.types)
        if self.date_from:
            p["from"] = self.date_from.isoformat()
        if self.date_to:
            p["to"] = self.date_to.isoformat()
        if self.text:
            p["q"] = self.text
        if self.drafts:
            p["drafts"] = "1"
        return p

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> EventFilter:
        """Lenient: a hand-edited URL with a bad value drops that value instead of failing."""

        def codes(key: str, allowed: frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
            raw = params.get(key) or ""
            return tuple(c for c in (x.strip() for x in raw.split(",")) if c in allowed)

        def day(key: str) -> date | None:
            try:
                return date.fromisoformat(params.get(key) or "")
            except ValueError:
                return None

        return cls(
            actors=codes("actors", country_codes()),
            observers=codes("observers", country_codes()),
            types=codes("types", EVENT_TYPES),
            date_from=day("from"),
            date_to=day("to"),
            text=(params.get("q") or "")[:200],
            drafts=params.get("drafts") == "1",
        )
