"""Optional Nominatim fallback, off unless ``SORTIE_GEOCODER_ONLINE=1``.

Why so guarded: Nominatim's policy allows one request per second for a whole application,
and Sortie must work with no network. So: a configured user agent, geopy's RateLimiter at
1 req/s, a short timeout, a persistent JSON cache (a name never goes to the network twice),
and a circuit breaker: after one network failure we stop trying for this process.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from .gazetteer import ROOT

log = logging.getLogger(__name__)

ENV_FLAG = "SORTIE_GEOCODER_ONLINE"
DEFAULT_CACHE = ROOT / "data" / "cache" / "nominatim.json"
USER_AGENT = "sortie-dashboard/0.1 (offline-first; geo/online.py)"


def online_enabled() -> bool:
    """True when the environment opts in to the network fallback."""
    return os.environ.get(ENV_FLAG, "").strip().lower() in {"1", "true", "yes", "on"}


class NominatimFallback:
    """Cached, rate-limited, fail-fast Nominatim lookups returning plain dicts."""

    def __init__(self, cache_path: Path = DEFAULT_CACHE, *, domain: str | None = None,
                 scheme: str | None = None, timeout: float = 3.0, user_agent: str = USER_AGENT,
                 min_delay_seconds: float = 1.0) -> None:
        self.cache_path = Path(cache_path)
        self.domain = domain or os.environ.get("SORTIE_NOMINATIM_DOMAIN", "nominatim.openstreetmap.org")
        self.scheme = scheme or ("http" if self.domain.startswith(("127.", "localhost")) else "https")
        self.timeout = timeout
        self.user_agent = user_agent
        self.min_delay_seconds = min_delay_seconds
        self.last_error: str | None = None
        self._down = False
        self._lock = threading.Lock()
        self._cache: dict[str, Any] | None = None
        self._geocode = None

    def _load_cache(self) -> dict[str, Any]:
        if self._cache is None:
            try:
                self._cache = json.loads(self.cache_path.read_text("utf-8"))
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _save_cache(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.cache_path.parent / ".gitignore"
        if not ignore.exists():  # keep the cache out of git even if the repo forgot to
            ignore.write_text("*\n", encoding="utf-8")
        tmp = self.cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._cache, ensure_ascii=False, indent=0), encoding="utf-8")
        tmp.replace(self.cache_path)

    def _client(self):  # noqa: ANN202 (geopy's RateLimiter has no public type)
        if self._geocode is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            nom = Nominatim(user_agent=self.user_agent, domain=self.domain, scheme=self.scheme,
                            timeout=self.timeout)
            self._geocode = RateLimiter(nom.geocode, min_delay_seconds=self.min_delay_seconds,
                                        max_retries=0, swallow_exceptions=False)
        return self._geocode

    def lookup(self, query: str, cache_key: str) -> dict[str, Any] | None:
        """``{"name", "lat", "lon", "source"}`` or None; never raises on network trouble."""
        with self._lock:
            cache = self._load_cache()
            if cache_key in cache:
                return cache[cache_key]
            if self._down:
                return None
            from geopy.exc import GeopyError

            try:
                loc = self._client()(query, exactly_one=True)
            except (GeopyError, OSError) as exc:
                self._down = True
                self.last_error = (f"Nominatim unreachable at {self.scheme}://{self.domain} "
                                   f"({type(exc).__name__}); using the offline answer only")
                log.warning(self.last_error)
                return None
            hit = None
            if loc is not None:
                hit = {"name": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                       "source": f"OpenStreetMap Nominatim ({self.domain}), ODbL",
                       "osm_type": (loc.raw or {}).get("osm_type"), "osm_id": (loc.raw or {}).get("osm_id")}
            cache[cache_key] = hit
            self._save_cache()
            return hit
