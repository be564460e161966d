"""``OfflineGeocoder``: a geopy ``Geocoder`` backed by the offline gazetteer.

Why geopy's interface: callers can swap it for Nominatim (or back) without code changes;
``Location.raw`` carries what geopy cannot express: kind, source, confidence, geometry.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import Gazetteer, default_gazetteer
from .match import Match, precision_of
from .normalize import clean, key
from .online import NominatimFallback, online_enabled
from .phrases import parse
from .resolve import FUZZY_CUTOFF, Resolver, Viewbox, haversine_km, query_problem

ONLINE_BELOW = 0.75  # offline confidence under which the online fallback (if on) is asked


class _NoNetworkAdapter(BaseSyncAdapter):
    """The offline geocoder never does HTTP itself; fail loudly if anything tries."""

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        raise GeocoderServiceError(f"OfflineGeocoder does no network I/O (asked for {url})")

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise GeocoderServiceError(f"OfflineGeocoder does no network I/O (asked for {url})")


class OfflineGeocoder(Geocoder):
    """Seas, straits, islands, bases, ports and cities from the offline gazetteer.

    ``online``: None follows ``SORTIE_GEOCODER_ONLINE``; True/False force it.
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None, online: bool | None = None,
                 fallback: NominatimFallback | None = None, fuzzy_cutoff: float = FUZZY_CUTOFF,
                 user_agent: str | None = None) -> None:
        super().__init__(user_agent=user_agent, adapter_factory=_NoNetworkAdapter)
        self.gazetteer = gazetteer or default_gazetteer()
        self.resolver = Resolver(self.gazetteer)
        self.fuzzy_cutoff = fuzzy_cutoff
        self.online = online_enabled() if online is None else online
        self.fallback = fallback if fallback is not None else (NominatimFallback() if self.online else None)

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int = 5,
                country_codes: str | Sequence[str] | None = None, viewbox: Viewbox | None = None,
                geometry: bool = True, timeout: Any = None) -> Location | list[Location] | None:
        """geopy-style: one ``Location`` (or None), or a list when ``exactly_one=False``.

        ``country_codes`` (alpha-3 or names) and ``viewbox`` ((lat, lon), (lat, lon)) break
        ties like Nominatim's parameters of the same name; ``timeout`` is accepted for
        drop-in compatibility and ignored (offline lookups do not wait)."""
        matches = self.candidates(query, limit=limit if not exactly_one else 1,
                                  country_codes=country_codes, viewbox=viewbox)
        locs = [self.to_location(m, geometry=geometry) for m in matches]
        # Nominatim reads names, not "140 km north of ...": a phrase is answered offline or not at all.
        if self.online and self.fallback is not None and query_problem(query) is None and parse(clean(query)) is None:
            if not locs or locs[0].raw["confidence"] < ONLINE_BELOW:
                hit = self.fallback.lookup(query, key(query))
                if hit is not None:
                    locs.insert(0, _online_location(hit))
        if exactly_one:
            return locs[0] if locs else None
        return locs or None

    def candidates(self, query: str, *, limit: int = 5, country_codes: str | Sequence[str] | None = None,
                   viewbox: Viewbox | None = None) -> list[Match]:
        """Offline candidates, best first (the Gazetteer page shows the runner-ups)."""
        return self.resolver.resolve(query, limit=limit, country_codes=country_codes,
                                     viewbox=viewbox, fuzzy_cutoff=self.fuzzy_cutoff)

    def to_location(self, m: Match, *, geometry: bool = True) -> Location:
        """geopy Location whose ``raw`` holds our fields (and GeoJSON for areas).

        ``raw["kind"]`` is what the answer is ("sea", "offset", "airspace"...), ``place_kind``
        the gazetteer row's kind; ``precision`` is exact | place | area | country | unknown;
        phrase answers add their own fields (``anchor``, ``distance_km``, ``anchors``...)."""
        p = m.place
        raw: dict[str, Any] = {
            "id": p.idx if p.idx >= 0 else None, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
            "iso_a3": p.iso_a3, "source": p.source, "confidence": m.confidence,
            "method": m.method, "matched": m.matched, "qualifier": m.qualifier, "note": p.note,
            "place_kind": p.kind, "precision": precision_of(p),
        }
        if m.qualifier == "airspace" and p.kind == "country":  # "Finnish airspace": the country, as airspace
            raw["kind"] = "airspace"
        raw.update(m.info)
        if geometry:
            raw["geometry"] = self.gazetteer.geometry(p)
        return Location(p.name, Point(p.lat, p.lon), raw)

    def reverse(self, query: Any, *, exactly_one: bool = True) -> Location | list[Location] | None:
        """Named seas containing the point, else the nearest city or port within 50 km."""
        from .geometry import seas_at

        pt = Point(query)
        seas = seas_at(pt.latitude, pt.longitude, gazetteer=self.gazetteer)
        locs = [self.to_location(Match(s, 1.0, "reverse", "")) for s in seas]
        if not locs:
            best = None
            for p in self.gazetteer.places():
                if p.kind in {"city", "capital", "port"}:
                    d = haversine_km(pt.latitude, pt.longitude, p.lat, p.lon)
                    if d <= 50 and (best is None or d < best[0]):
                        best = (d, p)
            if best:
                locs = [self.to_location(Match(best[1], 0.9, "reverse", ""))]
        if exactly_one:
            return locs[0] if locs else None
        return locs or None


def _online_location(hit: dict[str, Any]) -> Location:
    raw = {"name": hit["name"], "kind": "online", "lat": hit["lat"], "lon": hit["lon"],
           "source": hit["source"], "confidence": 0.7, "method": "nominatim", "geometry": None,
           "precision": "unknown"}
    return Location(hit["name"], Point(hit["lat"], hit["lon"]), raw)


_default: OfflineGeocoder | None = None
_default_lock = threading.Lock()


def default_geocoder() -> OfflineGeocoder:
    """Process-wide geocoder (online fallback as the environment says); thread-safe."""
    global _default
    with _default_lock:
        if _default is None:
            _default = OfflineGeocoder()
        return _default


def geocode(query: str, **kwargs: Any) -> Location | None:
    """``from geo import geocode``: best Location or None, with the default geocoder."""
    kwargs.setdefault("exactly_one", True)
    return default_geocoder().geocode(query, **kwargs)


def candidates(query: str, **kwargs: Any) -> list[Match]:
    """Ranked offline candidates for ``query`` with the default geocoder."""
    return default_geocoder().candidates(query, **kwargs)
