"""Offline geocoder for military-activity places: seas, straits, islands, bases, ports, cities.

``from geo import geocode`` -> geopy ``Location`` or None. ``geo.OfflineGeocoder`` is a geopy
``Geocoder``. Geometry helpers (border distance, point-in-sea, sea routes) are in
``geo.geometry``. ``geo`` imports nothing else from Sortie.
"""

from __future__ import annotations

from .geocoder import OfflineGeocoder, candidates, default_geocoder, geocode
from .resolve import Match, query_problem

__all__ = ["OfflineGeocoder", "Match", "candidates", "default_geocoder", "geocode", "query_problem"]
