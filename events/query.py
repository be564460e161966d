"""The dashboard's filters as a value: applied to a frame, and round-tripped through a URL."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from events.event_types import EVENT_TYPES
from events.schema import country_codes

SOURCE_SEP = "|"  # outlet names contain commas ("Associated Press (Moscow, V. Isachenkov)"), rarely a bar
MAX_SOURCES, MAX_SOURCE_LEN = 50, 253  # a hand-edited URL cannot make the filter unbounded


def url_host(url: object) -> str:
    """'https://www.yna.co.kr/view/1' -> 'yna.co.kr': the outlet of an event that names none."""
    if not isinstance(url, str) or not url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def outlet_of(name: object, url: object) -> str:
    """The outlet an event is credited to: its ``source_name``, else its URL's host ('' if neither).

    The name is taken as stored (the schema strips it), so ``Store.scan`` can match it in SQL."""
    return name if isinstance(name, str) and name else url_host(url)


def outlets(df: pd.DataFrame) -> pd.Series:
    """:func:`outlet_of` for every row, same index. Names and URLs repeat across thousands of
    events, so each distinct name is read once, and a URL only where the row has no name."""
    if not len(df):
        return pd.Series([], index=df.index, dtype=object)
    none = pd.Series(None, index=df.index, dtype=object)
    names = df["source_name"] if "source_name" in df else none
    n_codes, n_uniq = pd.factorize(names, use_na_sentinel=True)
    out = np.array([outlet_of(x, None) for x in n_uniq] + [""], dtype=object)[n_codes]
    nameless = np.flatnonzero(out == "")
    if len(nameless) and "source_url" in df:
        u_codes, u_uniq = pd.factorize(df["source_url"].iloc[nameless], use_na_sentinel=True)
        out[nameless] = np.array([url_host(x) for x in u_uniq] + [""], dtype=object)[u_codes]
    return pd.Series(out, index=df.index, dtype=object)


def join_sources(sources: Iterable[str]) -> str:
    """Outlets as one query value, bar-separated; a bar or backslash in a name is escaped."""
    return SOURCE_SEP.join(s.replace("\\", "\\\\").replace(SOURCE_SEP, "\\" + SOURCE_SEP) for s in sources)


def split_sources(raw: str) -> tuple[str, ...]:
    """The inverse of :func:`join_sources`; blanks and repeats dropped, lengths bounded."""
    out: list[str] = []
    cur: list[str] = []
    chars = iter(raw)
    for c in chars:
        if c == "\\":
            cur.append(next(chars, ""))
        elif c == SOURCE_SEP:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    kept = dict.fromkeys(s.strip() for s in out if s.strip() and len(s.strip()) <= MAX_SOURCE_LEN)
    return tuple(kept)[:MAX_SOURCES]


@dataclass(frozen=True)
class EventFilter:
    actors: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str = field(default="")
    drafts: bool = False  # extracted events a person has not approved yet are hidden by default
    sources: tuple[str, ...] = ()  # outlets (see :func:`outlet_of`); empty = all

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        """Rows matching every set criterion; an event counts if its dates overlap the window."""
        return df[self.mask(df)]

    @property
    def columns(self) -> tuple[str, ...]:
        """The frame columns :meth:`mask` reads for this filter (a narrow read must include them)."""
        cols = ["status", "type", "date_start", "date_end"]
        cols += ["actors"] * bool(self.actors) + ["observers"] * bool(self.observers)
        cols += ["source_name", "source_url"] * bool(self.sources)
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
        if self.sources:
            mask &= outlets(df).isin(self.sources)
        if self.text:
            needle = self.text.casefold()
            hay = (
                df["evidence"].fillna("") + " " + df["places"].map(" ".join) + " " + df["assets"].map(" ".join)
                + " " + df["source_name"].fillna("") + " " + df["notes"].fillna("")
            ).str.casefold()
            mask &= hay.str.contains(needle, regex=False)
        return mask

    def digest(self) -> str:
        """A short stable name of this filter (its URL parameters hashed), for keys that must
        change with it: a table's selection must not carry over to another filter's rows."""
        return hashlib.sha1(json.dumps(self.to_params(), sort_keys=True).encode("utf-8")).hexdigest()[:12]

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
        if self.sources:
            p["src"] = join_sources(self.sources)
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
            sources=split_sources(params.get("src") or ""),
        )
