"""Accuracy on the development set (not timing: timings live in bench/geocoder.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from geo import OfflineGeocoder
from geo.evaluate import accuracy, evaluate, load_devset

DEVSET = Path(__file__).parent / "data" / "geocoder_devset.csv"
# The issue's tolerance ranges per category (seas 300-600, straits/islands 100, bases/cities 25).
# An archipelago 1,200 km long (the Kurils) is an area, so it gets a sea's tolerance.
TOLERANCE_RANGES = {"sea": (300, 600), "gulf": (300, 600), "strait": (100, 100), "island": (100, 100),
                    "base": (25, 25), "port": (25, 25), "city": (25, 25), "archipelago": (300, 600)}


def test_devset_is_big_sourced_and_within_issue_tolerances() -> None:
    rows = load_devset(DEVSET)
    assert len(rows) >= 150
    cats = Counter(r["category"] for r in rows)
    for cat in ("sea", "gulf", "strait", "island", "base", "port", "city", "variant", "fuzzy"):
        assert cats[cat] >= 5, cat
    for r in rows:
        assert r["source"].startswith("https://"), r["query"]
        lo, hi = TOLERANCE_RANGES.get(r["category"], (25, 600))
        assert lo <= float(r["tolerance_km"]) <= hi, r["query"]


def test_accuracy_at_least_97_percent() -> None:
    outcomes = evaluate(OfflineGeocoder(online=False), load_devset(DEVSET))
    misses = [(o.query, o.got, o.error_km) for o in outcomes if not o.ok]
    assert accuracy(outcomes) >= 0.97, misses
