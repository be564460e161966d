"""A broken geocoder fails extraction; it is never skipped or read as "no places found"."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import geo
from events.extract import extract, places

ROOT = Path(__file__).resolve().parents[1]
TEXT = "On Friday, two Russian Tu-95MS bombers flew a joint patrol over the Sea of Japan."


@pytest.fixture
def fresh_lookups() -> Iterator[None]:
    places._lookup.cache_clear()  # noqa: SLF001 - cached answers would hide the broken geocoder
    yield
    places._lookup.cache_clear()  # noqa: SLF001 - drop answers cached while it was broken


def test_the_geocoder_resolves_the_places_it_is_given(fresh_lookups: None) -> None:
    out = extract(TEXT, date(2021, 11, 23))
    assert out[0].gazetteer_names == ["Sea of Japan"] and out[0].event.geometry is not None


def test_an_error_inside_the_geocoder_fails_extraction(fresh_lookups: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(query: str, **kwargs: object) -> None:
        raise RuntimeError("gazetteer index corrupt")

    monkeypatch.setattr(geo, "geocode", broken)
    with pytest.raises(RuntimeError, match="gazetteer index corrupt"):
        extract(TEXT, date(2021, 11, 23))


def test_a_geo_that_cannot_be_imported_fails_the_import_of_the_extractor() -> None:
    code = ("import sys\n"
            "sys.modules['geo.geocoder'] = None  # geo broken inside: importing it raises ImportError\n"
            "try:\n    import events.extract\nexcept ImportError:\n    sys.exit(0)\nsys.exit(1)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, "events.extract imported without a working geo\n" + proc.stderr


def test_text_that_is_no_place_is_none_from_geo_not_an_error(fresh_lookups: None) -> None:
    assert places._lookup("🚀") is None and places._lookup("x" * 10_000) is None  # noqa: SLF001
