"""Turn a query into ranked candidate places: exact key, relative/compound phrase, news-form
rewrite, then fuzzy.

Why this order: an exact key (after normalisation and aliases) is both the fastest and the
most trustworthy answer; a phrase ("140 km north of Miyako Island", "between A and B") is
parsed only when that misses, and answers itself or nothing (fuzzy matching the whole
phrase would only find a wrong place); rewrites of news phrasing ("off Hokkaido") come next;
fuzzy matching is the last resort and its confidence says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from . import compound
from .fuzzy import FuzzyIndex
from .gazetteer import Gazetteer, Place
from .match import Match, precision_of
from .newsforms import variants
from .normalize import FEATURE_WORDS, MAX_QUERY_CHARS, clean, has_letters, key, tokens
from .phrases import Phrase, parse

FUZZY_CUTOFF = 85.0  # rapidfuzz ratio (0-100) below which a fuzzy match is not offered
NO_FUZZY = 101.0  # a cutoff no ratio reaches: exact and news-form answers only
CONTEXT_BONUS = 40.0  # rank points for a place inside the requested country / viewbox
PRIMARY_NAME_BONUS = 5.0  # rank points when the query is the place's own name, not an alias
_CITY_KINDS = frozenset({"city", "capital", "port"})

Viewbox = tuple[tuple[float, float], tuple[float, float]]


__all__ = ["FUZZY_CUTOFF", "Match", "Resolver", "haversine_km", "precision_of", "query_problem"]


def query_problem(query: object) -> str | None:
    """Why a query cannot be a place name, or None if it can be looked up."""
    if not isinstance(query, str):
        return f"query must be a string, not {type(query).__name__}"
    if len(query) > MAX_QUERY_CHARS:
        return f"query longer than {MAX_QUERY_CHARS} characters"
    text = clean(query)
    if not text:
        return "empty query"
    if not has_letters(text):
        return "query has no letters"
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a 6371 km sphere (ranking only; geometry.py is geodesic)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Resolver:
    """Ranks gazetteer places for a query, optionally biased by country or viewbox."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._fuzzy: FuzzyIndex | None = None

    @property
    def fuzzy(self) -> FuzzyIndex:
        """Built on first fuzzy lookup (~0.1 s) so exact-only users never pay for it."""
        if self._fuzzy is None:
            rows = self.gaz._rows  # noqa: SLF001 (same package; avoids 100k Place objects)

            def prominent(k: str) -> bool:  # the fallback pool: seas, straits, bases, islands...
                return any(rows[i][1] not in _CITY_KINDS for i in self.gaz.keys[k])

            self._fuzzy = FuzzyIndex(self.gaz.keys, prominent)
        return self._fuzzy

    def country_iso(self, country: str) -> str | None:
        """ISO alpha-3 for a code or a country name ("JPN", "Japan"), else None."""
        c = country.strip()
        if c.upper() in self.gaz.by_iso:
            return c.upper()
        for i in self.gaz.keys.get(" ".join(sorted(tokens(c))), ()):
            p = self.gaz.place(i)
            if p.kind == "country":
                return p.iso_a3
        return None

    def resolve(self, query: str, *, limit: int = 5, country_codes: str | Sequence[str] | None = None,
                viewbox: Viewbox | None = None, fuzzy_cutoff: float = FUZZY_CUTOFF) -> list[Match]:
        """Candidates best first; [] for text that is not a place name or matches nothing."""
        if query_problem(query) is not None:
            return []
        isos = self._isos(country_codes)
        return self._lookup(clean(query), isos, viewbox, fuzzy_cutoff, phrases=True)[:limit]

    def _lookup(self, text: str, isos: tuple[str, ...], viewbox: Viewbox | None, fuzzy_cutoff: float,
                *, phrases: bool) -> list[Match]:
        """Ranked matches for cleaned text; ``phrases=False`` for a phrase's anchors (one level only)."""
        toks = tokens(text)
        if not toks or all(t in FEATURE_WORDS for t in toks):  # "the strait", "Sea": no place named
            return []
        matches = self._exact(toks, 1.0, "exact", "")
        if not matches and ("(" in text or "/" in text):
            for part in _paren_parts(text):
                matches = self._exact(tokens(part), 0.95, "exact", "")
                if matches:
                    break
        if not matches and phrases and (phrase := parse(text)) is not None:
            return self._rank(self._answer(phrase, isos, viewbox, fuzzy_cutoff), set(isos), viewbox)
        if not matches:
            for vt, qualifier in variants(toks):
                matches = self._exact(vt, 0.85, "news-form", qualifier)
                if matches:
                    break
        if not matches and fuzzy_cutoff < NO_FUZZY:
            matches = self._fuzzy_matches(toks, fuzzy_cutoff)
        return self._rank(matches, set(isos), viewbox)

    def _answer(self, phrase: Phrase, isos: tuple[str, ...], viewbox: Viewbox | None,
                fuzzy_cutoff: float) -> list[Match]:
        """A phrase's answer: ``compound`` computes it; its anchors are looked up here, as plain
        names (a phrase inside a phrase is not a place)."""
        def lookup(t: str, prefer: Sequence[str], fuzzy: bool) -> Match | None:
            found = self._lookup(clean(t), tuple(prefer) or isos, viewbox, fuzzy_cutoff if fuzzy else NO_FUZZY,
                                 phrases=False)
            return found[0] if found else None

        return compound.answer(phrase, compound.Context(self.gaz, lookup, self.country_iso, isos))

    def _isos(self, country_codes: str | Sequence[str] | None) -> tuple[str, ...]:
        """Preferred countries as ISO alpha-3, in the caller's order (the first owns "its ADIZ")."""
        if not country_codes:
            return ()
        codes = [country_codes] if isinstance(country_codes, str) else list(country_codes)
        return tuple(dict.fromkeys(iso for c in codes if (iso := self.country_iso(c))))

    def _exact(self, toks: list[str], confidence: float, method: str, qualifier: str) -> list[Match]:
        k = " ".join(sorted(toks))
        return [Match(self.gaz.place(i), confidence, method, k, qualifier) for i in self.gaz.keys.get(k, ())]

    def _fuzzy_matches(self, toks: list[str], cutoff: float) -> list[Match]:
        out: list[Match] = []
        k = " ".join(sorted(toks))
        for hit, score in self.fuzzy.search(k, cutoff):
            conf = round(0.9 * score / 100, 3)
            out += [Match(self.gaz.place(i), conf, "fuzzy", hit) for i in self.gaz.keys[hit]]
        return out

    def _rank(self, matches: Iterable[Match], isos: set[str], viewbox: Viewbox | None) -> list[Match]:
        def score(m: Match) -> tuple[float, float]:
            # A feature's own name beats one that merely lists it as an alternate ("Alaska" the
            # region, not the Alaska Peninsula labelled "Alaska"). Not for cities: GeoNames
            # alternates are real names in use (Odessa is Odesa before Odessa, Texas).
            own = m.place.kind not in _CITY_KINDS and m.matched == key(m.place.name)
            bonus = PRIMARY_NAME_BONUS if own else 0.0
            if isos and m.place.iso_a3 in isos:
                bonus += CONTEXT_BONUS
            if viewbox and _inside(m.place, viewbox):
                bonus += CONTEXT_BONUS
            return (m.confidence, m.place.rank + bonus)

        ranked = sorted(matches, key=score, reverse=True)
        if len(ranked) < 2:
            return ranked
        # Runner-ups of the same key are alternatives, not equals: lower their confidence,
        # and lower the winner's a little when a near-equal rival is far away (ambiguous).
        top = ranked[0]
        out = [top]
        for m in ranked[1:]:
            if m.matched == top.matched:
                m = replace(m, confidence=round(m.confidence * 0.8, 3))
            out.append(m)
        rival = ranked[1]
        if (rival.matched == top.matched and score(top)[1] - score(rival)[1] < 3
                and haversine_km(top.place.lat, top.place.lon, rival.place.lat, rival.place.lon) > 100):
            out[0] = replace(top, confidence=round(top.confidence * 0.9, 3))
        return out


def _paren_parts(text: str) -> list[str]:
    """"Sea of Japan (East Sea)" or "Sea of Japan/East Sea" -> ["Sea of Japan", "East Sea"]."""
    outside = re.sub(r"\([^)]*\)?", " ", text).strip()
    inside = re.findall(r"\(([^)]*)\)?", text)
    parts = [q for p in [outside, *inside] for q in p.split("/")]
    return [p for p in parts if p.strip()]


def _inside(place: Place, viewbox: Viewbox) -> bool:
    (lat1, lon1), (lat2, lon2) = viewbox
    return min(lat1, lat2) <= place.lat <= max(lat1, lat2) and min(lon1, lon2) <= place.lon <= max(lon1, lon2)
