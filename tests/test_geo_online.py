"""Online fallback: off by default, fails fast with no network, caches, never overrides a good
offline answer. The "network" here is a refused port on 127.0.0.1 or a fake client."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from geopy.location import Location
from geopy.point import Point

from geo import OfflineGeocoder
from geo.online import NominatimFallback, online_enabled


def refused_port() -> int:
    """A local port with nothing listening (connect -> ECONNREFUSED at once)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_off_unless_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SORTIE_GEOCODER_ONLINE", raising=False)
    assert not online_enabled() and OfflineGeocoder().fallback is None
    monkeypatch.setenv("SORTIE_GEOCODER_ONLINE", "1")
    assert online_enabled() and isinstance(OfflineGeocoder().fallback, NominatimFallback)


def test_no_network_fails_fast_and_offline_answer_stands(tmp_path: Path) -> None:
    fb = NominatimFallback(tmp_path / "cache.json", domain=f"127.0.0.1:{refused_port()}", timeout=2)
    g = OfflineGeocoder(online=True, fallback=fb)
    t = time.perf_counter()
    assert g.geocode("Xqzvbn Wkpt") is None  # offline has nothing; online unreachable
    assert time.perf_counter() - t < 2.0
    assert fb.last_error and "unreachable" in fb.last_error
    # Circuit breaker: the next miss does not try the network again (no 1 s rate-limit wait).
    t = time.perf_counter()
    assert g.geocode("Another Unknown Placename") is None
    assert time.perf_counter() - t < 0.5
    # Fuzzy (low-confidence) offline answers still come back.
    assert g.geocode("Sea of Okhostk").address == "Sea of Okhotsk"


class FakeClient:
    """Stands in for geopy's rate-limited Nominatim.geocode."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, query: str, exactly_one: bool = True) -> Location | None:
        self.calls.append(query)
        if query == "Nowhere":
            return None
        return Location("Fakeville, Testland", Point(10.0, 20.0), {"osm_type": "node", "osm_id": 1})


def test_cache_means_one_network_call_per_name(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "nominatim.json"
    fb = NominatimFallback(cache)
    fake = FakeClient()
    fb._geocode = fake  # noqa: SLF001 (inject the fake client)
    g = OfflineGeocoder(online=True, fallback=fb)
    for _ in range(3):
        loc = g.geocode("Fakeville")
        assert loc.address == "Fakeville, Testland" and loc.raw["method"] == "nominatim"
        assert g.geocode("Nowhere") is None
    assert fake.calls == ["Fakeville", "Nowhere"]
    assert cache.exists() and (cache.parent / ".gitignore").read_text() == "*\n"
    fb2 = NominatimFallback(cache)  # a new process reads the persisted cache
    fb2._geocode = FakeClient()  # noqa: SLF001
    assert fb2.lookup("Fakeville", "fakeville")["lat"] == 10.0 and fb2._geocode.calls == []


def test_confident_offline_answer_skips_the_network(tmp_path: Path) -> None:
    fb = NominatimFallback(tmp_path / "c.json")
    fake = FakeClient()
    fb._geocode = fake  # noqa: SLF001
    g = OfflineGeocoder(online=True, fallback=fb)
    assert g.geocode("Sea of Okhotsk").address == "Sea of Okhotsk"
    assert fake.calls == []


def test_client_is_rate_limited_with_user_agent(tmp_path: Path) -> None:
    fb = NominatimFallback(tmp_path / "c.json")
    client = fb._client()  # noqa: SLF001
    assert client.min_delay_seconds == 1.0
    nom = client.func.__self__
    assert "sortie" in nom.headers["User-Agent"] and nom.timeout <= 5
